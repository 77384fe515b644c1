using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GraphService.Api.Tests;

/// <summary>
/// What the Observability settings and OTEL_EXPORTER_OTLP_ENDPOINT turn on and off (docs/observability.md), each test on
/// its own API over an empty store.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class ObservabilityConfigurationTests
{
    [Fact]
    public async Task With_metrics_turned_off_there_is_no_scraping_endpoint_and_no_meter_provider()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Observability:Metrics:Enabled"] = "false" });

        using var response = await server.Client.GetAsync("/metrics");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.Null(server.Services.GetService<MeterProvider>());
        using var live = await server.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task The_scraping_endpoint_answers_at_the_configured_path_only()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Observability:Metrics:Path"] = "/internal/metrics" });

        using var live = await server.Client.GetAsync("/health/live");
        var scrape = await MetricsScrape.ReadAsync(server.Client, "/internal/metrics");
        using var usual = await server.Client.GetAsync("/metrics");

        Assert.Equal(1, scrape.Value("http_server_request_duration_seconds_count", ("http_route", "/health/live")));
        Assert.Equal(HttpStatusCode.NotFound, usual.StatusCode);
    }

    [Theory]
    [InlineData("metrics", "Observability:Metrics:Path must be a path")]
    [InlineData("/metrics/", "Observability:Metrics:Path must be a path")]
    [InlineData("/api/metrics", "lies under /api")]
    [InlineData("/health", "lies under /health")]
    public async Task A_scraping_path_that_is_not_a_plain_free_path_stops_the_start(string path, string expected)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiServer.StartAsync(new Dictionary<string, string?> { ["Observability:Metrics:Path"] = path }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OTLP_endpoint_that_is_not_an_http_URL_stops_the_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiServer.StartAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "collector:4317" }));

        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http:// or https:// URL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scraping_endpoint_is_open_when_the_API_requires_tokens()
    {
        var tokens = new TokenIssuer();
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Jwt",
            ["Auth:SigningKey"] = tokens.KeyBase64,
            ["Auth:Issuer"] = TokenIssuer.Issuer,
            ["Auth:Audience"] = TokenIssuer.Audience,
        });

        using var api = await server.Client.GetAsync("/api/schema");
        var scrape = await MetricsScrape.ReadAsync(server.Client);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(1, scrape.Value("http_server_request_duration_seconds_count", ("http_route", "/api/schema/"), ("http_response_status_code", "401")));
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_traces_are_recorded()
    {
        await using var server = await ApiServer.StartAsync();

        Assert.Null(server.Services.GetService<TracerProvider>());
        Assert.NotNull(server.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_each_request_is_a_span_and_scrapes_are_not()
    {
        var spans = new SpanLog();
        await using var server = await ApiServer.StartAsync(Traced(ClosedPort()), s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));

        using var response = await server.Client.GetAsync("/health/live");
        using var scrape = await server.Client.GetAsync("/metrics");

        var request = await SpanAsync(spans, a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("http.route"), "/health/live"));
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(spans.Snapshot(), a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("url.path"), "/metrics"));
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_each_call_to_the_Neo4j_Query_API_is_a_client_span()
    {
        var spans = new SpanLog();
        var neo4j = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        var settings = Traced(ClosedPort());
        settings["Graph:Backend"] = "Neo4j";
        settings["Neo4j:Uri"] = neo4j.AbsoluteUri;
        settings["Neo4j:Retries"] = "0";
        await using var server = await ApiServer.StartAsync(settings, s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));

        // The API asks Neo4j for its graph at start-up; nothing listens there, so the call fails, and is traced as it failed.
        var call = await SpanAsync(spans, a => a.Kind == ActivityKind.Client && a.GetTagItem("url.full") is string url && url.StartsWith(neo4j.AbsoluteUri, StringComparison.Ordinal));

        Assert.Equal("POST", call.GetTagItem("http.request.method"));
        Assert.Contains("/db/neo4j/query/v2", (string)call.GetTagItem("url.full")!, StringComparison.Ordinal);
        Assert.Equal(ActivityStatusCode.Error, call.Status);
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_traces_and_metrics_are_pushed_to_the_collector()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export within a fraction of a second instead of OpenTelemetry's 5 s (spans) and 60 s (metrics).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        };
        await using var server = await ApiServer.StartAsync(settings);

        using var response = await server.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await collector.WaitForAsync("/v1/traces", TimeSpan.FromSeconds(30));
        await collector.WaitForAsync("/v1/metrics", TimeSpan.FromSeconds(30));
        Assert.All(collector.ContentTypes, t => Assert.Equal("application/x-protobuf", t));
    }

    /// <summary>Settings that turn tracing on; the OTLP exporter sends to a port where nothing listens, and gives up fast.</summary>
    private static Dictionary<string, string?> Traced(int collectorPort) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{collectorPort}",
        ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "500",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<Activity> SpanAsync(SpanLog spans, Func<Activity, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var recorded = spans.Snapshot();
            if (recorded.FirstOrDefault(match) is { } span)
            {
                return span;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"No such span among {recorded.Count}: {string.Join(", ", recorded.Select(s => $"{s.Kind} {s.DisplayName}"))}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
