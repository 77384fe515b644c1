using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary>An entity's surroundings on the index: kept entities (centre first) and the relationships among them, by index.</summary>
public sealed record IndexedNeighborhood(int Center, IReadOnlyList<int> Nodes, IReadOnlyList<int> Relationships, bool Truncated);

/// <summary>
/// Breadth-first exploration of a <see cref="NeighborhoodQuery"/>: layer by layer up to Depth, following relationships of
/// the admitted types either way. The node limit counts the centre. When a layer offers more entities than there is room
/// for, the strongest are kept — by the <see cref="EvidenceStrength"/> of the best relationship joining the entity to the
/// layer before, then by id (ordinal) — and the result is marked truncated. The relationships returned are every
/// relationship of an admitted type whose two ends were both kept, in id order.
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
        var kept = new HashSet<int> { center };
        var nodes = new List<int> { center };
        var frontier = new List<int> { center };
        var truncated = false;
        for (var depth = 1; depth <= query.Depth && frontier.Count > 0; depth++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidates = new Dictionary<int, EvidenceStrength>();
            foreach (var u in frontier)
            {
                foreach (var (v, r) in new NeighbourEnumerable(index, u, useOut: true, useIn: true))
                {
                    if (kept.Contains(v) || !filter.Admits(r))
                    {
                        continue;
                    }

                    var strength = new EvidenceStrength(index.RelationshipCorroboration[r], index.RelationshipConfidence[r]);
                    if (!candidates.TryGetValue(v, out var best) || strength > best)
                    {
                        candidates[v] = strength;
                    }
                }
            }

            var room = query.Limit - nodes.Count;
            if (candidates.Count > room)
            {
                truncated = true;
            }

            var layer = candidates
                .OrderByDescending(c => c.Value)
                .ThenBy(c => index.EntityIds[c.Key], StringComparer.Ordinal)
                .Take(Math.Max(0, room))
                .Select(c => c.Key)
                .ToList();
            foreach (var v in layer)
            {
                kept.Add(v);
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
                if (kept.Contains(index.OutNeighbor[slot]) && filter.Admits(r))
                {
                    relationships.Add(r);
                }
            }
        }

        relationships.Sort();
        return new IndexedNeighborhood(center, nodes, relationships, truncated);
    }
}
