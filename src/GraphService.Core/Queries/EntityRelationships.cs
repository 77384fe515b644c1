namespace GraphService.Core.Queries;

/// <summary>
/// An entity's relationship as a store first reads it, before any evidence is hydrated: enough to count it and to rank
/// it. <see cref="IdOrder"/> orders the entity's relationships as their ids do (ordinal), the same number for the two
/// entries of a relationship from the entity to itself: the store's own numbering where it follows the ids, or
/// <see cref="EntityRelationships.IdOrders"/>. <see cref="Handle"/> is the store's key for hydrating the listed ones.
/// </summary>
public readonly record struct EntityRelationshipEntry(string Type, bool Outgoing, EvidenceStrength Strength, int IdOrder, int Handle);

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
        var all = entries as IReadOnlyList<EntityRelationshipEntry> ?? [.. entries];

        // Buckets of one type and one strength, so that ordering a hub's tens of thousands of entries comes down to
        // sorting numbers (the id order, with the direction in the lowest bit: outgoing first), which the runtime does
        // without a comparison callback per pair.
        var buckets = new Dictionary<(string Type, EvidenceStrength Strength), List<int>>();
        for (var i = 0; i < all.Count; i++)
        {
            var key = (all[i].Type, all[i].Strength);
            if (!buckets.TryGetValue(key, out var members))
            {
                buckets[key] = members = [];
            }

            members.Add(i);
        }

        var listed = new List<EntityRelationshipEntry>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var truncated = false;
        foreach (var ofType in buckets.GroupBy(b => b.Key.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var position = 0;
            foreach (var bucket in ofType.OrderByDescending(b => b.Key.Strength))
            {
                var at = bucket.Value.ToArray();
                var order = new long[at.Length];
                for (var j = 0; j < at.Length; j++)
                {
                    order[j] = ((long)all[at[j]].IdOrder << 1) | (all[at[j]].Outgoing ? 0L : 1L);
                }

                Array.Sort(order, at);
                for (var j = 0; j < at.Length; j++)
                {
                    // The incoming twin of a relationship from the entity to itself follows its outgoing entry.
                    if (j > 0 && order[j] >> 1 == order[j - 1] >> 1)
                    {
                        continue;
                    }

                    if (position >= query.Offset && position - query.Offset < query.Limit)
                    {
                        listed.Add(all[at[j]]);
                    }

                    position++;
                }
            }

            counts[ofType.Key] = position;
            truncated |= (long)query.Offset + query.Limit < position;
        }

        return new EntityRelationshipPage(listed, counts, truncated);
    }

    /// <summary>For each id, its rank among the distinct ids in ordinal order (equal ids, equal ranks).</summary>
    public static int[] IdOrders(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var rank = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((id, i) => (id, i))
            .ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        return [.. ids.Select(id => rank[id])];
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
