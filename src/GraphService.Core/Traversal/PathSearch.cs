using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

// One file on purpose, though over 450 lines: the phases (meet in the middle, bottlenecks over the shortest-path layers,
// the best-first walk, longer lengths) are one algorithm sharing one search's scratch arrays; split, they would pass that
// state around or expose it.
/// <summary>One run of <see cref="PathFinder"/> (see there for the method). Link strength is the strength class of
/// <see cref="TraversalIndex.StrengthClass"/>: a lower class is stronger, and a path's bottleneck is its highest class.</summary>
internal sealed class PathSearch(
    TraversalIndex index,
    PathQuery query,
    RelationshipFilter filter,
    HashSet<int> excluded,
    int from,
    int to,
    long budget,
    SearchScratch scratch,
    CancellationToken cancellationToken)
{
    private const int Unconstrained = -1;

    private readonly int[] _offsets = index.AdjacencyOffsets;
    private readonly int[] _neighbor = index.LinkNeighbor;
    private readonly int[] _entry = index.LinkEntry;
    private readonly int[] _class = index.StrengthClass;
    private readonly int[] _strengthEntry = index.StrengthEntry;
    private readonly bool _outOk = query.Direction != TraversalDirection.In;
    private readonly bool _inOk = query.Direction != TraversalDirection.Out;
    private readonly bool _admitAll = query.Direction == TraversalDirection.Any && filter.AdmitsAll;
    private readonly List<List<int>> _forward = [[from]];
    private readonly List<List<int>> _backward = [[to]];
    private readonly int[] _nodes = new int[query.MaxHops + 1];
    private readonly int[] _links = new int[query.MaxHops];
    private List<Candidate> _kept = [];
    private int _room;
    private long _steps;
    private bool _truncated;

    // The layer being grown when the balls met, left unfinished: which ball, and where its scan stopped.
    private bool? _pendingForward;
    private int _pendingIndex;
    private int _pendingSlot;

    // The walk in path order: the last forward layer it steps through (the rest are backward layers), a lower bound of
    // any path's bottleneck, and how many paths it offered.
    private int _lastForward;
    private int _lowerBound;
    private int _offered;
    private bool _undecided;

    private int DepthForward => _forward.Count - 1;

    private int DepthBackward => _backward.Count - 1;

    private bool CompleteForward => _forward[^1].Count == 0;

    private bool CompleteBackward => _backward[^1].Count == 0;

    private int WorstKept => _kept.Count == _room ? _kept[^1].Bottleneck : int.MaxValue;

    public IndexedPathSearch Run()
    {
        scratch.SetForward(from, 0);
        scratch.SetBackward(to, 0);
        var found = new List<Candidate>();
        var shortest = Meet();
        if (shortest > 0)
        {
            _room = query.K;
            if (!ShortestInOrder(shortest))
            {
                _kept = [];
                CompleteLayer();
                Shortest(shortest);
            }

            found.AddRange(_kept);
            for (var length = shortest + 1; length <= query.MaxHops && found.Count < query.K && !_truncated; length++)
            {
                CompleteLayer();
                _kept = [];
                _room = query.K - found.Count;
                Longer(length, length - shortest);
                found.AddRange(_kept);
            }
        }

        return new IndexedPathSearch([.. found.Select(ToPath)], _truncated, (int)Math.Min(_steps, int.MaxValue));
    }

    /// <summary>
    /// Grows the two balls until they meet; the shortest length, or -1 (none within MaxHops, or out of budget). The layer
    /// being grown stops at the first meeting (see <see cref="CompleteLayer"/>), as a bare bidirectional search does.
    /// </summary>
    private int Meet()
    {
        while (DepthForward + DepthBackward < query.MaxHops)
        {
            if (CompleteForward || CompleteBackward)
            {
                return -1;
            }

            var forward = Degree(_forward[^1]) <= Degree(_backward[^1]);
            (forward ? _forward : _backward).Add([]);
            var met = Grow(forward, 0, -1, stopAtMeeting: true);
            if (_truncated)
            {
                return -1;
            }

            if (met)
            {
                _lastForward = forward ? DepthForward - 1 : DepthForward;
                return DepthForward + DepthBackward;
            }
        }

        return -1;
    }

    /// <summary>Adds a whole layer to the forward ball (or the backward one).</summary>
    private void Grow(bool forward)
    {
        (forward ? _forward : _backward).Add([]);
        Grow(forward, 0, -1, stopAtMeeting: false);
    }

    /// <summary>Finishes the layer that <see cref="Meet"/> left unfinished, if any.</summary>
    private void CompleteLayer()
    {
        if (_pendingForward is bool forward)
        {
            _pendingForward = null;
            Grow(forward, _pendingIndex, _pendingSlot, stopAtMeeting: false);
        }
    }

    /// <summary>
    /// Fills the ball's outer layer from the one before, from its <paramref name="index"/>-th entity (from past
    /// <paramref name="slot"/>, when not -1); true when the new layer touches the other ball. With
    /// <paramref name="stopAtMeeting"/>, stops there and remembers where.
    /// </summary>
    private bool Grow(bool forward, int index, int slot, bool stopAtMeeting)
    {
        var layers = forward ? _forward : _backward;
        var depth = layers.Count - 1;
        var inner = layers[^2];
        var next = layers[^1];
        var met = false;
        for (; index < inner.Count; index++, slot = -1)
        {
            var u = inner[index];
            for (slot = slot < 0 ? _offsets[u] : slot + 1; slot < _offsets[u + 1]; slot++)
            {
                if (!Step())
                {
                    return false;
                }

                var v = _neighbor[slot];
                if (forward ? scratch.SeenForward(v) : scratch.SeenBackward(v))
                {
                    continue;
                }

                var x = _entry[slot];
                if (!(forward ? Leaves(x) : Enters(x)) || IsExcluded(v))
                {
                    continue;
                }

                if (forward)
                {
                    scratch.SetForward(v, depth);
                    met |= scratch.SeenBackward(v);
                }
                else
                {
                    scratch.SetBackward(v, depth);
                    met |= scratch.SeenForward(v);
                }

                next.Add(v);
                if (met && stopAtMeeting)
                {
                    (_pendingForward, _pendingIndex, _pendingSlot) = (forward, index, slot);
                    if (forward)
                    {
                        // The entities of the inner layer scanned before this one touch no entity of the other ball.
                        for (var i = 0; i < index; i++)
                        {
                            scratch.SetDead(inner[i]);
                        }
                    }

                    return true;
                }
            }
        }

        return met;
    }

    /// <summary>
    /// The k best paths of the shortest length, walking the shortest paths in path order (entity ids, position by
    /// position): the forward layers up to <see cref="_lastForward"/>, then the backward ones. Paths come out in id
    /// order, so a path's bottleneck decides whether it is kept; every branch whose bottleneck cannot fall below the
    /// k-th kept one is cut, with a lower bound of any path's bottleneck (the weakest of the strongest links that can
    /// leave the source and reach the target). An entity of a forward layer from which no shortest path continues is
    /// marked dead, so it is scanned once. When the bound is loose and many paths have to be compared, this gives up
    /// (false) for <see cref="Shortest"/>, which computes exact bottlenecks over the whole layered graph.
    /// </summary>
    private bool ShortestInOrder(int length)
    {
        _lowerBound = Math.Max(LowestClass(from, leaving: true), LowestClass(to, leaving: false));
        _offered = 0;
        _undecided = false;
        _nodes[0] = from;
        WalkInOrder(0, length, Unconstrained);
        return !_undecided;
    }

    /// <summary>The strongest class among the entity's admitted entries the way a path leaves (or reaches) it.</summary>
    private int LowestClass(int entity, bool leaving)
    {
        for (var slot = _offsets[entity]; slot < _offsets[entity + 1]; slot++)
        {
            if (!Step())
            {
                return Unconstrained;
            }

            var x = _strengthEntry[slot];
            if (leaving ? Leaves(x) : Enters(x))
            {
                return _class[x >> 1];
            }
        }

        return Unconstrained;
    }

    /// <summary>Walks on from position <paramref name="position"/>; false when no shortest path continues from there.</summary>
    private bool WalkInOrder(int position, int length, int bottleneck)
    {
        var u = _nodes[position];
        var next = position + 1;
        var leads = false;
        if (next > _lastForward && ShouldLookUp(u, _backward[length - next]))
        {
            foreach (var (w, r) in LookUpChildren(u, _backward[length - next]))
            {
                if (!TryChild(next, length, bottleneck, w, r, ref leads))
                {
                    return true;
                }
            }

            return leads;
        }

        var previous = -1;
        for (var slot = _offsets[u]; slot < _offsets[u + 1]; slot++)
        {
            var w = _neighbor[slot];
            if (w == previous)
            {
                continue;
            }

            if (!Step())
            {
                return true;
            }

            var x = _entry[slot];
            if (!Leaves(x))
            {
                continue;
            }

            // The first admitted entry of a neighbour's run is its strongest relationship: the link.
            previous = w;
            var onShortest = next <= _lastForward
                ? scratch.SeenForward(w) && scratch.Forward(w) == next && !scratch.Dead(w)
                : scratch.SeenBackward(w) && scratch.Backward(w) == length - next;
            if (onShortest && !TryChild(next, length, bottleneck, w, x >> 1, ref leads))
            {
                return true;
            }
        }

        return leads;
    }

    /// <summary>One step of <see cref="WalkInOrder"/> to <paramref name="w"/>; false when the walk stops here.</summary>
    private bool TryChild(int next, int length, int bottleneck, int w, int r, ref bool leads)
    {
        if (Math.Max(bottleneck, _lowerBound) >= WorstKept)
        {
            // Nothing from here on can beat the kept paths (and later ones sort after them).
            leads = true;
            return false;
        }

        var through = Math.Max(bottleneck, _class[r]);
        if (Math.Max(through, _lowerBound) >= WorstKept)
        {
            leads = true;
            return true;
        }

        _nodes[next] = w;
        _links[next - 1] = r;
        if (next == length)
        {
            Offer(length, through);
            leads = true;
            _undecided = ++_offered > OfferLimit;
        }
        else if (WalkInOrder(next, length, through))
        {
            leads = true;
        }
        else if (next <= _lastForward)
        {
            scratch.SetDead(w);
        }

        return !(_truncated || _undecided);
    }

    private int OfferLimit => (4 * query.K) + 16;

    /// <summary>The k best paths of the shortest length, from the layered graph of shortest paths.</summary>
    private void Shortest(int length)
    {
        var a = DepthForward;
        var b = DepthBackward;

        // Target side: the best bottleneck to the target of every entity of the backward ball, pushed outward layer by
        // layer from the target over the entries already looked at when the ball grew (never the outer layer's own,
        // which may hold a hub). The meeting entities are the outer layer's entities that the forward ball reached.
        scratch.Mark(to);
        scratch.Best[to] = Unconstrained;
        for (var j = 1; j <= b; j++)
        {
            foreach (var w in _backward[j - 1])
            {
                for (var slot = _offsets[w]; slot < _offsets[w + 1]; slot++)
                {
                    if (!Step())
                    {
                        return;
                    }

                    var v = _neighbor[slot];
                    var x = _entry[slot];
                    if (!scratch.SeenBackward(v) || scratch.Backward(v) != j || !Enters(x))
                    {
                        continue;
                    }

                    var through = Math.Max(_class[x >> 1], scratch.Best[w]);
                    if (!scratch.Marked(v))
                    {
                        scratch.Mark(v);
                        scratch.Best[v] = through;
                    }
                    else if (through < scratch.Best[v])
                    {
                        scratch.Best[v] = through;
                    }
                }
            }
        }

        // Source side: an entity at distance i is on a shortest path when it leads to a marked entity at distance i + 1.
        for (var i = a - 1; i >= 0; i--)
        {
            var depth = i + 1;
            foreach (var u in _forward[i])
            {
                var best = BestOnward(u, w => scratch.SeenForward(w) && scratch.Forward(w) == depth);
                if (best != int.MaxValue)
                {
                    scratch.Mark(u);
                    scratch.Best[u] = best;
                }
            }
        }

        if (_truncated || !scratch.Marked(from))
        {
            return;
        }

        _nodes[0] = from;
        WalkShortest(0, length, a, Unconstrained);
    }

    /// <summary>The best bottleneck from <paramref name="u"/> to the target through marked entities that <paramref name="onward"/> admits; int.MaxValue when none.</summary>
    private int BestOnward(int u, Func<int, bool> onward)
    {
        var best = int.MaxValue;
        for (var slot = _offsets[u]; slot < _offsets[u + 1]; slot++)
        {
            if (!Step())
            {
                return best;
            }

            var w = _neighbor[slot];
            var x = _entry[slot];
            if (scratch.Marked(w) && onward(w) && Leaves(x))
            {
                best = Math.Min(best, Math.Max(_class[x >> 1], scratch.Best[w]));
            }
        }

        return best;
    }

    private void WalkShortest(int position, int length, int meeting, int bottleneck)
    {
        var u = _nodes[position];
        var next = position + 1;
        foreach (var (w, r) in ShortestChildren(u, next, length, meeting))
        {
            var through = Math.Max(bottleneck, _class[r]);
            if (Math.Max(through, scratch.Best[w]) >= WorstKept)
            {
                continue;
            }

            _nodes[next] = w;
            _links[position] = r;
            if (next == length)
            {
                Offer(length, through);
            }
            else
            {
                WalkShortest(next, length, meeting, through);
            }

            if (_truncated)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The entities one step further along shortest paths from <paramref name="u"/>, by id, each with its link's strongest
    /// relationship. Near the target, an entity with more entries than the next layer has entities (a hub the backward
    /// ball never grew from) is looked up in that layer's adjacencies, which are sorted by neighbour, instead of scanned.
    /// </summary>
    private List<(int Entity, int Relationship)> ShortestChildren(int u, int next, int length, int meeting)
    {
        if (next > meeting && ShouldLookUp(u, _backward[length - next]))
        {
            return LookUpChildren(u, _backward[length - next]);
        }

        var children = new List<(int, int)>();
        var previous = -1;
        for (var slot = _offsets[u]; slot < _offsets[u + 1]; slot++)
        {
            var w = _neighbor[slot];
            if (w == previous)
            {
                continue;
            }

            if (!Step())
            {
                return children;
            }

            var x = _entry[slot];
            if (!Leaves(x))
            {
                continue;
            }

            // The first admitted entry of a neighbour's run is its strongest relationship: the link.
            previous = w;
            var onShortest = scratch.Marked(w) && (next <= meeting
                ? scratch.SeenForward(w) && scratch.Forward(w) == next
                : scratch.SeenBackward(w) && scratch.Backward(w) == length - next);
            if (onShortest)
            {
                children.Add((w, x >> 1));
            }
        }

        return children;
    }

    /// <summary>Whether finding <paramref name="u"/>'s neighbours in <paramref name="layer"/> is cheaper by looking each up (a hub).</summary>
    private bool ShouldLookUp(int u, List<int> layer) => _offsets[u + 1] - _offsets[u] > 4 * layer.Count;

    /// <summary>
    /// The entities of a backward layer that <paramref name="u"/> leads to, by id, each with its link's strongest
    /// relationship: each looked up in the layer entity's adjacency, which is sorted by neighbour.
    /// </summary>
    private List<(int Entity, int Relationship)> LookUpChildren(int u, List<int> layer)
    {
        var children = new List<(int, int)>();
        foreach (var w in layer)
        {
            if (!Step())
            {
                return children;
            }

            var slot = Array.BinarySearch(_neighbor, _offsets[w], _offsets[w + 1] - _offsets[w], u);
            if (slot < 0)
            {
                continue;
            }

            while (slot > _offsets[w] && _neighbor[slot - 1] == u)
            {
                slot--;
            }

            // The first entry at w that the walk may arrive by is the link's strongest relationship.
            for (; slot < _offsets[w + 1] && _neighbor[slot] == u; slot++)
            {
                if (Enters(_entry[slot]))
                {
                    children.Add((w, _entry[slot] >> 1));
                    break;
                }
            }
        }

        children.Sort((x, y) => x.Item1.CompareTo(y.Item1));
        return children;
    }

    /// <summary>The k best paths of a length <paramref name="slack"/> above the shortest.</summary>
    private void Longer(int length, int slack)
    {
        // Position p of such a path lies at distance p - slack .. p from the source and length - p - slack .. length - p
        // from the target; the balls grow until every position falls inside one of them.
        while (!(CompleteForward || CompleteBackward || DepthForward + DepthBackward >= length - 1))
        {
            Grow(Degree(_forward[^1]) <= Degree(_backward[^1]));
            if (_truncated)
            {
                return;
            }
        }

        _nodes[0] = from;
        WalkLonger(0, length, slack, Unconstrained);
    }

    private void WalkLonger(int position, int length, int slack, int bottleneck)
    {
        var u = _nodes[position];
        var next = position + 1;
        var previous = -1;
        for (var slot = _offsets[u]; slot < _offsets[u + 1]; slot++)
        {
            var w = _neighbor[slot];
            if (w == previous || !Step())
            {
                if (_truncated)
                {
                    return;
                }

                continue;
            }

            var x = _entry[slot];
            if (!Leaves(x))
            {
                continue;
            }

            previous = w;
            var through = Math.Max(bottleneck, _class[x >> 1]);
            if (through >= WorstKept)
            {
                continue;
            }

            if (next == length)
            {
                if (w == to)
                {
                    _nodes[next] = w;
                    _links[position] = x >> 1;
                    Offer(length, through);
                }

                continue;
            }

            if (w == to || IsExcluded(w) || OnPath(w, position) || !InShells(w, next, length, slack))
            {
                continue;
            }

            _nodes[next] = w;
            _links[position] = x >> 1;
            WalkLonger(next, length, slack, through);
            if (_truncated)
            {
                return;
            }
        }
    }

    private bool InShells(int w, int position, int length, int slack)
    {
        var remaining = length - position;
        var forwardOk = scratch.SeenForward(w)
            ? scratch.Forward(w) >= position - slack
            : !CompleteForward && position > DepthForward;
        var backwardOk = scratch.SeenBackward(w)
            ? scratch.Backward(w) <= remaining && scratch.Backward(w) >= remaining - slack
            : !CompleteBackward && remaining > DepthBackward;
        return forwardOk && backwardOk;
    }

    private bool OnPath(int entity, int position)
    {
        for (var i = 0; i <= position; i++)
        {
            if (_nodes[i] == entity)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Keeps the best paths of the current length: by bottleneck, then by entities. Walks go in entity order, so a new
    /// path sorts after every kept one of the same bottleneck.
    /// </summary>
    private void Offer(int length, int bottleneck)
    {
        var at = _kept.FindIndex(c => c.Bottleneck > bottleneck);
        var candidate = new Candidate(_nodes[..(length + 1)], _links[..length], bottleneck);
        _kept.Insert(at < 0 ? _kept.Count : at, candidate);
        if (_kept.Count > _room)
        {
            _kept.RemoveAt(_kept.Count - 1);
        }
    }

    /// <summary>A path with every admitted relationship of each link, strongest first (the link order of the adjacency).</summary>
    private IndexedPath ToPath(Candidate c)
    {
        var links = new int[c.Links.Length][];
        for (var i = 0; i < links.Length; i++)
        {
            var (u, v) = (c.Nodes[i], c.Nodes[i + 1]);
            var slot = Array.BinarySearch(_neighbor, _offsets[u], _offsets[u + 1] - _offsets[u], v);
            while (slot > _offsets[u] && _neighbor[slot - 1] == v)
            {
                slot--;
            }

            var link = new List<int>();
            for (; slot < _offsets[u + 1] && _neighbor[slot] == v; slot++)
            {
                if (Leaves(_entry[slot]))
                {
                    link.Add(_entry[slot] >> 1);
                }
            }

            links[i] = [.. link];
        }

        return new IndexedPath(c.Nodes, links);
    }

    /// <summary>Whether a path may leave the entry's entity along it (forward travel), and the filters admit it.</summary>
    private bool Leaves(int entry) => _admitAll || (((entry & 1) == 0 ? _outOk : _inOk) && filter.Admits(entry >> 1));

    /// <summary>Whether a path may arrive at the entry's entity along it (the backward ball's view).</summary>
    private bool Enters(int entry) => _admitAll || (((entry & 1) == 0 ? _inOk : _outOk) && filter.Admits(entry >> 1));

    private bool IsExcluded(int entity) => excluded.Count > 0 && excluded.Contains(entity);

    private long Degree(List<int> layer)
    {
        long sum = 0;
        foreach (var e in layer)
        {
            sum += _offsets[e + 1] - _offsets[e];
        }

        return sum;
    }

    private bool Step()
    {
        if (++_steps > budget)
        {
            _truncated = true;
            return false;
        }

        if ((_steps & 0xFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return true;
    }

    private sealed record Candidate(int[] Nodes, int[] Links, int Bottleneck);
}
