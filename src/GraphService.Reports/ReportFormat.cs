namespace GraphService.Reports;

/// <summary>The output formats a path or neighborhood result can be written in.</summary>
public enum ReportFormat
{
    Markdown,
    Html,
    Svg,
    Mermaid,
    Cypher,
    GraphMl,
    Cytoscape,
}

/// <summary>
/// A format's public name (as in <c>?format=</c> and <c>--format</c>), its media type and a file extension.
/// <see cref="Negotiable"/> is false for a format whose media type is ambiguous in content negotiation
/// (Cytoscape.js JSON is <c>application/json</c>, which is the API's own result shape): such a format is chosen by name only.
/// </summary>
public sealed record ReportFormatInfo(ReportFormat Format, string Name, string MediaType, string FileExtension, bool Negotiable);

/// <summary>The table of supported formats, and parsing of names and media types.</summary>
public static class ReportFormats
{
    /// <summary>Every format, in the order they are listed to users.</summary>
    public static IReadOnlyList<ReportFormatInfo> All { get; } =
    [
        new(ReportFormat.Markdown, "markdown", "text/markdown", ".md", true),
        new(ReportFormat.Html, "html", "text/html", ".html", true),
        new(ReportFormat.Svg, "svg", "image/svg+xml", ".svg", true),
        new(ReportFormat.Mermaid, "mermaid", "text/vnd.mermaid", ".mmd", true),
        new(ReportFormat.Cypher, "cypher", "application/x-cypher-query", ".cypher", true),
        new(ReportFormat.GraphMl, "graphml", "application/graphml+xml", ".graphml", true),
        new(ReportFormat.Cytoscape, "cytoscape", "application/json", ".cyjs", false),
    ];

    /// <summary>The names accepted by <see cref="TryParse"/>, for error messages ("supported: markdown, html, …").</summary>
    public static IReadOnlyList<string> Supported { get; } = [.. All.Select(f => f.Name)];

    /// <summary>One sentence that lists the supported names, for a 400/406 problem's detail.</summary>
    public static string Describe() => $"Supported formats: {string.Join(", ", Supported)}.";

    public static ReportFormatInfo InfoOf(ReportFormat format) =>
        All.FirstOrDefault(f => f.Format == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");

    public static string NameOf(ReportFormat format) => InfoOf(format).Name;

    public static string MediaTypeOf(ReportFormat format) => InfoOf(format).MediaType;

    /// <summary>Parses a format name, case-insensitively. "md" is accepted for markdown. Surrounding spaces are ignored.</summary>
    public static bool TryParse(string? name, out ReportFormat format)
    {
        format = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var key = name.Trim();
        if (string.Equals(key, "md", StringComparison.OrdinalIgnoreCase))
        {
            format = ReportFormat.Markdown;
            return true;
        }

        foreach (var f in All)
        {
            if (string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                format = f.Format;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Finds the negotiable format whose media type is <paramref name="mediaType"/> (parameters such as
    /// <c>; charset=utf-8</c> are ignored). <c>text/plain</c> and <c>application/json</c> are not report formats: they
    /// return false, so that the host serves its default representation.
    /// </summary>
    public static bool TryParseMediaType(string? mediaType, out ReportFormat format)
    {
        format = default;
        if (string.IsNullOrWhiteSpace(mediaType))
        {
            return false;
        }

        var bare = mediaType.Split(';', 2)[0].Trim();
        foreach (var f in All)
        {
            if (f.Negotiable && string.Equals(f.MediaType, bare, StringComparison.OrdinalIgnoreCase))
            {
                format = f.Format;
                return true;
            }
        }

        return false;
    }
}
