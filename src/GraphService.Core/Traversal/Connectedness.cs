namespace GraphService.Core.Traversal;

/// <summary>
/// Which entities an overview of a graph shows: the most connected, by degree (the number of relationships with the
/// entity at either end; one from the entity to itself counts once), most first, ties by id (ordinal). Every store ranks
/// this way; the Neo4j store's "most-connected" statement (cypher/read.cypher) orders the same.
/// </summary>
public static class Connectedness
{
    public static int Degree(TraversalIndex index, int entity)
    {
        ArgumentNullException.ThrowIfNull(index);
        // Every relationship has an entry at both of its ends, so one from the entity to itself has two entries here.
        var degree = 0;
        var loops = 0;
        for (var slot = index.AdjacencyOffsets[entity]; slot < index.AdjacencyOffsets[entity + 1]; slot++)
        {
            if (index.LinkNeighbor[slot] == entity)
            {
                loops++;
            }
            else
            {
                degree++;
            }
        }

        return degree + (loops / 2);
    }

    /// <summary>Every entity index, most connected first; entity indices follow ordinal id order, so they break ties by id.</summary>
    public static int[] Rank(TraversalIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var degrees = new int[index.EntityCount];
        var order = new int[index.EntityCount];
        for (var e = 0; e < index.EntityCount; e++)
        {
            degrees[e] = Degree(index, e);
            order[e] = e;
        }

        Array.Sort(order, (a, b) => degrees[a] != degrees[b] ? degrees[b].CompareTo(degrees[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>The relationships whose two ends are both among <paramref name="entities"/>, in id order.</summary>
    public static List<int> RelationshipsAmong(TraversalIndex index, IEnumerable<int> entities)
    {
        ArgumentNullException.ThrowIfNull(index);
        var kept = new HashSet<int>(entities);
        var relationships = new HashSet<int>();
        foreach (var u in kept)
        {
            for (var slot = index.AdjacencyOffsets[u]; slot < index.AdjacencyOffsets[u + 1]; slot++)
            {
                if (kept.Contains(index.LinkNeighbor[slot]))
                {
                    relationships.Add(index.LinkEntry[slot] >> 1);
                }
            }
        }

        var ordered = relationships.ToList();
        ordered.Sort();
        return ordered;
    }
}
