namespace GraphService.Core.Queries;

/// <summary>The entities one breadth-first layer keeps, strongest first, and whether any candidate was cut.</summary>
public sealed record LayerCut<TId>(IReadOnlyList<TId> Kept, bool Truncated);

/// <summary>
/// Which entities a neighbourhood keeps at its limit. Layers are explored nearest first, so nearer entities always win;
/// within one layer the candidates with the strongest evidence joining them to the layer before win
/// (<see cref="EvidenceStrength"/>), ties by id in ordinal order. The neighbourhood is truncated as soon as one layer
/// offers more candidates than the limit leaves room for. Every store cuts through this type, so they keep the same entities.
/// </summary>
public static class NeighborhoodCut
{
    /// <summary>How many more entities a neighbourhood of <paramref name="limit"/> nodes (the centre counts) can take.</summary>
    public static int Room(int limit, int kept) => Math.Max(0, limit - kept);

    /// <summary>
    /// The <paramref name="room"/> strongest of one layer's <paramref name="candidates"/>, strongest first; without
    /// sorting them all (a layer next to a hub offers hundreds of thousands).
    /// </summary>
    /// <param name="candidates">Each candidate once.</param>
    /// <param name="strengthOf">The strongest evidence joining a candidate to the layer before.</param>
    /// <param name="room">How many may be kept (see <see cref="Room"/>).</param>
    /// <param name="idOrder">The ordinal order of the candidates' ids, for ties.</param>
    public static LayerCut<TId> Keep<TId>(IReadOnlyCollection<TId> candidates, Func<TId, EvidenceStrength> strengthOf, int room, IComparer<TId> idOrder)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(strengthOf);
        ArgumentNullException.ThrowIfNull(idOrder);
        var order = Comparer<(EvidenceStrength Strength, TId Id)>.Create((a, b) =>
        {
            var c = b.Strength.CompareTo(a.Strength);
            return c != 0 ? c : idOrder.Compare(a.Id, b.Id);
        });

        // A bounded heap whose root is the weakest candidate kept so far.
        var kept = new PriorityQueue<TId, (EvidenceStrength, TId)>(Comparer<(EvidenceStrength, TId)>.Create((a, b) => order.Compare(b, a)));
        foreach (var id in candidates)
        {
            var key = (strengthOf(id), id);
            if (kept.Count < room)
            {
                kept.Enqueue(id, key);
            }
            else if (room > 0 && kept.TryPeek(out _, out var weakest) && order.Compare(key, weakest) < 0)
            {
                kept.EnqueueDequeue(id, key);
            }
        }

        var layer = new List<(EvidenceStrength Strength, TId Id)>(kept.Count);
        while (kept.TryDequeue(out _, out var key))
        {
            layer.Add(key);
        }

        layer.Sort(order);
        return new LayerCut<TId>([.. layer.Select(k => k.Id)], candidates.Count > room);
    }
}
