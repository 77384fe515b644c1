using System.Buffers;
using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary>An entity's surroundings on the index: kept entities (centre first) and the relationships among them, by index.</summary>
public sealed record IndexedNeighborhood(int Center, IReadOnlyList<int> Nodes, IReadOnlyList<int> Relationships, bool Truncated);

/// <summary>
/// Breadth-first exploration of a <see cref="NeighborhoodQuery"/>: layer by layer up to Depth, following relationships of
/// the admitted types either way. The node limit counts the centre. When a layer offers more entities than there is room
/// for, <see cref="NeighborhoodCut"/> decides which are kept (by the <see cref="EvidenceStrength"/> of the best relationship
/// joining the entity to the layer before, then by id) and the result is marked truncated. The relationships returned are every
/// relationship of an admitted type whose two ends were both kept, in id order.
/// </summary>
public sealed class NeighborhoodExplorer(TraversalIndex index)
{
    private const int Kept = -1;

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

        // Per entity: Kept, or the layer in which it was last offered as a candidate, with its best strength then.
        // Pooled arrays instead of dictionaries: a layer next to a hub offers hundreds of thousands of candidates.
        var mark = ArrayPool<int>.Shared.Rent(index.EntityCount);
        var best = ArrayPool<EvidenceStrength>.Shared.Rent(index.EntityCount);
        try
        {
            Array.Clear(mark, 0, index.EntityCount);
            mark[center] = Kept;
            var nodes = new List<int> { center };
            var frontier = new List<int> { center };
            var truncated = false;
            for (var depth = 1; depth <= query.Depth && frontier.Count > 0; depth++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidates = new List<int>();
                foreach (var u in frontier)
                {
                    foreach (var (v, r) in new NeighbourEnumerable(index, u, useOut: true, useIn: true))
                    {
                        if (mark[v] == Kept || !filter.Admits(r))
                        {
                            continue;
                        }

                        var strength = new EvidenceStrength(index.RelationshipCorroboration[r], index.RelationshipConfidence[r]);
                        if (mark[v] != depth)
                        {
                            mark[v] = depth;
                            best[v] = strength;
                            candidates.Add(v);
                        }
                        else if (strength > best[v])
                        {
                            best[v] = strength;
                        }
                    }
                }

                // Entity indices follow ordinal id order, so comparing indices breaks ties by id.
                var cut = NeighborhoodCut.Keep(candidates, v => best[v], NeighborhoodCut.Room(query.Limit, nodes.Count), Comparer<int>.Default);
                truncated |= cut.Truncated;
                var layer = cut.Kept.ToList();
                foreach (var v in layer)
                {
                    mark[v] = Kept;
                    nodes.Add(v);
                }

                frontier = layer;
            }

            var relationships = new List<int>();
            foreach (var u in nodes)
            {
                for (var slot = index.OutOffsets[u]; slot < index.OutOffsets[u + 1]; slot++)
                {
                    var r = index.OutRelationship[slot];
                    if (mark[index.OutNeighbor[slot]] == Kept && filter.Admits(r))
                    {
                        relationships.Add(r);
                    }
                }
            }

            relationships.Sort();
            return new IndexedNeighborhood(center, nodes, relationships, truncated);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(mark);
            ArrayPool<EvidenceStrength>.Shared.Return(best);
        }
    }
}
