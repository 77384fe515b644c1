namespace GraphService.Core.Queries;

/// <summary>
/// How <see cref="EntityDetail"/> lists an entity's relationships, whichever store read them: grouped by predicate
/// (groups in ordinal order of the type), each group by relationship id then direction; a relationship from the entity
/// to itself is listed once, as outgoing; the citation count is the number of distinct citations behind them.
/// </summary>
public static class EntityRelationships
{
    public const string Outgoing = "out";
    public const string Incoming = "in";

    public static string Direction(bool outgoing) => outgoing ? Outgoing : Incoming;

    /// <param name="links">
    /// Every relationship of the entity seen from it; a relationship from the entity to itself may come twice, once each way.
    /// </param>
    public static (IReadOnlyDictionary<string, IReadOnlyList<EntityRelationship>> ByPredicate, int CitationCount) Group(IEnumerable<EntityRelationship> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var distinct = links
            .OrderBy(l => l.Direction == Outgoing ? 0 : 1)
            .DistinctBy(l => l.Relationship.Id, StringComparer.Ordinal)
            .ToList();
        var byPredicate = distinct
            .GroupBy(l => l.Relationship.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<EntityRelationship>)[.. g.OrderBy(l => l.Relationship.Id, StringComparer.Ordinal).ThenBy(l => l.Direction, StringComparer.Ordinal)],
                StringComparer.Ordinal);
        var citations = distinct.SelectMany(l => l.Relationship.Citations).Select(c => c.Id).Distinct(StringComparer.Ordinal).Count();
        return (byPredicate, citations);
    }
}
