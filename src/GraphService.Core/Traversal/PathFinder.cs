using System.Buffers;
using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary>A path found on the index: Nodes[i] and Nodes[i+1] are joined by Relationships[i] (indices into the index).</summary>
public sealed record IndexedPath(int[] Nodes, int[] Relationships)
{
    public int Length => Relationships.Length;
}

/// <summary>The paths found, best first, and whether the search stopped at its budget.</summary>
public sealed record IndexedPathSearch(IReadOnlyList<IndexedPath> Paths, bool Truncated, int Steps);

/// <summary>
/// The k shortest simple paths of a <see cref="PathQuery"/> on a <see cref="TraversalIndex"/>, ordered as
/// <see cref="PathOrder"/> orders them. A first breadth-first search from the target (against the direction of travel)
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
        private List<IndexedPath> _layer = [];
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
            var found = new List<IndexedPath>();
            var shortest = Math.Max(1, BoundFrom(from));
            for (var length = shortest; length <= query.MaxHops && !_truncated && found.Count < query.K; length++)
            {
                _layer = [];
                _room = query.K - found.Count;
                _pathNodes[0] = from;
                Extend(0, length, new EvidenceStrength(int.MaxValue, double.MaxValue));
                found.AddRange(_layer);
            }

            return new IndexedPathSearch(found, _truncated, (int)Math.Min(_steps, int.MaxValue));
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

        /// <param name="depth">Relationships on the path so far.</param>
        /// <param name="length">The exact length of the paths this pass collects.</param>
        /// <param name="weakest">The weakest link so far; a completion can only be as strong or weaker.</param>
        private void Extend(int depth, int length, EvidenceStrength weakest)
        {
            var u = _pathNodes[depth];
            foreach (var (v, r) in Neighbours(u, forward: true))
            {
                if (++_steps > budget)
                {
                    _truncated = true;
                    return;
                }

                if ((_steps & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (!filter.Admits(r))
                {
                    continue;
                }

                var link = new EvidenceStrength(
                    Math.Min(weakest.Corroboration, index.RelationshipCorroboration[r]),
                    Math.Min(weakest.Confidence, index.RelationshipConfidence[r]));

                // With the layer full, a branch already weaker than the worst kept path cannot place, nor can one
                // as strong whose relationship ids already sort after it.
                if (_layer.Count == _room && (link < _worstKept || (link == _worstKept && SortsAfterWorstKept(depth, r))))
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

        private bool SortsAfterWorstKept(int depth, int relationship)
        {
            var worst = _layer[^1].Relationships;
            for (var i = 0; i < depth; i++)
            {
                if (_pathRelationships[i] != worst[i])
                {
                    return _pathRelationships[i] > worst[i];
                }
            }

            return relationship > worst[depth];
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
            var candidate = new IndexedPath(_pathNodes[..(length + 1)], _pathRelationships[..length]);
            if (_layer.Count == _room && Compare(candidate, _layer[^1]) >= 0)
            {
                return;
            }

            var at = _layer.BinarySearch(candidate, Comparer<IndexedPath>.Create(Compare));
            _layer.Insert(at < 0 ? ~at : at, candidate);
            if (_layer.Count > _room)
            {
                _layer.RemoveAt(_layer.Count - 1);
            }

            if (_layer.Count == _room)
            {
                _worstKept = IndexedPathOrder.Weakest(index, _layer[^1]);
            }
        }

        private int Compare(IndexedPath x, IndexedPath y) => IndexedPathOrder.Compare(index, x, y);

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

/// <summary><see cref="PathOrder"/> on indexed paths: shorter, then stronger weakest link, then relationship ids.</summary>
public static class IndexedPathOrder
{
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

        c = Weakest(index, y).CompareTo(Weakest(index, x));
        if (c != 0)
        {
            return c;
        }

        for (var i = 0; i < x.Relationships.Length; i++)
        {
            // Relationship indices follow ordinal id order, so this is the id comparison of PathOrder.
            c = x.Relationships[i].CompareTo(y.Relationships[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    public static EvidenceStrength Weakest(TraversalIndex index, IndexedPath path)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(path);
        var corroboration = int.MaxValue;
        var confidence = double.MaxValue;
        foreach (var r in path.Relationships)
        {
            corroboration = Math.Min(corroboration, index.RelationshipCorroboration[r]);
            confidence = Math.Min(confidence, index.RelationshipConfidence[r]);
        }

        return new EvidenceStrength(corroboration, confidence);
    }
}
