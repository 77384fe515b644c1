using Microsoft.Extensions.Options;

namespace GraphService.Api.Observability;

/// <summary>The "Observability" section (docs/observability.md): the Prometheus scraping endpoint and where traces go.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>
    /// The standard OpenTelemetry setting (an environment variable, or a top-level key of appsettings.json) naming the OTLP
    /// collector; the exporter reads it and its siblings (OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS) itself.
    /// </summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public MetricsEndpointOptions Metrics { get; set; } = new();

    /// <summary>From <see cref="OtlpEndpointKey"/>, not from this section; traces (and metrics) are sent there when set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Read at composition, where the exporters are chosen; the same values are validated when the host starts.</summary>
    public static ObservabilityOptions From(IConfiguration configuration)
    {
        var options = new ObservabilityOptions();
        configuration.GetSection(Section).Bind(options);
        options.OtlpEndpoint = configuration[OtlpEndpointKey];
        return options;
    }

    public bool ExportsOtlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);
}

/// <summary>The "Observability:Metrics" section.</summary>
public sealed class MetricsEndpointOptions
{
    /// <summary>Whether <see cref="Path"/> answers Prometheus' scrapes; off, it is not mapped at all (404).</summary>
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";
}

/// <summary>Checks <see cref="ObservabilityOptions"/> at start-up, naming the key that is wrong.</summary>
public sealed class ObservabilityOptionsValidation : IValidateOptions<ObservabilityOptions>
{
    /// <summary>Paths the API answers itself, which the scraping endpoint must not shadow.</summary>
    private static readonly string[] Taken = ["/api", "/health", "/openapi", "/swagger"];

    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        var failures = new List<string>();
        var path = options.Metrics.Path;
        if (options.Metrics.Enabled)
        {
            if (string.IsNullOrWhiteSpace(path) || path[0] != '/' || path.Length < 2 || path.EndsWith('/') || path.IndexOfAny(['?', '#', ' ', '{', '}', '*']) >= 0)
            {
                failures.Add($"Observability:Metrics:Path must be a path such as /metrics (a leading '/', no trailing '/', no query, no route parameters); got '{path}'.");
            }
            else if (Taken.FirstOrDefault(t => path.Equals(t, StringComparison.OrdinalIgnoreCase) || path.StartsWith(t + "/", StringComparison.OrdinalIgnoreCase)) is { } taken)
            {
                failures.Add($"Observability:Metrics:Path '{path}' lies under {taken}, which the API answers itself; choose another path such as /metrics.");
            }
        }

        if (options.ExportsOtlp && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{ObservabilityOptions.OtlpEndpointKey} must be an absolute http:// or https:// URL of an OTLP collector (e.g. http://collector:4317); got '{options.OtlpEndpoint}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
