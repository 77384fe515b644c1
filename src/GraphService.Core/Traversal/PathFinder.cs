using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary>
/// A path found on the index (indices into it): a chain of distinct entities; Nodes[i] and Nodes[i+1] are joined by
/// Links[i], every admitted relationship between them, strongest first (<see cref="EvidenceStrength.StrongestFirst"/>).
/// </summary>
public sealed record IndexedPath(int[] Nodes, int[][] Links)
{
    public int Length => Links.Length;

    /// <summary>Each link's strongest relationship.</summary>
    public IEnumerable<int> Strongest => Links.Select(l => l[0]);
}

/// <summary>
/// The paths found, best first, and whether the search stopped at its budget. <paramref name="Steps"/> counts every
/// adjacency entry looked at; <paramref name="MeetingSteps"/> is the part of them taken until the two balls met (the work
/// a bare bidirectional search does), so the rest is what choosing the paths in <see cref="PathOrder"/> cost.
/// </summary>
public sealed record IndexedPathSearch(IReadOnlyList<IndexedPath> Paths, bool Truncated, int Steps, int MeetingSteps);

/// <summary>
/// The k best paths (distinct chains of entities, parallel relationships forming one link) of a <see cref="PathQuery"/>
/// on a <see cref="TraversalIndex"/>, in <see cref="PathOrder"/>. Filters and excluded entities apply during the search.
/// <list type="number">
/// <item>A bidirectional breadth-first search (the side whose frontier has fewer adjacency entries grows by one layer)
/// until the two balls meet: the shortest length d is then exact. As in a bare bidirectional search, the layer being grown
/// stops at the first meeting; it is finished only when a later step needs it whole. The layer grows from its entities
/// in order of degree, smallest first (their entries meet the other ball sooner), and a hub among them is looked up in
/// the other ball's outer layer before its entries are scanned.</item>
/// <item>The shortest paths run through the complete forward layers (entities at distance i from the source) and then the
/// complete backward ones (at distance d − i from the target). A depth-first walk from the source in entity-id order meets
/// them in <see cref="PathOrder"/>'s id order, so it keeps the k best by bottleneck and cuts every branch that cannot beat
/// the k-th kept one, given a lower bound of any path's bottleneck (the strongest link that can leave the source, and the
/// one that can reach the target). A forward entity from which no shortest path continues is marked dead and never
/// scanned again; a hub whose next entity lies in a small backward layer looks that layer up instead of scanning its
/// entries. When the meeting left the backward layer unfinished, the walk learns whether an entity of the outer forward
/// layer continues by scanning it, until it has looked at as many entries as finishing that layer towards the outer
/// forward layer costs; then it finishes it so, which answers the question for every such entity at once (the inner
/// entities left are scanned, a hub among them is looked up from each outer forward entity instead, and scanned only if
/// a later step needs the whole layer). When every relationship is as strong as the bound (one strength class, as in many graphs), the first k paths
/// found are the answer and the walk costs about what the bare search's meeting did.</item>
/// <item>When that walk has to compare many paths (the bound is loose), the meeting layer is finished and the best
/// bottleneck to the target is computed for every entity of the layered graph of shortest paths; the walk then prunes with
/// those exact values.</item>
/// <item>Only when fewer than k shortest paths exist, length d + s (s = 1, 2, … up to MaxHops): every entity of a simple path
/// of that length at position i lies at distance i − s … i from the source and L − i − s … L − i from the target. The balls
/// grow until together they cover the path; then a depth-first walk in id order, constrained to those shells, enumerates
/// the paths, cut by the same bound, and marks an entity dead at a position once nothing continues from it there.</item>
/// </list>
/// Every adjacency entry looked at is one step; the budget is a guard (<see cref="QueryLimits.PathSearchBudget"/>), and a
/// search that reaches it returns what it found with Truncated. A path from an entity to itself is never returned.
/// </summary>
public sealed class PathFinder
{
    private readonly TraversalIndex _index;
    private readonly long _budget;

    public PathFinder(TraversalIndex index, int budget = QueryLimits.PathSearchBudget)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        _index = index;
        _budget = budget;
    }

    /// <summary>Null when either end is not an entity of the index.</summary>
    public IndexedPathSearch? Find(PathQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var from = _index.EntityIndexOf(query.FromId);
        var to = _index.EntityIndexOf(query.ToId);
        if (from < 0 || to < 0)
        {
            return null;
        }

        var excluded = new HashSet<int>();
        foreach (var id in query.Exclude)
        {
            var e = _index.EntityIndexOf(id);
            if (e >= 0)
            {
                excluded.Add(e);
            }
        }

        if (from == to || excluded.Contains(from) || excluded.Contains(to) || query.MaxHops < 1 || query.K < 1)
        {
            return new IndexedPathSearch([], false, 0, 0);
        }

        var scratch = SearchScratch.Rent(_index);
        try
        {
            var search = new PathSearch(_index, query, RelationshipFilter.For(_index, query), excluded, from, to, _budget, scratch, cancellationToken);
            return search.Run();
        }
        finally
        {
            SearchScratch.Return(_index, scratch);
        }
    }
}

/// <summary><see cref="PathOrder"/> and <see cref="EvidenceStrength.StrongestFirst"/> on indices of a <see cref="TraversalIndex"/>.</summary>
public static class IndexedPathOrder
{
    /// <summary>Shorter, then stronger weakest link (each link counted with its strongest relationship), then entity ids.</summary>
    public static int Compare(TraversalIndex index, IndexedPath x, IndexedPath y)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var c = x.Length.CompareTo(y.Length);
        if (c != 0)
        {
            return c;
        }

        c = Weakest(index, y.Strongest).CompareTo(Weakest(index, x.Strongest));
        if (c != 0)
        {
            return c;
        }

        // Entity indices follow ordinal id order, so this is the id comparison of PathOrder.
        for (var i = 0; i < x.Nodes.Length; i++)
        {
            c = x.Nodes[i].CompareTo(y.Nodes[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>The weakest of the given relationships (a path's links, each by its strongest relationship).</summary>
    public static EvidenceStrength Weakest(TraversalIndex index, IEnumerable<int> relationships)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(relationships);
        var weakest = new EvidenceStrength(int.MaxValue, double.MaxValue);
        foreach (var r in relationships)
        {
            var s = new EvidenceStrength(index.RelationshipCorroboration[r], index.RelationshipConfidence[r]);
            if (s < weakest)
            {
                weakest = s;
            }
        }

        return weakest;
    }
}
