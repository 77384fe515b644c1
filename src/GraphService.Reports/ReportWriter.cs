using GraphService.Core.Queries;

namespace GraphService.Reports;

/// <summary>Writes a path or neighborhood result in a chosen format; see <see cref="ReportFormats"/> for names and media types.</summary>
public static class ReportWriter
{
    public static string Write(PathResult result, ReportFormat format, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= ReportOptions.Default;
        return format switch
        {
            ReportFormat.Markdown => MarkdownReport.Write(result),
            ReportFormat.Html => HtmlReport.Write(result),
            ReportFormat.Svg => SvgDiagram.Write(result, options),
            ReportFormat.Mermaid => MermaidDiagram.Write(result),
            ReportFormat.Cypher => CypherReproduction.Write(result),
            ReportFormat.GraphMl => GraphMlWriter.Write(result),
            ReportFormat.Cytoscape => CytoscapeJson.Write(result),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, ReportFormats.Describe()),
        };
    }

    public static string Write(NeighborhoodResult result, ReportFormat format, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= ReportOptions.Default;
        return format switch
        {
            ReportFormat.Markdown => MarkdownReport.Write(result),
            ReportFormat.Html => HtmlReport.Write(result),
            ReportFormat.Svg => SvgDiagram.Write(result, options),
            ReportFormat.Mermaid => MermaidDiagram.Write(result),
            ReportFormat.Cypher => CypherReproduction.Write(result),
            ReportFormat.GraphMl => GraphMlWriter.Write(result),
            ReportFormat.Cytoscape => CytoscapeJson.Write(result),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, ReportFormats.Describe()),
        };
    }
}
