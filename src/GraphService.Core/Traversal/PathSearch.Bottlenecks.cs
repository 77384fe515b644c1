namespace GraphService.Core.Traversal;

// The fallback for the shortest paths: exact bottlenecks over the whole layered graph, then a walk pruned by them (step 3).
internal sealed partial class PathSearch
{
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

        // Out of budget, the children found so far are returned; the search says it was truncated.
        var children = new List<(int, int)>();
        var links = Links(u);
        while (links.MoveNext())
        {
            var w = links.Entity;
            var onShortest = scratch.Marked(w) && (next <= meeting
                ? scratch.SeenForward(w) && scratch.Forward(w) == next
                : scratch.SeenBackward(w) && scratch.Backward(w) == length - next);
            if (onShortest)
            {
                children.Add((w, links.Relationship));
            }
        }

        return children;
    }
}
