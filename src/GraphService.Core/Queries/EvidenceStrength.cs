namespace GraphService.Core.Queries;

/// <summary>
/// How strongly evidence backs a relationship or a path, for ordering and for deterministic cuts.
/// Strengths compare by corroboration (distinct supporting publishers), then confidence. A link is as strong as its
/// strongest relationship; a path is as strong as its weakest link (the link whose strength compares lowest).
/// </summary>
public readonly record struct EvidenceStrength(int Corroboration, double Confidence) : IComparable<EvidenceStrength>
{
    public static EvidenceStrength Of(RelationshipView r) => new(r.Corroboration, r.Confidence);

    /// <summary>The weakest of the given relationships (for a path: of its links, each counted by its strongest relationship).</summary>
    public static EvidenceStrength WeakestOf(IEnumerable<RelationshipView> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var weakest = new EvidenceStrength(int.MaxValue, double.MaxValue);
        foreach (var r in path)
        {
            var s = Of(r);
            if (s < weakest)
            {
                weakest = s;
            }
        }

        return weakest;
    }

    /// <summary>
    /// The order of the relationships in a <see cref="PathLink"/> (and of any list of relationships ranked by evidence):
    /// strongest first, ties by id in ordinal order.
    /// </summary>
    public static IComparer<RelationshipView> StrongestFirst { get; } = Comparer<RelationshipView>.Create((a, b) =>
    {
        var c = Of(b).CompareTo(Of(a));
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    });

    public int CompareTo(EvidenceStrength other) =>
        Corroboration != other.Corroboration ? Corroboration.CompareTo(other.Corroboration) : Confidence.CompareTo(other.Confidence);

    public static bool operator <(EvidenceStrength a, EvidenceStrength b) => a.CompareTo(b) < 0;
    public static bool operator >(EvidenceStrength a, EvidenceStrength b) => a.CompareTo(b) > 0;
    public static bool operator <=(EvidenceStrength a, EvidenceStrength b) => a.CompareTo(b) <= 0;
    public static bool operator >=(EvidenceStrength a, EvidenceStrength b) => a.CompareTo(b) >= 0;
}

