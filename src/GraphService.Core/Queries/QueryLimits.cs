namespace GraphService.Core.Queries;

/// <summary>The allowed ranges and defaults of every query parameter: one table that the CLI, the API and the stores share.</summary>
public static class QueryLimits
{
    public static readonly IntRange MaxHops = new("maxHops", 1, 6, 4);
    public static readonly IntRange K = new("k", 1, 25, 3);
    public static readonly IntRange Depth = new("depth", 1, 3, 1);
    public static readonly IntRange NeighborhoodLimit = new("limit", 1, 500, 50);
    public static readonly IntRange SearchLimit = new("limit", 1, 100, 20);

    /// <summary>How many relationships of each type an entity's page lists at most (a hub has tens of thousands).</summary>
    public static readonly IntRange EntityRelationshipLimit = new("limit", 1, 1_000, 100);

    /// <summary>How many relationships of each type an entity's page skips, for paging.</summary>
    public static readonly IntRange EntityRelationshipOffset = new("offset", 0, 1_000_000, 0);

    /// <summary>How many of the documents that mention an entity its page lists at most; 0 lists none (the counts stay).</summary>
    public static readonly IntRange EntityDocumentLimit = new("documentLimit", 0, 1_000, 100);

    /// <summary>How many of the documents that mention an entity (in id order) its page skips, for paging.</summary>
    public static readonly IntRange EntityDocumentOffset = new("documentOffset", 0, int.MaxValue, 0);

    /// <summary>How many entities the overview (the explorer's start page) shows at most.</summary>
    public static readonly IntRange OverviewLimit = new("limit", 1, 500, 200);

    /// <summary>How many documents one page of the document list holds at most.</summary>
    public static readonly IntRange DocumentListLimit = new("limit", 1, 1_000, 100);

    /// <summary>How many documents (in id order) a page of the document list skips, for paging.</summary>
    public static readonly IntRange DocumentListOffset = new("offset", 0, int.MaxValue, 0);

    /// <summary>Where a page of a document's text starts (UTF-16 code units).</summary>
    public static readonly IntRange DocumentOffset = new("offset", 0, int.MaxValue, 0);

    /// <summary>How much of a document's text one page holds (UTF-16 code units); the default holds a long article whole.</summary>
    public static readonly IntRange DocumentLength = new("length", 1, 200_000, 50_000);

    /// <summary>How many mention spans one page of a document lists; 0 asks for none (the answer still says whether there are any).</summary>
    public static readonly IntRange DocumentMentionLimit = new("mentionLimit", 0, 5_000, 1_000);

    /// <summary>
    /// How many adjacency entries one path query may look at before it stops and reports that it stopped early: a guard
    /// against runaway work, sized above what a full search of a 1M-entity / 5M-relationship graph from both ends takes
    /// (each relationship is two entries), so that ordinary queries never reach it.
    /// </summary>
    public const int PathSearchBudget = 40_000_000;
}

/// <summary>An inclusive integer range with a default, named as the parameter is named.</summary>
public sealed record IntRange(string Name, int Min, int Max, int Default)
{
    public bool Contains(int value) => value >= Min && value <= Max;

    public string Describe() => $"{Name} must be between {Min} and {Max} (default {Default})";
}
