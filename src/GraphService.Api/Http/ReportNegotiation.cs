using GraphService.Core.Queries;
using GraphService.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace GraphService.Api.Http;

/// <summary>
/// Chooses the representation of a path or neighbourhood answer: <c>?format=</c> first (json or a report format by
/// name; unknown → 400), else the Accept header (highest quality first; application/json and wildcards mean JSON; a
/// report media type means that report; nothing acceptable → 406), else JSON. Decided before the query runs.
/// </summary>
public static class ReportNegotiation
{
    public const string Json = "json";

    public static IReadOnlyList<string> FormatNames { get; } = [Json, .. ReportFormats.Supported];

    public static QueryParameter FormatParameter { get; } = QueryParameter.Choice("format", FormatNames, Json,
        "the representation: json (the result as JSON), or a report: markdown, html, svg, mermaid, cypher, graphml, or cytoscape " +
        "(Cytoscape.js elements, sent as application/json). Without it the Accept header decides (text/markdown, text/html, " +
        "image/svg+xml, text/vnd.mermaid, application/x-cypher-query, application/graphml+xml)");

    /// <summary>The report to write, null for JSON, or the problem that answers the request instead.</summary>
    public static bool TryChoose(HttpContext http, string? format, out ReportFormat? report, out ProblemHttpResult? problem)
    {
        report = null;
        problem = null;
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (string.Equals(format.Trim(), Json, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (ReportFormats.TryParse(format, out var named))
            {
                report = named;
                return true;
            }

            var invalid = Problems.Create(http, StatusCodes.Status400BadRequest, ProblemTypes.UnsupportedFormat, "Unsupported format",
                $"format '{format}' is not supported. Supported formats: {string.Join(", ", FormatNames)}.");
            invalid.Extensions["errors"] = new Dictionary<string, string[]> { ["format"] = [$"format must be one of {string.Join(", ", FormatNames)}; got '{format}'"] };
            invalid.Extensions["supported"] = FormatNames;
            problem = TypedResults.Problem(invalid);
            return false;
        }

        var accept = http.Request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return true;
        }

        foreach (var media in accept.Where(m => (m.Quality ?? 1) > 0).OrderByDescending(m => m.Quality ?? 1))
        {
            var type = media.MediaType.Value ?? string.Empty;
            if (type is "*/*" or "application/*" or "application/json")
            {
                return true;
            }

            if (ReportFormats.TryParseMediaType(type, out var negotiated))
            {
                report = negotiated;
                return true;
            }

            if (type.EndsWith("/*", StringComparison.Ordinal) &&
                ReportFormats.All.FirstOrDefault(f => f.Negotiable && f.MediaType.StartsWith(type[..^1], StringComparison.OrdinalIgnoreCase)) is { } family)
            {
                report = family.Format;
                return true;
            }
        }

        var mediaTypes = ReportFormats.All.Where(f => f.Negotiable).Select(f => f.MediaType).Prepend("application/json").ToList();
        var notAcceptable = Problems.Create(http, StatusCodes.Status406NotAcceptable, ProblemTypes.NotAcceptable, "Not acceptable",
            $"No representation matches Accept: {http.Request.Headers.Accept}. Supported media types: {string.Join(", ", mediaTypes)}; " +
            $"or name a format with ?format= ({string.Join(", ", FormatNames)}).");
        notAcceptable.Extensions["supported"] = mediaTypes;
        problem = TypedResults.Problem(notAcceptable);
        return false;
    }

    public static ContentHttpResult Write(PathResult result, ReportFormat format) =>
        TypedResults.Text(ReportWriter.Write(result, format), ContentTypeOf(format));

    public static ContentHttpResult Write(NeighborhoodResult result, ReportFormat format) =>
        TypedResults.Text(ReportWriter.Write(result, format), ContentTypeOf(format));

    private static string ContentTypeOf(ReportFormat format) => ReportFormats.MediaTypeOf(format) + "; charset=utf-8";
}

/// <summary>Marks endpoints that write reports, for the OpenAPI document.</summary>
public sealed record ReportResponses;
