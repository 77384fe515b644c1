using System.ComponentModel.DataAnnotations;
using GraphService.Core.Queries;

namespace GraphService.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file, and how much work one path query may do.</summary>
public sealed class SqliteStoreOptions
{
    public const string SectionName = "Sqlite";

    /// <summary>The SQLite database file; created (with its folder) on first use.</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>Search steps one path query may take before it stops and reports a truncated result.</summary>
    [Range(1, int.MaxValue)]
    public int PathSearchBudget { get; set; } = QueryLimits.PathSearchBudget;
}
