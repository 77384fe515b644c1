namespace GraphService.Core.Queries;

/// <summary>
/// The one ordering of paths every backend applies: shorter first; then the stronger weakest link (a link counts with
/// its strongest relationship, see <see cref="EvidenceStrength"/>); then, so that equal paths always come out in the same
/// order, by the sequence of entity ids (ordinal). Paths are distinct chains of entities, so no two paths compare equal.
/// </summary>
public sealed class PathOrder : IComparer<GraphPath>
{
    public static PathOrder Instance { get; } = new();

    public int Compare(GraphPath? x, GraphPath? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = x.Length.CompareTo(y.Length);
        if (c != 0)
        {
            return c;
        }

        c = EvidenceStrength.WeakestOf(y.Links.Select(l => l.Strongest)).CompareTo(EvidenceStrength.WeakestOf(x.Links.Select(l => l.Strongest)));
        if (c != 0)
        {
            return c;
        }

        for (var i = 0; i < Math.Min(x.Nodes.Count, y.Nodes.Count); i++)
        {
            c = string.CompareOrdinal(x.Nodes[i].Id, y.Nodes[i].Id);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Nodes.Count.CompareTo(y.Nodes.Count);
    }
}

/// <summary>Builds links and paths out of relationship-level candidates, for stores whose search yields one path per relationship sequence.</summary>
public static class PathLinks
{
    /// <summary>A link carrying <paramref name="relationships"/> once each (by id), strongest first.</summary>
    public static PathLink Link(string fromId, string toId, IEnumerable<RelationshipView> relationships)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        return new PathLink(fromId, toId, [.. relationships.DistinctBy(r => r.Id, StringComparer.Ordinal).Order(EvidenceStrength.StrongestFirst)]);
    }

    /// <summary>
    /// Merges candidate paths that walk the same chain of entities into one path whose links carry every relationship
    /// the candidates used at that step, and returns the distinct paths in <see cref="PathOrder"/>. Given every
    /// relationship-level path a search admits, this yields exactly the link-level paths.
    /// </summary>
    public static IReadOnlyList<GraphPath> Group(IEnumerable<GraphPath> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var chains = new Dictionary<string, (GraphPath First, List<RelationshipView>[] Links)>(StringComparer.Ordinal);
        foreach (var p in candidates)
        {
            var key = string.Join('\u001f', p.Nodes.Select(n => n.Id));
            if (!chains.TryGetValue(key, out var chain))
            {
                chain = (p, [.. p.Links.Select(_ => new List<RelationshipView>())]);
                chains.Add(key, chain);
            }

            for (var i = 0; i < p.Links.Count; i++)
            {
                chain.Links[i].AddRange(p.Links[i].Relationships);
            }
        }

        return
        [
            .. chains.Values
                .Select(c => new GraphPath(
                    c.First.Length,
                    c.First.Nodes,
                    [.. c.First.Links.Select((l, i) => Link(l.FromId, l.ToId, c.Links[i]))]))
                .Order(PathOrder.Instance),
        ];
    }
}
