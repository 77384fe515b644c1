using Microsoft.AspNetCore.StaticFiles;

namespace GraphService.Api.Http;

/// <summary>
/// Headers that tell browsers how to treat what the API sends. Every response: <c>X-Content-Type-Options: nosniff</c>
/// (a body is only ever what its Content-Type says) and <c>Referrer-Policy: no-referrer</c> (links out of the explorer
/// or a report do not tell the linked site what was being looked at). The explorer and the HTML and SVG reports also
/// get a Content-Security-Policy that forbids inline scripts and framing.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// The one inline style the explorer needs: cytoscape inserts a style element holding exactly
    /// <c>.__________cytoscape_container { position: relative; }</c> into the page; this is its SHA-256, allowed by hash
    /// (ExplorerSecurityTests checks it against the cytoscape that is served).
    /// </summary>
    public const string CytoscapeContainerStyleHash = "sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8=";

    /// <summary>
    /// The explorer loads its scripts, styles and cytoscape from its own origin and talks only to its own API; nothing
    /// inline (but cytoscape's one style element), nothing from elsewhere, never inside a frame.
    /// </summary>
    public const string ExplorerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' '" + CytoscapeContainerStyleHash + "'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A report is markup with inline style attributes and nothing else: no scripts, no style elements, no loads. Browsers
    /// without style-src-attr fall back to style-src, which allows the attributes (and, for them only, style elements).
    /// </summary>
    public const string ReportPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; style-src-elem 'none'; style-src-attr 'unsafe-inline'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (IsReport(context))
            {
                headers.ContentSecurityPolicy = ReportPolicy;
            }

            return Task.CompletedTask;
        }, http);
        return next(http);
    }

    /// <summary>For UseStaticFiles: the explorer's page and assets carry <see cref="ExplorerPolicy"/>.</summary>
    public static void OnExplorerFile(StaticFileResponseContext file) =>
        file.Context.Response.Headers.ContentSecurityPolicy = ExplorerPolicy;

    /// <summary>A report a browser could render as a document: HTML, or SVG opened on its own.</summary>
    private static bool IsReport(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ReportResponses>() is not null &&
        http.Response.ContentType is { } type &&
        (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || type.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase));
}
