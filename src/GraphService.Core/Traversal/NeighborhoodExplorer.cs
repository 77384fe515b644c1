using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary>An entity's surroundings on the index: kept entities (centre first) and the relationships among them, by index.</summary>
public sealed record IndexedNeighborhood(int Center, IReadOnlyList<int> Nodes, IReadOnlyList<int> Relationships, bool Truncated);

/// <summary>
/// Breadth-first exploration of a <see cref="NeighborhoodQuery"/>, layer by layer up to Depth, following relationships of
/// the admitted types either way, cut as <see cref="NeighborhoodCut"/> says: within a layer, candidates by the strongest
/// relationship joining them to the layer before, then by id; truncated as soon as a layer offers more than there is room
/// for. The adjacency by strength (<see cref="TraversalIndex.StrengthNeighbor"/>) lists each entity's neighbours in exactly
/// that order, so a layer is answered best-first: a merge of the frontier's lists takes candidates in cut order and stops
/// after the last one that fits (and one more, to know whether any was cut), instead of collecting a hub's whole ball.
/// The relationships returned are every relationship of an admitted type whose two ends were both kept, in id order.
/// </summary>
public sealed class NeighborhoodExplorer(TraversalIndex index)
{
    /// <summary>Null when the centre is not an entity of the index.</summary>
    public IndexedNeighborhood? Explore(NeighborhoodQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var center = index.EntityIndexOf(query.EntityId);
        if (center < 0)
        {
            return null;
        }

        var filter = RelationshipFilter.ForTypes(index, query.Types);
        var kept = SearchScratch.Rent(index);
        try
        {
            kept.Mark(center);
            var nodes = new List<int> { center };
            var frontier = new List<int> { center };
            var truncated = false;
            for (var depth = 1; depth <= query.Depth && frontier.Count > 0; depth++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var room = NeighborhoodCut.Room(query.Limit, nodes.Count);
                var (layer, cut) = BestFirst(frontier, room, filter, kept);
                truncated |= cut;
                nodes.AddRange(layer);
                frontier = layer;
            }

            return new IndexedNeighborhood(center, nodes, Among(nodes, filter, kept), truncated);
        }
        finally
        {
            SearchScratch.Return(index, kept);
        }
    }

    /// <summary>
    /// The <paramref name="room"/> best candidates next to <paramref name="frontier"/> in cut order (they are marked kept as
    /// they are taken), and whether a further candidate exists.
    /// </summary>
    private (List<int> Layer, bool Cut) BestFirst(List<int> frontier, int room, RelationshipFilter filter, SearchScratch kept)
    {
        var offsets = index.AdjacencyOffsets;
        var neighbor = index.StrengthNeighbor;
        var entry = index.StrengthEntry;
        var strength = index.StrengthClass;

        // One cursor per frontier entity into its strongest-first list; the queue orders cursors by (class, neighbour).
        var cursor = new int[frontier.Count];
        var queue = new PriorityQueue<int, long>(frontier.Count);
        for (var f = 0; f < frontier.Count; f++)
        {
            cursor[f] = offsets[frontier[f]];
            Advance(f);
        }

        var layer = new List<int>();
        while (queue.TryDequeue(out var f, out _))
        {
            var v = neighbor[cursor[f]];
            cursor[f]++;
            if (!kept.Marked(v))
            {
                if (layer.Count == room)
                {
                    return (layer, true);
                }

                kept.Mark(v);
                layer.Add(v);
            }

            Advance(f);
        }

        return (layer, false);

        // Moves cursor f to its next admitted entry whose neighbour is not kept yet, and queues it.
        void Advance(int f)
        {
            var end = offsets[frontier[f] + 1];
            var at = cursor[f];
            while (at < end && (kept.Marked(neighbor[at]) || !filter.Admits(entry[at] >> 1)))
            {
                at++;
            }

            cursor[f] = at;
            if (at < end)
            {
                queue.Enqueue(f, ((long)strength[entry[at] >> 1] << 32) | (uint)neighbor[at]);
            }
        }
    }

    /// <summary>
    /// Every admitted relationship between two kept entities, by index (= id). Each is taken once, from one of its two
    /// entries: an entity whose adjacency is short enough scans it; a hub (an adjacency more than four times the kept
    /// entities) scans nothing, since its links to the other entities are taken from their side, and looks up only its
    /// links to other hubs, which are few. Between two scanned entities, or two hubs, the entry at the relationship's
    /// start takes it; between a scanned entity and a hub, the scanned entity's entry does.
    /// </summary>
    private List<int> Among(List<int> nodes, RelationshipFilter filter, SearchScratch kept)
    {
        var offsets = index.AdjacencyOffsets;
        var neighbor = index.LinkNeighbor;
        var entry = index.LinkEntry;
        var scanLimit = nodes.Count * 4;
        var hubs = new List<int>();
        foreach (var u in nodes)
        {
            if (offsets[u + 1] - offsets[u] > scanLimit)
            {
                hubs.Add(u);
            }
        }

        var relationships = new List<int>();
        foreach (var u in nodes)
        {
            var (start, end) = (offsets[u], offsets[u + 1]);
            if (end - start <= scanLimit)
            {
                for (var slot = start; slot < end; slot++)
                {
                    var v = neighbor[slot];
                    if (kept.Marked(v) && ((entry[slot] & 1) == 0 || hubs.Contains(v)))
                    {
                        Take(entry[slot]);
                    }
                }

                continue;
            }

            foreach (var v in hubs)
            {
                var (first, last) = index.LinkRun(u, v);
                for (var slot = first; slot < last; slot++)
                {
                    if ((entry[slot] & 1) == 0)
                    {
                        Take(entry[slot]);
                    }
                }
            }
        }

        relationships.Sort();
        return relationships;

        void Take(int x)
        {
            if (filter.Admits(x >> 1))
            {
                relationships.Add(x >> 1);
            }
        }
    }
}
