namespace GraphService.Reports;

/// <summary>Settings that shape a report without changing its content.</summary>
public sealed record ReportOptions
{
    public static ReportOptions Default { get; } = new();

    /// <summary>
    /// The Neo4j Browser address that a Cypher reproduction link opens (the statement goes in <c>?cmd=edit&amp;arg=</c>).
    /// </summary>
    public Uri Neo4jBrowserUrl { get; init; } = new("http://localhost:7474/browser");

    /// <summary>The width, in pixels, that SVG diagrams are laid out for (a report page is about 800).</summary>
    public int DiagramWidth { get; init; } = 800;
}
