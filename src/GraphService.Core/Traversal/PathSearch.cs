using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

// One class in four files: the phases share one search's state (balls, kept paths, scratch), so they stay one type; this
// file holds the meeting of the balls and what every phase uses, the others one phase each (InOrder, Bottlenecks, Longer).
/// <summary>One run of <see cref="PathFinder"/> (see there for the method). Link strength is the strength class of
/// <see cref="TraversalIndex.StrengthClass"/>: a lower class is stronger, and a path's bottleneck is its highest class.</summary>
internal sealed partial class PathSearch(
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
        scratch.BeginWalk();
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
                            scratch.SetDead(inner[i], depth - 1);
                        }
                    }

                    return true;
                }
            }
        }

        return met;
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

    /// <summary>
    /// The links a path may take out of <paramref name="u"/>, in neighbour order: per neighbour, the first entry of its run
    /// that <see cref="Leaves"/> admits, which is its strongest admitted relationship. Every entry looked at is a
    /// <see cref="Step"/>; when the budget runs out the enumeration ends with <see cref="LinksOut.OutOfBudget"/> set.
    /// </summary>
    private LinksOut Links(int u) => new(this, u);

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

    /// <summary>The enumeration <see cref="Links"/> returns; a mutable struct, so it lives in a local.</summary>
    private struct LinksOut(PathSearch search, int u)
    {
        private readonly int _end = search._offsets[u + 1];
        private int _slot = search._offsets[u] - 1;
        private int _previous = -1;

        public int Entity { get; private set; }

        public int Relationship { get; private set; }

        public bool OutOfBudget { get; private set; }

        public bool MoveNext()
        {
            while (++_slot < _end)
            {
                var w = search._neighbor[_slot];
                if (w == _previous)
                {
                    continue;
                }

                if (!search.Step())
                {
                    OutOfBudget = true;
                    return false;
                }

                var x = search._entry[_slot];
                if (search.Leaves(x))
                {
                    _previous = w;
                    Entity = w;
                    Relationship = x >> 1;
                    return true;
                }
            }

            return false;
        }
    }
}
