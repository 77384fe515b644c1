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

    /// <summary>
    /// Whether loading a graph also copies every relationship's citations into memory (about 85 bytes a relationship at
    /// 1M entities / 5M relationships, and a few seconds more to load), so that a neighbourhood of hundreds of
    /// relationships is answered without reading the file for each. Off, each is read from the file when an answer needs
    /// it: the answers are the same.
    /// </summary>
    public bool EvidenceInMemory { get; set; } = true;
}
