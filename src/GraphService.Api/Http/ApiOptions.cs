using System.ComponentModel.DataAnnotations;

namespace GraphService.Api.Http;

/// <summary>The "Api" configuration section: caching, time and size limits of the HTTP host.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// How long the graph version read from the store is trusted before it is read again. ETags and cached responses
    /// are keyed by it, so a graph imported by another process is noticed within this time.
    /// </summary>
    [Range(0, 60_000)]
    public int StatusRefreshMilliseconds { get; set; } = 1000;

    /// <summary>Memory for cached response bodies (keyed by graph version and request); 0 turns the cache off.</summary>
    [Range(0, 4096)]
    public int ResponseCacheMegabytes { get; set; } = 64;

    /// <summary>A request still running after this long is cancelled and answered 504.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The largest answer body the API builds, in megabytes (fractions allowed); a larger one is refused with a
    /// response-too-large problem that says how to ask for less.
    /// </summary>
    [Range(0.001, 1024)]
    public double MaxResponseMegabytes { get; set; } = 32;

    /// <summary>The longest request target (path and query) answered; longer is a 414 problem.</summary>
    [Range(1024, 1_048_576)]
    public int MaxRequestTargetBytes { get; set; } = 8192;

    /// <summary>The most header bytes a request may carry; more is a 431 problem.</summary>
    [Range(4096, 1_048_576)]
    public int MaxRequestHeaderBytes { get; set; } = 32_768;

    public long MaxResponseBytes => (long)(MaxResponseMegabytes * 1024 * 1024);
}

/// <summary>The "RateLimiting" section: a fixed window of requests per client IP address, for the /api endpoints.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests one client may make per window.</summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 600;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests over the limit that wait for the next window instead of being refused at once.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; }
}

/// <summary>The "Cors" section: origins (for example a report tool's) allowed to read the API from a browser.</summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>Exact origins such as https://reports.example.org, or "*" for any; empty allows none.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];
}
