using GraphService.Core.Store;
using Microsoft.AspNetCore.Diagnostics;

namespace GraphService.Api.Http;

/// <summary>
/// The one exception handler: a store that cannot answer (down, unreachable, no graph loaded) is a 503 with Retry-After;
/// a request the framework could not bind is a 400. Anything else is left to the default 500 problem, which carries no
/// exception details. The store's own message is logged, not sent, because it may name files and hosts.
/// </summary>
public sealed partial class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public const string DefaultRetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case GraphStoreUnavailableException unavailable:
                {
                    var retryAfter = unavailable.RetryAfter is TimeSpan r
                        ? ((int)Math.Ceiling(Math.Max(1, r.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : DefaultRetryAfterSeconds;
                    LogUnavailable(logger, httpContext.Request.Path, unavailable.Message);
                    httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    httpContext.Response.Headers.RetryAfter = retryAfter;
                    var problem = Problems.Create(httpContext, StatusCodes.Status503ServiceUnavailable, ProblemTypes.StoreUnavailable,
                        "Store unavailable", $"The graph store cannot answer now (no graph loaded yet, or the backend is unreachable). Retry after {retryAfter} seconds.");
                    return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
                }

            case BadHttpRequestException badRequest:
                {
                    httpContext.Response.StatusCode = badRequest.StatusCode;
                    var problem = Problems.Create(httpContext, badRequest.StatusCode,
                        badRequest.StatusCode == StatusCodes.Status400BadRequest ? ProblemTypes.InvalidParameter : null,
                        "Bad request", badRequest.Message);
                    return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
                }

            default:
                return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unavailable while answering {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string path, string reason);
}
