using System.Buffers;
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

/// <summary>The paths found, best first, and whether the search stopped at its budget.</summary>
public sealed record IndexedPathSearch(IReadOnlyList<IndexedPath> Paths, bool Truncated, int Steps);

/// <summary>
/// The k best paths (distinct chains of entities, parallel relationships forming one link) of a <see cref="PathQuery"/>
/// on a <see cref="TraversalIndex"/>, ordered as <see cref="PathOrder"/> orders them. A first breadth-first search from the target (against the direction of travel)
/// gives lower bounds on the remaining distance; then, for each length from the shortest possible up to MaxHops,
/// a depth-first enumeration of simple paths of exactly that length prunes every branch that cannot reach the target in
/// time. Every adjacency entry looked at costs one step of the budget; when the budget runs out the search stops and
/// reports what it found as truncated. A path from an entity to itself is never returned (no 0-length paths).
/// </summary>
public sealed class PathFinder
{
    private readonly TraversalIndex _index;
    private readonly int _budget;

    public PathFinder(TraversalIndex index, int budget = QueryLimits.PathSearchBudget)
    {
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
            return new IndexedPathSearch([], false, 0);
        }

        var search = new Search(_index, query, RelationshipFilter.For(_index, query), excluded, from, to, _budget, cancellationToken);
        return search.Run();
    }

    private sealed class Search(
        TraversalIndex index,
        PathQuery query,
        RelationshipFilter filter,
        HashSet<int> excluded,
        int from,
        int to,
        int budget,
        CancellationToken cancellationToken)
    {
        // Distance to the target plus one, per entity; 0 means not reached. Rented and cleared per search.
        private int[] _distanceToTarget = [];
        private readonly int[] _pathNodes = new int[query.MaxHops + 1];
        private readonly int[] _pathRelationships = new int[query.MaxHops];
        private int _unseenBound;
        private long _steps;
        private bool _truncated;
        private List<Candidate> _layer = [];
        private int _room;
        private EvidenceStrength _worstKept;

        public IndexedPathSearch Run()
        {
            _distanceToTarget = ArrayPool<int>.Shared.Rent(index.EntityCount);
            try
            {
                Array.Clear(_distanceToTarget, 0, index.EntityCount);
                return Enumerate();
            }
            finally
            {
                ArrayPool<int>.Shared.Return(_distanceToTarget);
            }
        }

        private IndexedPathSearch Enumerate()
        {
            MeasureDistancesToTarget();
            var found = new List<Candidate>();
            var shortest = Math.Max(1, BoundFrom(from));
            for (var length = shortest; length <= query.MaxHops && !_truncated && found.Count < query.K; length++)
            {
                _layer = [];
                _room = query.K - found.Count;
                _pathNodes[0] = from;
                Extend(0, length, new EvidenceStrength(int.MaxValue, double.MaxValue));
                found.AddRange(_layer);
            }

            return new IndexedPathSearch([.. found.Select(ToPath)], _truncated, (int)Math.Min(_steps, int.MaxValue));
        }

        /// <summary>
        /// Breadth-first from the target against the direction of travel, layer by layer, using at most half the budget.
        /// Distances found are exact (ignoring simplicity), so they are admissible lower bounds; an entity not reached
        /// is at least one layer beyond the last complete one, or unreachable when the search ran out of entities.
        /// </summary>
        private void MeasureDistancesToTarget()
        {
            var bfsBudget = budget / 2;
            _distanceToTarget[to] = 1;
            var frontier = new List<int> { to };
            var complete = 0;
            for (var depth = 1; depth < query.MaxHops; depth++)
            {
                var next = new List<int>();
                foreach (var u in frontier)
                {
                    foreach (var (v, r) in Neighbours(u, forward: false))
                    {
                        if (++_steps > bfsBudget)
                        {
                            _unseenBound = complete + 1;
                            return;
                        }

                        if (_distanceToTarget[v] == 0 && filter.Admits(r) && !excluded.Contains(v))
                        {
                            _distanceToTarget[v] = depth + 1;
                            next.Add(v);
                        }
                    }
                }

                complete = depth;
                if (next.Count == 0)
                {
                    _unseenBound = int.MaxValue / 2;
                    return;
                }

                frontier = next;
            }

            _unseenBound = query.MaxHops;
        }

        private int BoundFrom(int entity) => _distanceToTarget[entity] is var d && d > 0 ? d - 1 : _unseenBound;

        /// <param name="depth">Links on the path so far.</param>
        /// <param name="length">The exact length of the paths this pass collects.</param>
        /// <param name="weakest">The weakest link so far; a completion can only be as strong or weaker.</param>
        private void Extend(int depth, int length, EvidenceStrength weakest)
        {
            var u = _pathNodes[depth];
            var links = StrongestLinks(u);
            if (_truncated)
            {
                return;
            }

            foreach (var (v, r) in links)
            {
                var link = new EvidenceStrength(
                    Math.Min(weakest.Corroboration, index.RelationshipCorroboration[r]),
                    Math.Min(weakest.Confidence, index.RelationshipConfidence[r]));

                // With the layer full, a branch already weaker than the worst kept path cannot place, nor can one
                // as strong whose entities already sort after it.
                if (_layer.Count == _room && (link < _worstKept || (link == _worstKept && SortsAfterWorstKept(depth, v))))
                {
                    continue;
                }

                var next = depth + 1;
                if (next == length)
                {
                    if (v == to)
                    {
                        _pathNodes[next] = v;
                        _pathRelationships[depth] = r;
                        Offer(length);
                    }

                    continue;
                }

                if (v == to || excluded.Contains(v) || OnPath(v, depth) || next + BoundFrom(v) > length)
                {
                    continue;
                }

                _pathNodes[next] = v;
                _pathRelationships[depth] = r;
                Extend(next, length, link);
                if (_truncated)
                {
                    return;
                }
            }
        }

        /// <summary>Each distinct neighbour of <paramref name="u"/> with the strongest admitted relationship to it, by neighbour (= id order).</summary>
        private List<(int Neighbour, int Relationship)> StrongestLinks(int u)
        {
            var best = new Dictionary<int, int>();
            foreach (var (v, r) in Neighbours(u, forward: true))
            {
                if (++_steps > budget)
                {
                    _truncated = true;
                    return [];
                }

                if ((_steps & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (filter.Admits(r) && (!best.TryGetValue(v, out var held) || Stronger(r, held)))
                {
                    best[v] = r;
                }
            }

            var links = best.Select(kv => (kv.Key, kv.Value)).ToList();
            links.Sort((a, b) => a.Key.CompareTo(b.Key));
            return links;
        }

        private bool Stronger(int r, int than) => IndexedPathOrder.StrongestFirst(index, r, than) < 0;

        private bool SortsAfterWorstKept(int depth, int entity)
        {
            var worst = _layer[^1].Nodes;
            for (var i = 1; i <= depth; i++)
            {
                if (_pathNodes[i] != worst[i])
                {
                    return _pathNodes[i] > worst[i];
                }
            }

            return entity > worst[depth + 1];
        }

        private bool OnPath(int entity, int depth)
        {
            for (var i = 0; i <= depth; i++)
            {
                if (_pathNodes[i] == entity)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Keeps the best <c>_room</c> paths of the current length, sorted.</summary>
        private void Offer(int length)
        {
            var candidate = new Candidate(_pathNodes[..(length + 1)], _pathRelationships[..length]);
            if (_layer.Count == _room && Compare(candidate, _layer[^1]) >= 0)
            {
                return;
            }

            var at = _layer.BinarySearch(candidate, Comparer<Candidate>.Create(Compare));
            _layer.Insert(at < 0 ? ~at : at, candidate);
            if (_layer.Count > _room)
            {
                _layer.RemoveAt(_layer.Count - 1);
            }

            if (_layer.Count == _room)
            {
                _worstKept = IndexedPathOrder.Weakest(index, _layer[^1].Strongest);
            }
        }

        private int Compare(Candidate x, Candidate y) => IndexedPathOrder.Compare(index, x.Nodes, x.Strongest, y.Nodes, y.Strongest);

        /// <summary>Every admitted relationship between two consecutive entities of a path, strongest first.</summary>
        private int[] LinkBetween(int u, int v)
        {
            var link = new List<int>();
            foreach (var (w, r) in Neighbours(u, forward: true))
            {
                if (w == v && filter.Admits(r))
                {
                    link.Add(r);
                }
            }

            link.Sort((a, b) => IndexedPathOrder.StrongestFirst(index, a, b));
            return [.. link.Distinct()];
        }

        private IndexedPath ToPath(Candidate c) =>
            new(c.Nodes, [.. Enumerable.Range(0, c.Strongest.Length).Select(i => LinkBetween(c.Nodes[i], c.Nodes[i + 1]))]);

        private NeighbourEnumerable Neighbours(int entity, bool forward)
        {
            // Travelling Out follows relationships as written; the search back from the target goes the other way.
            var direction = query.Direction;
            var useOut = direction == TraversalDirection.Any || (direction == TraversalDirection.Out) == forward;
            var useIn = direction == TraversalDirection.Any || (direction == TraversalDirection.In) == forward;
            return new NeighbourEnumerable(index, entity, useOut, useIn);
        }
    }
}

/// <summary>A path while it is searched: its entities and each link's strongest relationship.</summary>
internal sealed record Candidate(int[] Nodes, int[] Strongest);

/// <summary><see cref="PathOrder"/> and <see cref="EvidenceStrength.StrongestFirst"/> on indices of a <see cref="TraversalIndex"/>.</summary>
public static class IndexedPathOrder
{
    /// <summary>Shorter, then stronger weakest link (each link counted with its strongest relationship), then entity ids.</summary>
    public static int Compare(TraversalIndex index, IndexedPath x, IndexedPath y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Compare(index, x.Nodes, [.. x.Strongest], y.Nodes, [.. y.Strongest]);
    }

    internal static int Compare(TraversalIndex index, int[] xNodes, int[] xStrongest, int[] yNodes, int[] yStrongest)
    {
        var c = xStrongest.Length.CompareTo(yStrongest.Length);
        if (c != 0)
        {
            return c;
        }

        c = Weakest(index, yStrongest).CompareTo(Weakest(index, xStrongest));
        if (c != 0)
        {
            return c;
        }

        // Entity indices follow ordinal id order, so this is the id comparison of PathOrder.
        for (var i = 0; i < xNodes.Length; i++)
        {
            c = xNodes[i].CompareTo(yNodes[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>Negative when relationship <paramref name="a"/> comes first in a link: stronger, or as strong with a lower id.</summary>
    public static int StrongestFirst(TraversalIndex index, int a, int b)
    {
        ArgumentNullException.ThrowIfNull(index);
        var c = Strength(index, b).CompareTo(Strength(index, a));
        return c != 0 ? c : a.CompareTo(b);
    }

    public static EvidenceStrength Strength(TraversalIndex index, int relationship)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new EvidenceStrength(index.RelationshipCorroboration[relationship], index.RelationshipConfidence[relationship]);
    }

    /// <summary>The weakest of the given relationships (a path's links, each by its strongest relationship).</summary>
    public static EvidenceStrength Weakest(TraversalIndex index, IEnumerable<int> relationships)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(relationships);
        var corroboration = int.MaxValue;
        var confidence = double.MaxValue;
        foreach (var r in relationships)
        {
            corroboration = Math.Min(corroboration, index.RelationshipCorroboration[r]);
            confidence = Math.Min(confidence, index.RelationshipConfidence[r]);
        }

        return new EvidenceStrength(corroboration, confidence);
    }
}
