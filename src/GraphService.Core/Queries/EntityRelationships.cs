namespace GraphService.Core.Queries;

/// <summary>
/// An entity's relationship as a store first reads it, before any evidence is hydrated: enough to count it and to rank
/// it. <see cref="Handle"/> is the store's own key for hydrating the ones a page lists.
/// </summary>
public readonly record struct EntityRelationshipEntry(string RelationshipId, string Type, bool Outgoing, EvidenceStrength Strength, int Handle);

/// <summary>Which of an entity's relationships one page lists, in order, and how many of each type there are in all.</summary>
public sealed record EntityRelationshipPage(
    IReadOnlyList<EntityRelationshipEntry> Listed,
    IReadOnlyDictionary<string, int> Counts,
    bool Truncated);

/// <summary>
/// The rules of an entity's page, shared by every store: which of its relationships are listed and in what order, and how
/// they are grouped.
/// </summary>
public static class EntityRelationships
{
    public const string Outgoing = "out";
    public const string Incoming = "in";

    private static readonly Comparison<EntityRelationshipEntry> StrongestFirst =
        (a, b) => EvidenceStrength.CompareStrongestFirst(a.Strength, a.RelationshipId, b.Strength, b.RelationshipId);

    public static string Direction(bool outgoing) => outgoing ? Outgoing : Incoming;

    /// <summary>
    /// The page <paramref name="query"/> asks for: each relationship once (one from the entity to itself, which the
    /// store sees from both ends, counts as outgoing), grouped by type in ordinal order, each type strongest first (more
    /// corroboration, then higher confidence, then id in ordinal order, as a path's link orders its relationships),
    /// skipping <see cref="EntityQuery.Offset"/> and keeping at most <see cref="EntityQuery.Limit"/> of each type.
    /// Truncated when some type has relationships after the page.
    /// </summary>
    public static EntityRelationshipPage Page(IEnumerable<EntityRelationshipEntry> entries, EntityQuery query)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(query);
        var byType = entries
            .OrderBy(e => e.Outgoing ? 0 : 1)
            .DistinctBy(e => e.RelationshipId, StringComparer.Ordinal)
            .GroupBy(e => e.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Type: g.Key, Entries: g.ToList()))
            .ToList();

        var listed = new List<EntityRelationshipEntry>();
        var counts = new Dictionary<string, int>(byType.Count, StringComparer.Ordinal);
        var truncated = false;
        foreach (var (type, all) in byType)
        {
            counts[type] = all.Count;
            all.Sort(StrongestFirst);
            listed.AddRange(all.Skip(query.Offset).Take(query.Limit));
            truncated |= (long)query.Offset + query.Limit < all.Count;
        }

        return new EntityRelationshipPage(listed, counts, truncated);
    }

    /// <summary>The listed relationships by type, each list in the order given (a page's order).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EntityRelationship>> ByPredicate(IEnumerable<EntityRelationship> listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return listed
            .GroupBy(l => l.Relationship.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EntityRelationship>)[.. g], StringComparer.Ordinal);
    }
}
