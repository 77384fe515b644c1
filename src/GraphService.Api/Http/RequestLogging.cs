using System.Diagnostics;

namespace GraphService.Api.Http;

/// <summary>One structured log line per request: method, path, query, status and duration. Outermost, so it sees the final status.</summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            LogRequest(logger, http.Request.Method, http.Request.Path, http.Request.QueryString.Value ?? string.Empty, http.Response.StatusCode,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path}{Query} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, string query, int statusCode, double elapsedMilliseconds);
}
