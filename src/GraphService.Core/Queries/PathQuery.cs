using GraphService.Core.Domain;

namespace GraphService.Core.Queries;

/// <summary>Which way a path may follow a relationship: as written (Out), against it (In), or either way (Any).</summary>
public enum TraversalDirection
{
    Any,
    Out,
    In,
}

/// <summary>Whether relationships with disputing evidence may appear in results.</summary>
public enum ContestedFilter
{
    Include,
    Exclude,
}

/// <summary>
/// A request for the k shortest simple paths between two resolved entities.
/// Use <see cref="QueryValidation"/> to check a query against <see cref="QueryLimits"/> before running it.
/// </summary>
public sealed record PathQuery(string FromId, string ToId)
{
    public int MaxHops { get; init; } = QueryLimits.MaxHops.Default;
    public int K { get; init; } = QueryLimits.K.Default;
    /// <summary>Relationship types to follow; empty means all.</summary>
    public IReadOnlySet<string> Types { get; init; } = new HashSet<string>();
    public TraversalDirection Direction { get; init; } = TraversalDirection.Any;
    public double MinConfidence { get; init; }
    /// <summary>Entity ids no path may pass through (for example a hub to route around).</summary>
    public IReadOnlySet<string> Exclude { get; init; } = new HashSet<string>();
    /// <summary>Only relationships that held on this date.</summary>
    public DateOnly? AsOf { get; init; }
    public ContestedFilter Contested { get; init; } = ContestedFilter.Include;

    /// <summary>True when a relationship passes this query's filters (types, confidence, date, contested).</summary>
    public bool Admits(Relationship r) =>
        (Types.Count == 0 || Types.Contains(r.Type)) &&
        r.Confidence >= MinConfidence &&
        (AsOf is not DateOnly d || r.HoldsOn(d)) &&
        (Contested == ContestedFilter.Include || !r.Contested);
}

/// <summary>A request for an entity's surroundings up to a depth, cut at a node limit.</summary>
public sealed record NeighborhoodQuery(string EntityId)
{
    public int Depth { get; init; } = QueryLimits.Depth.Default;
    public IReadOnlySet<string> Types { get; init; } = new HashSet<string>();
    public int Limit { get; init; } = QueryLimits.NeighborhoodLimit.Default;
}

/// <summary>
/// One entity's page: its relationships grouped by type, each type strongest first (<see cref="EvidenceStrength.StrongestFirst"/>),
/// skipping <see cref="Offset"/> and listing at most <see cref="Limit"/> of each type (<see cref="EntityRelationships.Page"/>).
/// </summary>
public sealed record EntityQuery(string EntityId)
{
    public int Limit { get; init; } = QueryLimits.EntityRelationshipLimit.Default;
    public int Offset { get; init; } = QueryLimits.EntityRelationshipOffset.Default;

    /// <summary>How many of the documents that mention the entity (in id order) to list.</summary>
    public int DocumentLimit { get; init; } = QueryLimits.EntityDocumentLimit.Default;

    /// <summary>How many of the documents that mention the entity (in id order) to skip.</summary>
    public int DocumentOffset { get; init; } = QueryLimits.EntityDocumentOffset.Default;
}

/// <summary>A ranked search over names and aliases, optionally restricted to one entity type.</summary>
public sealed record EntitySearch(string? Text)
{
    public EntityType? Type { get; init; }
    public int Limit { get; init; } = QueryLimits.SearchLimit.Default;
    public int Offset { get; init; }
}
