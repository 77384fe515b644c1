using System.CommandLine;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Reports;

namespace GraphService.Cli.Commands;

/// <summary>
/// How a path or neighbourhood result is printed: the human text (default), the API's JSON, or one of the report
/// formats (markdown, html, svg, mermaid, cypher, graphml, cytoscape) to paste into a report.
/// </summary>
internal static class OutputFormat
{
    public static Option<string> CreateOption() => new("--format")
    {
        Description = $"text (default), json, or a report format: {string.Join(", ", ReportFormats.Supported)}",
        DefaultValueFactory = _ => "text",
    };

    /// <summary>Null when the name is unknown; the caller reports the supported names.</summary>
    public static Func<PathResult, string>? ForPaths(string name, bool json) => Choose<PathResult>(name, json, PathText.Render, GraphJson.Serialize, (r, f) => ReportWriter.Write(r, f));

    public static Func<NeighborhoodResult, string>? ForNeighborhood(string name, bool json) => Choose<NeighborhoodResult>(name, json, PathText.Render, GraphJson.Serialize, (r, f) => ReportWriter.Write(r, f));

    public static string Unknown(string name) => $"error: unknown format '{name}'; supported: text, json, {string.Join(", ", ReportFormats.Supported)}";

    private static Func<T, string>? Choose<T>(string name, bool json, Func<T, string> text, Func<T, string> serialize, Func<T, ReportFormat, string> report)
    {
        if (json || name.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return serialize;
        }

        if (name.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        return ReportFormats.TryParse(name, out var format) ? r => report(r, format) : null;
    }
}
