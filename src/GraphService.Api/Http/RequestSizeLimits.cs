using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GraphService.Api.Http;

/// <summary>
/// The documented limits on a request's target (path and query) and headers, answered 414 and 431 as problem+json.
/// Kestrel enforces its own limits while it parses, before any middleware exists, and answers those with an empty body;
/// so Kestrel's limits are set to twice these, as a backstop, and everything between the two gets a problem body here.
/// </summary>
public sealed class RequestSizeLimits(RequestDelegate next, IOptions<ApiOptions> options)
{
    /// <summary>Kestrel's own limits: twice the documented ones (plus room for the method and version on the request line).</summary>
    public static void ConfigureKestrel(KestrelServerOptions kestrel, ApiOptions api)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestLineSize = (2 * api.MaxRequestTargetBytes) + 64;
        kestrel.Limits.MaxRequestHeadersTotalSize = 2 * api.MaxRequestHeaderBytes;
    }

    public Task InvokeAsync(HttpContext http)
    {
        var api = options.Value;
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Concat(http.Request.Path.Value, http.Request.QueryString.Value);
        if (target.Length > api.MaxRequestTargetBytes)
        {
            return RefuseAsync(http, StatusCodes.Status414UriTooLong, ProblemTypes.UriTooLong, "URI too long",
                $"The request target is {target.Length} bytes; at most {api.MaxRequestTargetBytes} are accepted. Ask for less in one request " +
                "(fewer entities in exclude or types), or split the question.");
        }

        var headerBytes = 0L;
        foreach (var (name, values) in http.Request.Headers)
        {
            // As on the wire: "name: value\r\n" for each value.
            foreach (var value in values)
            {
                headerBytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        if (headerBytes > api.MaxRequestHeaderBytes)
        {
            return RefuseAsync(http, StatusCodes.Status431RequestHeaderFieldsTooLarge, ProblemTypes.HeadersTooLarge, "Request headers too large",
                $"The request headers are {headerBytes} bytes; at most {api.MaxRequestHeaderBytes} are accepted. Send fewer or shorter headers (cookies, tokens).");
        }

        return next(http);
    }

    private static Task RefuseAsync(HttpContext http, int status, string type, string title, string detail) =>
        Problems.WriteAsync(http, Problems.Create(http, status, type, title, detail)).AsTask();
}
