namespace GraphService.Core.Traversal;

// Paths longer than the shortest, when fewer than k shortest ones exist (step 4 of PathFinder).
internal sealed partial class PathSearch
{
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

        scratch.BeginWalk();
        _nodes[0] = from;
        WalkLonger(0, length, slack, Unconstrained);
    }

    /// <summary>
    /// Walks on from position <paramref name="position"/>, in id order; false when no path continues from there whatever
    /// came before (nothing was refused for being on the path already or cut by the bound), so that the entity is marked
    /// dead at that position and never walked from there again. A hub whose next position must lie in a few backward
    /// layers looks those layers' entities up instead of scanning its entries.
    /// </summary>
    private bool WalkLonger(int position, int length, int slack, int bottleneck)
    {
        var u = _nodes[position];
        var remaining = length - position - 1;
        var leads = false;
        if (remaining > 0 && remaining <= DepthBackward)
        {
            // The next entity lies at distance remaining - slack .. remaining from the target (never the target itself).
            var nearest = Math.Max(1, remaining - slack);
            var candidates = 0;
            for (var j = nearest; j <= remaining; j++)
            {
                candidates += _backward[j].Count;
            }

            if (_offsets[u + 1] - _offsets[u] > 4 * candidates)
            {
                var children = new List<(int, int)>();
                for (var j = nearest; j <= remaining; j++)
                {
                    children.AddRange(LookUpChildren(u, _backward[j]));
                }

                children.Sort((x, y) => x.Item1.CompareTo(y.Item1));
                foreach (var (w, r) in children)
                {
                    if (!TryLonger(position, length, slack, bottleneck, w, r, ref leads))
                    {
                        return true;
                    }
                }

                return leads;
            }
        }

        var links = Links(u);
        while (links.MoveNext())
        {
            if (!TryLonger(position, length, slack, bottleneck, links.Entity, links.Relationship, ref leads))
            {
                return true;
            }
        }

        // Out of budget, the walk stops here as when a child stops it.
        return links.OutOfBudget || leads;
    }

    /// <summary>One step of <see cref="WalkLonger"/> to <paramref name="w"/> by relationship <paramref name="r"/>; false when the walk stops here.</summary>
    private bool TryLonger(int position, int length, int slack, int bottleneck, int w, int r, ref bool leads)
    {
        if (Math.Max(bottleneck, _lowerBound) >= WorstKept)
        {
            leads = true;
            return false;
        }

        var next = position + 1;
        var through = Math.Max(bottleneck, _class[r]);
        if (next == length)
        {
            if (w == to)
            {
                leads = true;
                if (through < WorstKept)
                {
                    _nodes[next] = w;
                    _links[position] = r;
                    Offer(length, through);
                }
            }

            return true;
        }

        if (w == to || IsExcluded(w) || scratch.Dead(w, next) || !InShells(w, next, length, slack))
        {
            return true;
        }

        if (OnPath(w, position) || Math.Max(through, _lowerBound) >= WorstKept)
        {
            leads = true;
            return true;
        }

        _nodes[next] = w;
        _links[position] = r;
        if (WalkLonger(next, length, slack, through))
        {
            leads = true;
        }
        else
        {
            scratch.SetDead(w, next);
        }

        return !_truncated;
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
}
