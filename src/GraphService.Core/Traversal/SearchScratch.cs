using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace GraphService.Core.Traversal;

/// <summary>
/// Per-entity working arrays of one search, reused across searches without clearing: an entry counts only when it
/// carries the current search's stamp. A few are pooled per index (one per concurrent search).
/// </summary>
internal sealed class SearchScratch
{
    private const int DistanceBits = 4;
    private const int DistanceMask = (1 << DistanceBits) - 1;

    private static readonly ConditionalWeakTable<TraversalIndex, ConcurrentBag<SearchScratch>> Pools = new();

    private readonly int[] _forward;
    private readonly int[] _backward;
    private readonly int[] _mark;
    private readonly int[] _dead;
    private int _stamp;

    private SearchScratch(int entities)
    {
        _forward = new int[entities];
        _backward = new int[entities];
        _mark = new int[entities];
        _dead = new int[entities];
        Best = new int[entities];
    }

    /// <summary>Per entity, valid where <see cref="Marked"/>: the best bottleneck (strength class) to the target.</summary>
    public int[] Best { get; }

    public static SearchScratch Rent(TraversalIndex index)
    {
        var pool = Pools.GetValue(index, _ => []);
        var scratch = pool.TryTake(out var s) ? s : new SearchScratch(index.EntityCount);
        scratch.Begin();
        return scratch;
    }

    public static void Return(TraversalIndex index, SearchScratch scratch)
    {
        var pool = Pools.GetValue(index, _ => []);
        if (pool.Count < Environment.ProcessorCount * 2)
        {
            pool.Add(scratch);
        }
    }

    public bool SeenForward(int e) => _forward[e] >>> DistanceBits == _stamp;

    public bool SeenBackward(int e) => _backward[e] >>> DistanceBits == _stamp;

    /// <summary>Distance from the source; only where <see cref="SeenForward"/>.</summary>
    public int Forward(int e) => _forward[e] & DistanceMask;

    /// <summary>Distance to the target; only where <see cref="SeenBackward"/>.</summary>
    public int Backward(int e) => _backward[e] & DistanceMask;

    public void SetForward(int e, int distance) => _forward[e] = (_stamp << DistanceBits) | distance;

    public void SetBackward(int e, int distance) => _backward[e] = (_stamp << DistanceBits) | distance;

    public bool Marked(int e) => _mark[e] == _stamp;

    public void Mark(int e) => _mark[e] = _stamp;

    /// <summary>Whether the entity is known to lead to no shortest path (see <see cref="PathSearch"/>).</summary>
    public bool Dead(int e) => _dead[e] == _stamp;

    public void SetDead(int e) => _dead[e] = _stamp;

    private void Begin()
    {
        _stamp++;
        if (_stamp >= 1 << (31 - DistanceBits))
        {
            Array.Clear(_forward);
            Array.Clear(_backward);
            Array.Clear(_mark);
            Array.Clear(_dead);
            _stamp = 1;
        }
    }
}
