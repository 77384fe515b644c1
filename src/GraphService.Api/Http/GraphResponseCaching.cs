using System.Security.Cryptography;
using System.Text;
using GraphService.Core.Store;
using GraphService.Hosting.Observability;
using Microsoft.AspNetCore.Http.Json;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GraphService.Api.Http;

/// <summary>
/// Ties every /api answer to the graph version it was computed from. Before the handler runs: no graph loaded → 503;
/// an If-None-Match that matches the ETag (graph version + path + query + Accept) → 304 without any work; a body cached
/// for the same key → that body. After it runs, a 200 body is serialized once, cached and sent with its ETag and, when the
/// store knows when the graph was imported, a Last-Modified of that time. Bodies are built within the response cap and
/// the request's time (<see cref="ResponseBytes"/>); a larger one is a response-too-large problem, never cached (If-Modified-Since is honoured when no
/// If-None-Match is sent, as RFC 9110 orders them).
/// A graph is immutable per version, so the same key always means the same bytes; a new import is a new version,
/// which changes every key, so nothing stale is ever served (beyond <see cref="ApiOptions.StatusRefreshMilliseconds"/>).
/// ASP.NET Core's output cache is not used because it cannot answer If-None-Match before a first cached response.
/// Each answer counts as a cache hit (304 or cached body: no query ran) or a miss (the handler ran) in <see cref="GraphServiceMetrics"/>.
/// </summary>
public sealed class GraphResponseCaching(GraphStatusMonitor monitor, GraphResponseCache cache, IOptions<JsonOptions> jsonOptions, IOptions<ApiOptions> options, GraphServiceMetrics metrics) : IEndpointFilter
{
    private static readonly TimeSpan NotReadyRetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var status = await monitor.CurrentAsync(http.RequestAborted);
        if (!status.Ready || status.GraphVersion is null)
        {
            throw new GraphStoreUnavailableException("The store holds no graph yet.", null, NotReadyRetryAfter);
        }

        var key = KeyOf(status.GraphVersion, http.Request);
        // A cached answer knows its ETag, so the hot path hashes nothing.
        var cached = cache.TryGet(key, out var hit) ? hit : null;
        var etag = cached?.ETag ?? cache.ETagOf(key);
        var lastModified = Seconds(status.ImportedAt);
        var notModified = Matches(http.Request, etag) || NotModifiedSince(http.Request, lastModified);
        metrics.RecordCacheLookup(hit: notModified || cached is not null);
        if (notModified)
        {
            var headers = http.Response.Headers;
            headers.ETag = etag;
            headers.CacheControl = "no-cache";
            if (lastModified is { } modified)
            {
                headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            }

            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (cached is not null)
        {
            return cached;
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        var maxBytes = options.Value.MaxResponseBytes;
        if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value })
        {
            var json = ResponseBytes.Json(value, jsonOptions.Value.SerializerOptions, maxBytes, http.RequestAborted);
            return json is null ? TooLarge(http) : Cache(key, new CachedBody(etag, lastModified, json, "application/json; charset=utf-8"));
        }

        if (inner is ContentHttpResult { StatusCode: null or StatusCodes.Status200OK, ResponseContent: { } text } content)
        {
            var bytes = ResponseBytes.Text(text, maxBytes, http.RequestAborted);
            return bytes is null ? TooLarge(http) : Cache(key, new CachedBody(etag, lastModified, bytes, content.ContentType ?? "text/plain; charset=utf-8"));
        }

        // Typed results write a ProblemDetails value as application/json; errors are sent as application/problem+json.
        return inner is IValueHttpResult { Value: ProblemDetails problem } ? TypedResults.Problem(problem) : result;
    }

    private CachedBody Cache(string key, CachedBody body)
    {
        cache.Set(key, body);
        return body;
    }

    private ProblemHttpResult TooLarge(HttpContext http) =>
        TypedResults.Problem(Problems.ResponseTooLarge(http, options.Value.MaxResponseMegabytes));

    private static string KeyOf(string version, HttpRequest request) =>
        string.Concat(version, "\n", request.Path.Value, request.QueryString.Value, "\n", request.Headers.Accept.ToString());

    /// <summary>HTTP dates have whole seconds; compare at that precision.</summary>
    private static DateTimeOffset? Seconds(DateTimeOffset? at) =>
        at is { } t ? new DateTimeOffset(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset) : null;

    private static bool NotModifiedSince(HttpRequest request, DateTimeOffset? lastModified) =>
        lastModified is { } modified &&
        request.Headers.IfNoneMatch.Count == 0 &&
        request.GetTypedHeaders().IfModifiedSince is { } since &&
        modified <= since;

    private static bool Matches(HttpRequest request, string etag)
    {
        if (request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        var asked = request.GetTypedHeaders().IfNoneMatch;
        return asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}

/// <summary>A response body computed once for one graph version and request, sent as is to later identical requests.</summary>
public sealed class CachedBody(string etag, DateTimeOffset? lastModified, byte[] body, string contentType) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public string ETag => etag;

    public int Length => body.Length;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => contentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers.ETag = etag;
        if (lastModified is { } modified)
        {
            response.Headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        response.Headers.CacheControl = "no-cache";
        // The representation of /api/paths and neighbourhoods depends on Accept (reports); say so to shared caches.
        response.Headers.Vary = "Accept";
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}

/// <summary>Bodies by graph version and request, bounded in bytes (<see cref="ApiOptions.ResponseCacheMegabytes"/>); old versions age out.</summary>
public sealed class GraphResponseCache : IDisposable
{
    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);
    private readonly MemoryCache? _cache;

    public GraphResponseCache(IOptions<ApiOptions> options)
    {
        var megabytes = options.Value.ResponseCacheMegabytes;
        _cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L }) : null;
    }

    /// <summary>A strong ETag: the same key always yields the same bytes.</summary>
    public string ETagOf(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return string.Concat("\"", Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_'), "\"");
    }

    public bool TryGet(string key, out CachedBody body)
    {
        body = null!;
        return _cache is not null && _cache.TryGetValue(key, out body!);
    }

    public void Set(string key, CachedBody body)
    {
        _cache?.Set(key, body, new MemoryCacheEntryOptions { Size = body.Length + key.Length, SlidingExpiration = Sliding });
    }

    public void Dispose() => _cache?.Dispose();
}
