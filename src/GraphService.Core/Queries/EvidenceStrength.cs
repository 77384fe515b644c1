namespace GraphService.Core.Queries;

/// <summary>
/// How strongly evidence backs a relationship or a path, for ordering and for deterministic cuts.
/// A path is as strong as its weakest link: compare the weakest corroboration, then the weakest confidence.
/// </summary>
public readonly record struct EvidenceStrength(int Corroboration, double Confidence) : IComparable<EvidenceStrength>
{
    public static EvidenceStrength Of(RelationshipView r) => new(r.Corroboration, r.Confidence);

    public static EvidenceStrength WeakestOf(IEnumerable<RelationshipView> path)
    {
        var weakest = new EvidenceStrength(int.MaxValue, double.MaxValue);
        foreach (var r in path)
        {
            weakest = new EvidenceStrength(Math.Min(weakest.Corroboration, r.Corroboration), Math.Min(weakest.Confidence, r.Confidence));
        }

        return weakest;
    }

    public int CompareTo(EvidenceStrength other) =>
        Corroboration != other.Corroboration ? Corroboration.CompareTo(other.Corroboration) : Confidence.CompareTo(other.Confidence);

    public static bool operator <(EvidenceStrength a, EvidenceStrength b) => a.CompareTo(b) < 0;
    public static bool operator >(EvidenceStrength a, EvidenceStrength b) => a.CompareTo(b) > 0;
    public static bool operator <=(EvidenceStrength a, EvidenceStrength b) => a.CompareTo(b) <= 0;
    public static bool operator >=(EvidenceStrength a, EvidenceStrength b) => a.CompareTo(b) >= 0;
}

/// <summary>
/// The one ordering of paths every backend applies: shorter first; then stronger weakest link; then, so that equal
/// paths always come out in the same order, by the sequence of relationship ids.
/// </summary>
public sealed class PathOrder : IComparer<GraphPath>
{
    public static PathOrder Instance { get; } = new();

    public int Compare(GraphPath? x, GraphPath? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = x.Length.CompareTo(y.Length);
        if (c != 0)
        {
            return c;
        }

        c = EvidenceStrength.WeakestOf(y.Relationships).CompareTo(EvidenceStrength.WeakestOf(x.Relationships));
        if (c != 0)
        {
            return c;
        }

        for (var i = 0; i < x.Relationships.Count; i++)
        {
            c = string.CompareOrdinal(x.Relationships[i].Id, y.Relationships[i].Id);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
