namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>One shortest path found by <see cref="ReferenceSearch"/>: entity ids, and each link's type and citation.</summary>
internal sealed record ReferencePath(string[] Nodes, int[] Relationships, string[] Types, int[] Citations)
{
    public int Length => Relationships.Length;
}

/// <summary>A depth-limited ball around a centre, cut at a node limit, as <see cref="ReferenceSearch.Ball"/> counts it.</summary>
internal readonly record struct ReferenceBall(int Nodes, bool Truncated, int Relationships);

/// <summary>
/// The bare algorithm GraphService is measured against: a single-threaded bidirectional breadth-first search over a CSR
/// adjacency (int arrays) of the same CSV graph, following relationships either way (the service's default direction,
/// Any). Every relationship is an adjacency entry, parallel ones included, in relationship order, as in the service's
/// index. It does the work of an answer (node ids, types and citation ids of one shortest path) and nothing the service
/// could not also do; what it leaves out is hydration (reading quotes and documents), filters (the benchmark's queries
/// have none) and ranking among equally short paths. Not thread-safe: one search at a time.
/// </summary>
internal sealed class ReferenceSearch
{
    private readonly int[] _offsets;
    private readonly int[] _neighbor;
    private readonly int[] _relationship;
    private readonly int[] _relationshipSource;
    private readonly int[] _relationshipTarget;
    private readonly byte[] _type;
    private readonly string[] _typeNames;
    private readonly int[] _citation;
    private readonly string[] _nodeIds;

    // Visit marks are stamped with a search number, so nothing is cleared between searches.
    private readonly int[] _seenFrom;
    private readonly int[] _seenTo;
    private readonly int[] _parentFrom;
    private readonly int[] _viaFrom;
    private readonly int[] _parentTo;
    private readonly int[] _viaTo;
    private int[] _frontierFrom;
    private int[] _frontierTo;
    private int[] _next;
    private int _stamp;

    public ReferenceSearch(CsvGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var m = graph.RelationshipCount;
        _offsets = new int[n + 1];
        for (var r = 0; r < m; r++)
        {
            _offsets[graph.Source[r] + 1]++;
            _offsets[graph.Target[r] + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            _offsets[i + 1] += _offsets[i];
        }

        _neighbor = new int[2 * m];
        _relationship = new int[2 * m];
        var cursor = _offsets[..n];
        for (var r = 0; r < m; r++)
        {
            var s = graph.Source[r];
            var t = graph.Target[r];
            _neighbor[cursor[s]] = t;
            _relationship[cursor[s]++] = r;
            _neighbor[cursor[t]] = s;
            _relationship[cursor[t]++] = r;
        }

        _relationshipSource = graph.Source;
        _relationshipTarget = graph.Target;
        _type = graph.Type;
        _typeNames = graph.TypeNames;
        _citation = graph.Citation;
        _nodeIds = new string[n];
        for (var i = 0; i < n; i++)
        {
            _nodeIds[i] = CsvGraphSnapshot.EntityId(i);
        }

        _seenFrom = new int[n];
        _seenTo = new int[n];
        _parentFrom = new int[n];
        _viaFrom = new int[n];
        _parentTo = new int[n];
        _viaTo = new int[n];
        _frontierFrom = new int[n];
        _frontierTo = new int[n];
        _next = new int[n];
    }

    /// <summary>Adjacency entries looked at by the last search: the work it did.</summary>
    public long Scanned { get; private set; }

    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    /// <summary>True when every relationship of <paramref name="path"/> joins the entities before and after it, either way.</summary>
    public bool IsPath(ReferencePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var i = 0; i < path.Length; i++)
        {
            var (a, b) = (_nodeIds[_relationshipSource[path.Relationships[i]]], _nodeIds[_relationshipTarget[path.Relationships[i]]]);
            if (!((a == path.Nodes[i] && b == path.Nodes[i + 1]) || (b == path.Nodes[i] && a == path.Nodes[i + 1])))
            {
                return false;
            }
        }

        return path.Nodes.Distinct(StringComparer.Ordinal).Count() == path.Nodes.Length;
    }

