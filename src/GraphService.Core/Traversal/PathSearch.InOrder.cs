namespace GraphService.Core.Traversal;

// The shortest paths walked in path order, cut by a lower bound of the bottleneck (step 2 of PathFinder).
internal sealed partial class PathSearch
{
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
        if (position == _lastForward && length - position == DepthBackward && !MayMeet(u, length - position))
        {
            return _truncated;
        }

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

        // The child's mark in the ball it must lie in, at the distance it must have.
        var balls = scratch.BallMarks;
        var (side, wanted) = next <= _lastForward
            ? (SearchScratch.ForwardSide, scratch.Stamped(next))
            : (SearchScratch.BackwardSide, scratch.Stamped(length - next));
        var links = Links(u);
        while (links.MoveNext())
        {
            var w = links.Entity;
            var onShortest = balls[(2 * w) + side] == wanted && !(next <= _lastForward && scratch.Dead(w, next));
            if (onShortest && !TryChild(next, length, bottleneck, w, links.Relationship, ref leads))
            {
                return true;
            }
        }

        // Out of budget, the walk stops here as when a child stops it.
        return links.OutOfBudget || leads;
    }

    /// <summary>
    /// Whether <paramref name="u"/>, an entity of the outer forward layer, may lie at <paramref name="distance"/> from the
    /// target, the distance of the outer backward layer: certainly when that layer holds it; certainly not when that layer
    /// is complete and does not. When the meeting left that layer unfinished, scanning the forward entities the walk
    /// reaches answers the question one entity at a time, and finishing the layer answers it for all; the walk scans until
    /// it has looked at as many entries as finishing would, then finishes (so it never pays much more than the cheaper).
    /// </summary>
    private bool MayMeet(int u, int distance)
    {
        var wanted = scratch.Stamped(distance);
        if (scratch.BallMarks[(2 * u) + SearchScratch.BackwardSide] == wanted)
        {
            return true;
        }

        if (_pendingForward != false)
        {
            return false;
        }

        // What the walk will pay to learn it for u: a hub looks the next layer up instead of scanning (see WalkInOrder).
        var layer = _backward[distance - 1];
        var cost = ShouldLookUp(u, layer) ? layer.Count : _offsets[u + 1] - _offsets[u];
        _frontierCost = _frontierCost < 0 ? FrontierCompletionCost() : _frontierCost;
        if (_frontierScanned + cost <= _frontierCost)
        {
            _frontierScanned += cost;
            return true;
        }

        CompleteTowardsFrontier();
        return !_truncated && scratch.BallMarks[(2 * u) + SearchScratch.BackwardSide] == wanted;
    }

    /// <summary>
    /// What <see cref="CompleteTowardsFrontier"/> will cost: per inner backward entity still to scan, its entries left,
    /// or, for a hub (<see cref="IsCheaperToLookUp"/>), one look-up per entity of the outer forward layer.
    /// </summary>
    private long FrontierCompletionCost()
    {
        var frontier = _forward[^1].Count;
        long cost = 0;
        foreach (var (u, first) in EntitiesLeft(_backward[^2], _pendingIndex, _pendingSlot))
        {
            var left = _offsets[u + 1] - first;
            cost += IsCheaperToLookUp(left, frontier) ? frontier : left;
        }

        return cost;
    }

    /// <summary>
    /// Finishes the backward layer the meeting left unfinished as far as the walk needs it: which entities of the outer
    /// forward layer it holds (the walk asks nothing else of it). The inner entities left to grow are scanned, except the
    /// hubs among them, which are looked up in each forward entity's adjacency instead (a binary search in a small
    /// adjacency, where scanning the hub would look at all its entries). The hubs' entries are scanned later only if a
    /// later phase needs the whole layer (see <see cref="CompleteLayer"/>).
    /// </summary>
    private void CompleteTowardsFrontier()
    {
        var frontier = _forward[^1];
        var hubs = new List<(int Entity, int First)>();
        foreach (var (u, first) in EntitiesLeft(_backward[^2], _pendingIndex, _pendingSlot))
        {
            if (IsCheaperToLookUp(_offsets[u + 1] - first, frontier.Count))
            {
                hubs.Add((u, first));
            }
            else if (Scan(forward: false, u, first, stopAtMeeting: false) == OutOfBudget)
            {
                return;
            }
        }

        _pendingForward = null;
        _unscannedHubs = hubs;
        var balls = scratch.BallMarks;
        var mark = scratch.Stamped(DepthBackward);
        foreach (var w in frontier)
        {
            if (hubs.Count == 0 || balls[(2 * w) + SearchScratch.BackwardSide] >>> SearchScratch.DistanceBits == scratch.Stamp)
            {
                continue;
            }

            foreach (var (hub, _) in hubs)
            {
                if (!Step())
                {
                    return;
                }

                // w's entries towards the hub: one that a path may leave w by is one the backward ball may arrive at w
                // by (no entity of the forward ball is excluded, so none needs that check).
                if (LeavesTowards(w, hub))
                {
                    balls[(2 * w) + SearchScratch.BackwardSide] = mark;
                    _backward[^1].Add(w);
                    break;
                }
            }
        }
    }

    /// <summary>Whether an entry of <paramref name="u"/>'s run towards <paramref name="w"/> is one a path may leave u by.</summary>
    private bool LeavesTowards(int u, int w)
    {
        var (start, end) = index.LinkRun(u, w);
        for (var slot = start; slot < end; slot++)
        {
            if (Leaves(_entry[slot]))
            {
                return true;
            }
        }

        return false;
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
            scratch.SetDead(w, next);
        }

        return !(_truncated || _undecided);
    }

    private int OfferLimit => (4 * query.K) + 16;
}
