using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GraphService.Api.Http;

/// <summary>
/// The /api rate limit: one <see cref="WindowCountdownLimiter"/> per client address, with RateLimiting's permits, window
/// and queue. Every request asks for its partition, so the limits and the limiter's factory are made once here, and the
/// partition is keyed by the address itself rather than its text; a connection without an address (a test server, a
/// Unix socket) shares one partition with every other such connection.
/// </summary>
public sealed class PerClientRateLimitPolicy : IRateLimiterPolicy<object>
{
    private static readonly object NoAddress = new();
    private readonly Func<object, RateLimiter> _createLimiter;

    public PerClientRateLimitPolicy(IOptions<RateLimitingOptions> options, TimeProvider time)
    {
        var limits = options.Value;
        var limiterOptions = new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = limits.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
        _createLimiter = _ => new WindowCountdownLimiter(limiterOptions, time);
    }

    /// <summary>None of its own: the limiter options' OnRejected writes the 429 problem.</summary>
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<object> GetPartition(HttpContext httpContext) =>
        new(httpContext.Connection.RemoteIpAddress ?? NoAddress, _createLimiter);
}