    /// <summary>
    /// One shortest path of at most <paramref name="maxHops"/> relationships, or null when there is none. Each round
    /// expands one whole layer of the side whose frontier has fewer adjacency entries; the first entity found that the
    /// other side has seen closes a shortest path (the two balls were disjoint before this layer, so no path is shorter
    /// than their depths plus one).
    /// </summary>
    public ReferencePath? ShortestPath(int from, int to, int maxHops)
    {
        Scanned = 0;
        if (from == to)
        {
            return new ReferencePath([_nodeIds[from]], [], [], []);
        }

        var stamp = NextStamp();
        _seenFrom[from] = stamp;
        _seenTo[to] = stamp;
        _frontierFrom[0] = from;
        _frontierTo[0] = to;
        int fromCount = 1, toCount = 1, fromDepth = 0, toDepth = 0;
        while (fromDepth + toDepth < maxHops)
        {
            int meet;
            if (Work(_frontierFrom, fromCount) <= Work(_frontierTo, toCount))
            {
                meet = Expand(_frontierFrom, fromCount, _seenFrom, _parentFrom, _viaFrom, _seenTo, stamp, out var count);
                (_frontierFrom, _next) = (_next, _frontierFrom);
                fromCount = count;
                fromDepth++;
            }
            else
            {
                meet = Expand(_frontierTo, toCount, _seenTo, _parentTo, _viaTo, _seenFrom, stamp, out var count);
                (_frontierTo, _next) = (_next, _frontierTo);
                toCount = count;
                toDepth++;
            }

            if (meet >= 0)
            {
                return Path(from, to, meet, fromDepth + toDepth);
            }

            if (fromCount == 0 || toCount == 0)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The distance by a plain one-sided breadth-first search, or -1 beyond <paramref name="maxHops"/>: a check of <see cref="ShortestPath"/>.</summary>
    public int Distance(int from, int to, int maxHops)
    {
        if (from == to)
        {
            return 0;
        }

        var stamp = NextStamp();
        _seenFrom[from] = stamp;
        _frontierFrom[0] = from;
        var count = 1;
        for (var depth = 1; depth <= maxHops && count > 0; depth++)
        {
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                var u = _frontierFrom[i];
                for (var slot = _offsets[u]; slot < _offsets[u + 1]; slot++)
                {
                    var v = _neighbor[slot];
                    if (v == to)
                    {
                        return depth;
                    }

                    if (_seenFrom[v] != stamp)
                    {
                        _seenFrom[v] = stamp;
                        _next[next++] = v;
                    }
                }
            }

            (_frontierFrom, _next) = (_next, _frontierFrom);
            count = next;
        }

        return -1;
    }

    /// <summary>
    /// The entities within <paramref name="depth"/> of <paramref name="center"/>, breadth-first, centre included, stopped
    /// at <paramref name="limit"/> (truncated when one more was there). With <paramref name="withRelationships"/>, also
    /// collects the relationships whose two ends were kept, in id order, as a neighbourhood answer lists them.
    /// </summary>
    public ReferenceBall Ball(int center, int depth, int limit, bool withRelationships)
    {
        var stamp = NextStamp();
        _seenFrom[center] = stamp;
        // _frontierTo holds every kept entity in order; a layer is a range of it.
        var kept = _frontierTo;
        kept[0] = center;
        var count = 1;
        var layerStart = 0;
        var truncated = false;
        long scanned = 0;
        for (var d = 1; d <= depth && !truncated; d++)
        {
            var layerEnd = count;
            for (var i = layerStart; i < layerEnd && !truncated; i++)
            {
                var u = kept[i];
                for (var slot = _offsets[u]; slot < _offsets[u + 1]; slot++)
                {
                    scanned++;
                    var v = _neighbor[slot];
                    if (_seenFrom[v] == stamp)
                    {
                        continue;
                    }

                    if (count == limit)
                    {
                        truncated = true;
                        break;
                    }

                    _seenFrom[v] = stamp;
                    kept[count++] = v;
                }
            }

            layerStart = layerEnd;
        }

        var relationships = 0;
        if (withRelationships)
        {
            var found = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var u = kept[i];
                for (var slot = _offsets[u]; slot < _offsets[u + 1]; slot++)
                {
                    scanned++;
                    var r = _relationship[slot];
                    // Each relationship is in both ends' lists: take it from its start's.
                    if (_seenFrom[_neighbor[slot]] == stamp && _relationshipSource[r] == u)
                    {
                        found.Add(r);
                    }
                }
            }

            found.Sort();
            relationships = found.Count;
        }

        Scanned = scanned;
        return new ReferenceBall(count, truncated, relationships);
    }

    private int NextStamp()
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_seenFrom);
            Array.Clear(_seenTo);
            _stamp = 1;
        }

        return _stamp;
    }

    private long Work(int[] frontier, int count)
    {
        long work = 0;
        for (var i = 0; i < count; i++)
        {
            work += _offsets[frontier[i] + 1] - _offsets[frontier[i]];
        }

        return work;
    }

    /// <summary>Expands one layer into <see cref="_next"/>; returns the first entity the other side has seen, or -1.</summary>
    private int Expand(int[] frontier, int count, int[] seen, int[] parent, int[] via, int[] otherSeen, int stamp, out int nextCount)
    {
        var next = _next;
        nextCount = 0;
        for (var i = 0; i < count; i++)
        {
            var u = frontier[i];
            var end = _offsets[u + 1];
            for (var slot = _offsets[u]; slot < end; slot++)
            {
                var v = _neighbor[slot];
                if (seen[v] == stamp)
                {
                    continue;
                }

                seen[v] = stamp;
                parent[v] = u;
                via[v] = _relationship[slot];
                if (otherSeen[v] == stamp)
                {
                    Scanned += slot - _offsets[u] + 1;
                    return v;
                }

                next[nextCount++] = v;
            }

            Scanned += end - _offsets[u];
        }

        return -1;
    }

    private ReferencePath Path(int from, int to, int meet, int length)
    {
        var nodes = new string[length + 1];
        var relationships = new int[length];
        var types = new string[length];
        var citations = new int[length];
        var position = 0;
        for (var v = meet; v != from; v = _parentFrom[v])
        {
            position++;
        }

        // from … meet, walked back from the meeting entity.
        var at = position;
        for (var v = meet; ; v = _parentFrom[v])
        {
            nodes[at] = _nodeIds[v];
            if (v == from)
            {
                break;
            }

            relationships[--at] = _viaFrom[v];
        }

        // meet … to, walked forward.
        at = position;
        for (var v = meet; v != to; v = _parentTo[v])
        {
            relationships[at] = _viaTo[v];
            nodes[++at] = _nodeIds[_parentTo[v]];
        }

        if (at != length)
        {
            throw new InvalidOperationException($"reference path of {at} links where the search counted {length}");
        }

        for (var i = 0; i < length; i++)
        {
            types[i] = _typeNames[_type[relationships[i]]];
            citations[i] = _citation[relationships[i]];
        }

        return new ReferencePath(nodes, relationships, types, citations);
    }
}
