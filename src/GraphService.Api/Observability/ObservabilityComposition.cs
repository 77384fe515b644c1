using GraphService.Hosting.Observability;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GraphService.Api.Observability;

/// <summary>
/// OpenTelemetry for the API (docs/observability.md). Metrics: the service's own (<see cref="GraphServiceMetrics"/>), ASP.NET
/// Core's and HttpClient's, scraped by Prometheus at Observability:Metrics:Path (on by default) and pushed over OTLP when
/// an endpoint is configured. Traces: one span per request and one per Neo4j Query API call (HttpClient), recorded only
/// when OTLP has somewhere to send them. The scraping endpoint is open, as /health is, whatever Auth:Mode says: serve it
/// on an internal port or keep it from the public route at the proxy.
/// </summary>
public static class ObservabilityComposition
{
    /// <summary>The service.name resource attribute unless OTEL_SERVICE_NAME names another.</summary>
    public const string ServiceName = "graphservice";

    public static IServiceCollection AddGraphObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>()
            .Bind(configuration.GetSection(ObservabilityOptions.Section))
            .Configure(o => o.OtlpEndpoint = configuration[ObservabilityOptions.OtlpEndpointKey])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidation>();

        var settings = ObservabilityOptions.From(configuration);
        if (!settings.Metrics.Enabled && !settings.ExportsOtlp)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(GraphServiceMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            if (settings.Metrics.Enabled)
            {
                // Not cached between scrapes (the exporter's default is 300 ms): a scrape always sees the requests before it.
                metrics.AddPrometheusExporter(o =>
                {
                    o.ScrapeEndpointPath = settings.Metrics.Path;
                    o.ScrapeResponseCacheDurationMilliseconds = 0;
                });
            }

            if (settings.ExportsOtlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        if (settings.ExportsOtlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsScrape(http, settings))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>Maps the Prometheus scraping endpoint when Observability:Metrics:Enabled; open to all, never rate limited or cached.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (settings.Metrics.Enabled)
        {
            // Scrapes are neither counted in the HTTP metrics they read nor traced.
            app.MapPrometheusScrapingEndpoint(settings.Metrics.Path).AllowAnonymous().DisableHttpMetrics();
        }

        return app;
    }

    private static bool IsScrape(HttpContext http, ObservabilityOptions settings) =>
        settings.Metrics.Enabled && http.Request.Path.Equals(settings.Metrics.Path, StringComparison.OrdinalIgnoreCase);
}
