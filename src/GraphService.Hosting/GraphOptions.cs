using System.ComponentModel.DataAnnotations;

namespace GraphService.Hosting;

/// <summary>Which store answers queries.</summary>
public enum GraphBackend
{
    /// <summary>A single SQLite file; no server.</summary>
    Embedded,

    /// <summary>A Neo4j 5.26+ server over its HTTP Query API (settings in the Neo4j section).</summary>
    Neo4j,
}

/// <summary>When the corpus named by <see cref="GraphOptions.ImportOnStart"/> is imported at start-up.</summary>
public enum ImportCondition
{
    /// <summary>Only into an empty store, so a graph imported by hand is never overwritten.</summary>
    WhenEmpty,

    /// <summary>Every start; a no-op when the corpus has not changed (same graph version).</summary>
    Always,
}

/// <summary>The "Graph" configuration section.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public GraphBackend Backend { get; set; } = GraphBackend.Embedded;

    /// <summary>The embedded store's file; relative paths are taken from the current directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string StorePath { get; set; } = Path.Combine("data", "graph.db");

    /// <summary>A corpus folder to import at start-up, or null for none.</summary>
    public string? ImportOnStart { get; set; }

    public ImportCondition ImportWhen { get; set; } = ImportCondition.WhenEmpty;
}
