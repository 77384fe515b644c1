using System.Runtime.CompilerServices;
using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary><see cref="PathQuery.Admits"/> compiled against an index: a type table, a confidence floor, a day, a contested switch.</summary>
internal sealed class RelationshipFilter
{
    // Per index, the lowest confidence of its relationships (NaN when one is NaN): a floor at or below it admits all.
    private static readonly ConditionalWeakTable<TraversalIndex, StrongBox<double>> Lowest = new();

    private readonly TraversalIndex _index;
    private readonly bool[]? _types;
    private readonly double _minConfidence;
    private readonly int? _day;
    private readonly bool _excludeContested;

    private RelationshipFilter(TraversalIndex index, IReadOnlySet<string> types, double minConfidence, DateOnly? asOf, bool excludeContested)
    {
        _index = index;
        if (types.Count > 0)
        {
            _types = new bool[index.TypeNames.Length];
            foreach (var t in types)
            {
                var i = index.TypeIndexOf(t);
                if (i >= 0)
                {
                    _types[i] = true;
                }
            }
        }

        _minConfidence = minConfidence;
        _day = asOf?.DayNumber;
        _excludeContested = excludeContested;
        AdmitsAll = _types is null && _day is null && !excludeContested && minConfidence <= LowestConfidence(index);
    }

    /// <summary>True when the filter admits every relationship (no types, confidence floor, day or contested switch).</summary>
    public bool AdmitsAll { get; }

    public static RelationshipFilter For(TraversalIndex index, PathQuery query) =>
        new(index, query.Types, query.MinConfidence, query.AsOf, query.Contested == ContestedFilter.Exclude);

    public static RelationshipFilter ForTypes(TraversalIndex index, IReadOnlySet<string> types) =>
        new(index, types, double.NegativeInfinity, null, excludeContested: false);

    private static double LowestConfidence(TraversalIndex index) =>
        Lowest.GetValue(index, i =>
        {
            var lowest = double.PositiveInfinity;
            foreach (var c in i.RelationshipConfidence)
            {
                lowest = double.IsNaN(c) ? double.NaN : Math.Min(lowest, c);
                if (double.IsNaN(lowest))
                {
                    break;
                }
            }

            return new StrongBox<double>(lowest);
        }).Value;

    public bool Admits(int r) =>
        (_types is null || _types[_index.RelationshipType[r]]) &&
        _index.RelationshipConfidence[r] >= _minConfidence &&
        (_day is not int d || (_index.RelationshipSince[r] <= d && _index.RelationshipUntil[r] >= d)) &&
        !(_excludeContested && _index.RelationshipContested[r]);
}
