using System.Runtime.CompilerServices;
using GraphService.Core.Pooling;

namespace GraphService.Core.Traversal;

/// <summary>
/// Per-entity working arrays of one search, reused across searches without clearing: an entry counts only when it
/// carries the current search's stamp. A few are pooled per index (one per concurrent search).
/// </summary>
internal sealed class SearchScratch
{
    public const int DistanceBits = 4;
    private const int DistanceMask = (1 << DistanceBits) - 1;

    /// <summary>Positions 0 .. PositionBits - 1 of a path can be marked dead.</summary>
    public const int PositionBits = 7;
    private const int PositionMask = (1 << PositionBits) - 1;

    private static readonly ConditionalWeakTable<TraversalIndex, SpareObjects<SearchScratch>> Pools = new();

    // Per entity e, its distance from the source at 2e and to the target at 2e + 1, stamped: the two balls' marks of an
    // entity share a cache line, so the meeting test costs no second miss.
    private readonly int[] _balls;
    private readonly int[] _mark;
    private readonly int[] _dead;
    private int _stamp;
    private int _walk;

    // Lists for the layers of the balls, kept with their capacity from search to search; the first _layersTaken are in use.
    private readonly List<List<int>> _layers = [];
    private int _layersTaken;
    private byte[] _classes = [];
    private int[] _ordered = [];

    private SearchScratch(int entities)
    {
        _balls = new int[2 * entities];
        _mark = new int[entities];
        _dead = new int[entities];
        Best = new int[entities];
    }

    /// <summary>Per entity, valid where <see cref="Marked"/>: the best bottleneck (strength class) to the target.</summary>
    public int[] Best { get; }

    public static SearchScratch Rent(TraversalIndex index)
    {
        var scratch = SparesOf(index).TryTake(out var kept) ? kept : new SearchScratch(index.EntityCount);
        scratch.Begin();
        return scratch;
    }

    /// <summary>Keeps <paramref name="scratch"/> for the next search on <paramref name="index"/>, unless enough are kept (one per concurrent search).</summary>
    public static void Return(TraversalIndex index, SearchScratch scratch) => _ = SparesOf(index).TryKeep(scratch);

    private static SpareObjects<SearchScratch> SparesOf(TraversalIndex index) =>
        Pools.GetValue(index, static _ => new SpareObjects<SearchScratch>(TraversalIndex.SearchesKept));

    /// <summary>
    /// Per entity e, its distance from the source at 2e and to the target at 2e + 1 (<see cref="ForwardSide"/>,
    /// <see cref="BackwardSide"/>), with the stamp of the search that set it (see <see cref="Stamped"/>); read by hot
    /// loops directly.
    /// </summary>
    public int[] BallMarks => _balls;

    public const int ForwardSide = 0;

    public const int BackwardSide = 1;

    /// <summary>The value an entity's mark holds when this search has seen it at <paramref name="distance"/>.</summary>
    public int Stamped(int distance) => (_stamp << DistanceBits) | distance;

    /// <summary>A mark of <see cref="BallMarks"/> was set by this search when, shifted right by <see cref="DistanceBits"/>, it equals this.</summary>
    public int Stamp => _stamp;

    /// <summary>An empty list for a layer of a ball, valid until the search ends.</summary>
    public List<int> Layer()
    {
        if (_layersTaken == _layers.Count)
        {
            _layers.Add([]);
        }

        var layer = _layers[_layersTaken++];
        layer.Clear();
        return layer;
    }

    /// <summary>A layer list holding <paramref name="entity"/> alone.</summary>
    public List<int> Layer(int entity)
    {
        var layer = Layer();
        layer.Add(entity);
        return layer;
    }

    /// <summary>Two work arrays of at least <paramref name="length"/> elements, for ordering a layer.</summary>
    public (byte[] Classes, int[] Ordered) Buffers(int length)
    {
        if (_ordered.Length < length)
        {
            var size = Math.Max(length, 2 * _ordered.Length);
            (_classes, _ordered) = (new byte[size], new int[size]);
        }

        return (_classes, _ordered);
    }

    public bool SeenForward(int e) => _balls[2 * e] >>> DistanceBits == _stamp;

    public bool SeenBackward(int e) => _balls[(2 * e) + 1] >>> DistanceBits == _stamp;

    /// <summary>Distance from the source; only where <see cref="SeenForward"/>.</summary>
    public int Forward(int e) => _balls[2 * e] & DistanceMask;

    /// <summary>Distance to the target; only where <see cref="SeenBackward"/>.</summary>
    public int Backward(int e) => _balls[(2 * e) + 1] & DistanceMask;

    public void SetForward(int e, int distance) => _balls[2 * e] = (_stamp << DistanceBits) | distance;

    public void SetBackward(int e, int distance) => _balls[(2 * e) + 1] = (_stamp << DistanceBits) | distance;

    public bool Marked(int e) => _mark[e] == _stamp;

    public void Mark(int e) => _mark[e] = _stamp;

    /// <summary>Starts a walk of one path length: the dead marks of earlier walks no longer count.</summary>
    public void BeginWalk()
    {
        if (++_walk >= 1 << (31 - PositionBits))
        {
            _walk = 1;
        }
    }

    /// <summary>Whether this walk found that no path continues from the entity at that position, whatever came before.</summary>
    public bool Dead(int e, int position) =>
        position < PositionBits && _dead[e] >>> PositionBits == _walk && (_dead[e] & (1 << position)) != 0;

    public void SetDead(int e, int position)
    {
        if (position < PositionBits)
        {
            var positions = _dead[e] >>> PositionBits == _walk ? _dead[e] & PositionMask : 0;
            _dead[e] = (_walk << PositionBits) | positions | (1 << position);
        }
    }

    private void Begin()
    {
        _layersTaken = 0;
        _stamp++;
        if (_stamp >= 1 << (31 - DistanceBits))
        {
            Array.Clear(_balls);
            Array.Clear(_mark);
            _stamp = 1;
        }
    }
}
