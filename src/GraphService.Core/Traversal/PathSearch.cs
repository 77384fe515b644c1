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

    // What Scan returns when it went through an entity's entries, and when the budget stopped it.
    private const int ScannedAll = -1;
    private const int OutOfBudget = -2;

    // An entity is looked up in a layer instead of scanned when it has this many times more entries than the layer has
    // entities (a binary search costs a few entries' worth).
    private const int LookUpFactor = 8;

    private readonly int[] _offsets = index.AdjacencyOffsets;
    private readonly int[] _neighbor = index.LinkNeighbor;
    private readonly int[] _entry = index.LinkEntry;
    private readonly int[] _class = index.StrengthClass;
    private readonly int[] _strengthEntry = index.StrengthEntry;
    private readonly bool _outOk = query.Direction != TraversalDirection.In;
    private readonly bool _inOk = query.Direction != TraversalDirection.Out;
    private readonly bool _admitAll = query.Direction == TraversalDirection.Any && filter.AdmitsAll;
    private readonly List<List<int>> _forward = [scratch.Layer(from)];
    private readonly List<List<int>> _backward = [scratch.Layer(to)];
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

    // When the backward layer was left unfinished: what finishing it towards the forward frontier costs (-1 until asked),
    // and how many entries the walk has looked at in the forward frontier to learn what that layer would have told (see
    // MayMeet). Once finished that way, the hubs whose entries were looked up rather than scanned, with where their scan
    // would start.
    private long _frontierCost = -1;
    private long _frontierScanned;
    private List<(int Entity, int First)> _unscannedHubs = [];

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
        var meetingSteps = _steps;
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

        return new IndexedPathSearch([.. found.Select(ToPath)], _truncated, (int)Math.Min(_steps, int.MaxValue), (int)Math.Min(meetingSteps, int.MaxValue));
    }

    /// <summary>
    /// Grows the two balls until they meet; the shortest length, or -1 (none within MaxHops, or out of budget). The layer
    /// being grown stops at the first meeting (see <see cref="CompleteLayer"/>), as a bare bidirectional search does.
    /// </summary>
    private int Meet()
    {
        long forwardDegree = -1, backwardDegree = -1;
        while (DepthForward + DepthBackward < query.MaxHops)
        {
            if (CompleteForward || CompleteBackward)
            {
                return -1;
            }

            // The side that did not grow last round keeps its frontier and so its degree.
            forwardDegree = forwardDegree < 0 ? Degree(_forward[^1]) : forwardDegree;
            backwardDegree = backwardDegree < 0 ? Degree(_backward[^1]) : backwardDegree;
            var forward = forwardDegree <= backwardDegree;
            ByDegree((forward ? _forward : _backward)[^1]);
            (forward ? _forward : _backward).Add(scratch.Layer());
            var met = GrowUntilMeeting(forward);
            if (forward)
            {
                forwardDegree = -1;
            }
            else
            {
                backwardDegree = -1;
            }

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
        (forward ? _forward : _backward).Add(scratch.Layer());
        GrowFrom(forward, 0, -1);
    }

    /// <summary>
    /// Fills the ball's outer layer from the one before, from its <paramref name="index"/>-th entity (from past
    /// <paramref name="slot"/>, when not -1) to its end.
    /// </summary>
    private void GrowFrom(bool forward, int index, int slot)
    {
        foreach (var (u, first) in EntitiesLeft((forward ? _forward : _backward)[^2], index, slot))
        {
            if (Scan(forward, u, first, stopAtMeeting: false) == OutOfBudget)
            {
                return;
            }
        }
    }

    /// <summary>Finishes the layer that <see cref="Meet"/> left unfinished (or the walk finished only towards the forward frontier), if any.</summary>
    private void CompleteLayer()
    {
        if (_pendingForward is bool forward)
        {
            _pendingForward = null;
            GrowFrom(forward, _pendingIndex, _pendingSlot);
        }

        var hubs = _unscannedHubs;
        _unscannedHubs = [];
        foreach (var (hub, first) in hubs)
        {
            if (Scan(forward: false, hub, first, stopAtMeeting: false) == OutOfBudget)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Adds to the ball's outer layer every entity not yet in the ball that <paramref name="u"/>'s entries from
    /// <paramref name="first"/> lead to (the growth of one inner entity): <see cref="ScannedAll"/>, or
    /// <see cref="OutOfBudget"/>. With <paramref name="stopAtMeeting"/>, stops at the first entity the other ball holds
    /// and returns the slot of its entry.
    /// </summary>
    private int Scan(bool forward, int u, int first, bool stopAtMeeting)
    {
        var (layers, own, other) = forward
            ? (_forward, SearchScratch.ForwardSide, SearchScratch.BackwardSide)
            : (_backward, SearchScratch.BackwardSide, SearchScratch.ForwardSide);
        var next = layers[^1];
        var balls = scratch.BallMarks;
        var mark = scratch.Stamped(layers.Count - 1);
        var current = scratch.Stamp;
        var checkEntries = !_admitAll || excluded.Count > 0;
        var end = _offsets[u + 1];
        if (!TakeSteps(end - first))
        {
            // Too few steps left for the whole run: one entry at a time, so that the search stops where the budget does.
            end = first + (int)Math.Max(0, budget - _steps);
            _steps = budget;
        }

        for (var slot = first; slot < end; slot++)
        {
            var v = _neighbor[slot];
            if (balls[(2 * v) + own] >>> SearchScratch.DistanceBits == current || (checkEntries && !Admits(forward, _entry[slot], v)))
            {
                continue;
            }

            balls[(2 * v) + own] = mark;
            next.Add(v);
            if (stopAtMeeting && balls[(2 * v) + other] >>> SearchScratch.DistanceBits == current)
            {
                // The entries after this one were counted but not looked at.
                _steps -= end - slot - 1;
                return slot;
            }
        }

        if (end < _offsets[u + 1])
        {
            Step();
            return OutOfBudget;
        }

        return ScannedAll;
    }

    /// <summary>
    /// Fills the ball's new outer layer from the one before until it touches the other ball: true then, and the growth
    /// stops there and remembers where (<see cref="CompleteLayer"/> finishes it); false when the layer is complete without
    /// a meeting, or the budget ran out.
    /// </summary>
    private bool GrowUntilMeeting(bool forward)
    {
        var layers = forward ? _forward : _backward;
        var depth = layers.Count - 1;
        var inner = layers[^2];
        var own = forward ? SearchScratch.ForwardSide : SearchScratch.BackwardSide;
        for (var index = 0; index < inner.Count; index++)
        {
            var u = inner[index];
            if (_offsets[u + 1] - _offsets[u] > LookUpFactor * (forward ? _backward : _forward)[^1].Count)
            {
                // A hub: whether it touches the other ball's outer layer (the only layer of it that it can touch, the
                // others being complete) is cheaper to look up there than to learn by scanning its entries. If it does,
                // that entity alone joins the new layer, and finishing the layer scans the hub from its first entry.
                var meeting = MeetingByLookUp(u, (forward ? _backward : _forward)[^1], forward);
                if (_truncated)
                {
                    return false;
                }

                if (meeting >= 0)
                {
                    scratch.BallMarks[(2 * meeting) + own] = scratch.Stamped(depth);
                    layers[^1].Add(meeting);
                    StopAtMeeting(forward, inner, index, -1, depth);
                    return true;
                }
            }

            var scanned = Scan(forward, u, _offsets[u], stopAtMeeting: true);
            if (scanned == OutOfBudget)
            {
                return false;
            }

            if (scanned >= 0)
            {
                StopAtMeeting(forward, inner, index, scanned, depth);
                return true;
            }
        }

        return false;
    }

    /// <summary>Remembers where the growth of a layer stopped at the first meeting.</summary>
    private void StopAtMeeting(bool forward, List<int> inner, int index, int slot, int depth)
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
    }

    /// <summary>
    /// An entity of <paramref name="layer"/> (the other ball's outer layer) that a link admitted for the growing ball
    /// joins to <paramref name="u"/>, looked up in u's adjacency (sorted by neighbour); -1 when there is none. Each
    /// look-up is a step.
    /// </summary>
    private int MeetingByLookUp(int u, List<int> layer, bool forward)
    {
        foreach (var w in layer)
        {
            if (!Step())
            {
                return -1;
            }

            var (start, end) = index.LinkRun(u, w);
            for (var slot = start; slot < end; slot++)
            {
                if (forward ? Leaves(_entry[slot]) : Enters(_entry[slot]))
                {
                    return w;
                }
            }
        }

        return -1;
    }

    /// <summary>Whether a ball may grow along the entry to <paramref name="v"/> (forward: leaving; backward: entering).</summary>
    private bool Admits(bool forward, int entry, int v) => (forward ? Leaves(entry) : Enters(entry)) && !IsExcluded(v);

    /// <summary>
    /// Counts <paramref name="count"/> entries as looked at, when the budget allows all of them; otherwise counts none
    /// and says so. Checks for cancellation as <see cref="Step"/> does.
    /// </summary>
    private bool TakeSteps(int count)
    {
        if (_steps + count > budget)
        {
            return false;
        }

        var before = _steps;
        _steps += count;
        if (before >> 12 != _steps >> 12)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return true;
    }

    /// <summary>Whether finding <paramref name="u"/>'s neighbours in <paramref name="layer"/> is cheaper by looking each up (a hub).</summary>
    private bool ShouldLookUp(int u, List<int> layer) => IsCheaperToLookUp(_offsets[u + 1] - _offsets[u], layer.Count);

    /// <summary>Whether learning which of <paramref name="layer"/> entities an entity's <paramref name="entries"/> reach is cheaper by a look-up per layer entity than by scanning the entries.</summary>
    private static bool IsCheaperToLookUp(int entries, int layer) => entries > 4 * layer;

    /// <summary>
    /// The inner entities whose entries a growth stopped at (<paramref name="index"/>, <paramref name="slot"/>) has still
    /// to scan, each with the slot its scan starts at: the one it stopped in (past <paramref name="slot"/>, when not -1),
    /// then the rest of the layer.
    /// </summary>
    private IEnumerable<(int Entity, int First)> EntitiesLeft(List<int> inner, int index, int slot)
    {
        for (; index < inner.Count; index++, slot = -1)
        {
            var u = inner[index];
            yield return (u, slot < 0 ? _offsets[u] : slot + 1);
        }
    }

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

            // The first entry at w that the walk may arrive by is the link's strongest relationship.
            var (start, end) = index.LinkRun(w, u);
            for (var slot = start; slot < end; slot++)
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
            var (start, end) = index.LinkRun(u, v);
            var link = new List<int>();
            for (var slot = start; slot < end; slot++)
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

    /// <summary>
    /// Orders a layer about to grow by its entities' degrees, smallest first, by powers of two (a counting sort, stable
    /// within a power). The growth stops at the first meeting, and an entry of a small entity meets the other ball more
    /// often than one of a hub (whose neighbours are mostly small entities the other ball has not reached), so the
    /// meeting comes after fewer entries. Which order the layer has does not matter to anything else.
    /// </summary>
    private void ByDegree(List<int> layer)
    {
        if (layer.Count < 2)
        {
            return;
        }

        Span<int> starts = stackalloc int[34];
        starts.Clear();
        var count = layer.Count;
        var (classes, ordered) = scratch.Buffers(count);
        for (var i = 0; i < count; i++)
        {
            var e = layer[i];
            classes[i] = (byte)(32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(_offsets[e + 1] - _offsets[e])));
            starts[classes[i] + 2]++;
        }

        for (var c = 2; c < starts.Length; c++)
        {
            starts[c] += starts[c - 1];
        }

        for (var i = 0; i < count; i++)
        {
            ordered[starts[classes[i] + 1]++] = layer[i];
        }

        for (var i = 0; i < count; i++)
        {
            layer[i] = ordered[i];
        }
    }

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
