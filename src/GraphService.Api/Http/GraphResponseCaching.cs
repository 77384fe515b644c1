using System.Buffers;
using System.Buffers.Text;
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
    private const string JsonContentType = "application/json; charset=utf-8";
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
            if (!cache.Enabled)
            {
                // Nothing keeps the answer, so it is sent from the buffer it was written to (returned once it is sent).
                var pooled = ResponseBytes.PooledJson(value, jsonOptions.Value.SerializerOptions, maxBytes, http.RequestAborted);
                return pooled is null ? TooLarge(http) : new PooledBody(etag, lastModified, pooled, JsonContentType);
            }

            var json = ResponseBytes.Json(value, jsonOptions.Value.SerializerOptions, maxBytes, http.RequestAborted);
            return json is null ? TooLarge(http) : Cache(key, new CachedBody(etag, lastModified, json, JsonContentType));
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
        WriteHeaders(httpContext.Response, etag, lastModified, contentType, body.Length);
        return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    /// <summary>The status and headers of every 200 answer this filter sends, cached or not.</summary>
    internal static void WriteHeaders(HttpResponse response, string etag, DateTimeOffset? lastModified, string contentType, int length)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = length;
        response.Headers.ETag = etag;
        if (lastModified is { } modified)
        {
            response.Headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        response.Headers.CacheControl = "no-cache";
        // The representation of /api/paths and neighbourhoods depends on Accept (reports); say so to shared caches.
        response.Headers.Vary = "Accept";
    }
}

/// <summary>
/// A 200 answer sent once, with the same headers as a <see cref="CachedBody"/>, from a pooled buffer that goes back to the
/// pool when the body has been written (or the write failed).
/// </summary>
public sealed class PooledBody(string etag, DateTimeOffset? lastModified, PooledBytes body, string contentType) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => contentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (body)
        {
            CachedBody.WriteHeaders(httpContext.Response, etag, lastModified, contentType, body.Length);
            await httpContext.Response.Body.WriteAsync(body.Bytes, httpContext.RequestAborted);
        }
    }
}

/// <summary>Bodies by graph version and request, bounded in bytes (<see cref="ApiOptions.ResponseCacheMegabytes"/>); old versions age out.</summary>
public sealed class GraphResponseCache : IDisposable
{
    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);

    /// <summary>Two quotes around the 22 characters of 16 bytes in unpadded base64url.</summary>
    private const int ETagLength = 24;
    private readonly MemoryCache? _cache;

    public GraphResponseCache(IOptions<ApiOptions> options)
    {
        var megabytes = options.Value.ResponseCacheMegabytes;
        _cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L }) : null;
    }

    /// <summary>A strong ETag: the same key always yields the same bytes.</summary>
    public string ETagOf(string key)
    {
        // Every uncached answer hashes its key, so the key's UTF-8 and the text are built on the stack (or in a pooled
        // buffer for a long key). The ETag is the base64url of the hash's first 16 bytes, unpadded, in quotes.
        const int StackBytes = 1024;
        var byteCount = Encoding.UTF8.GetMaxByteCount(key.Length);
        var rented = byteCount > StackBytes ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        try
        {
            var utf8 = rented ?? stackalloc byte[StackBytes];
            var length = Encoding.UTF8.GetBytes(key, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..length], hash);
            Span<char> text = stackalloc char[ETagLength];
            text[0] = '"';
            Base64Url.EncodeToChars(hash[..16], text[1..^1]);
            text[^1] = '"';
            return new string(text);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>False when Api:ResponseCacheMegabytes is 0: nothing is kept, every answer is computed.</summary>
    public bool Enabled => _cache is not null;

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
