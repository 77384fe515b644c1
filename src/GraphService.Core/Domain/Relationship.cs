namespace GraphService.Core.Domain;

/// <summary>
/// A claim that entered the graph: subject —Type→ object with its evidence.
/// <see cref="Corroboration"/> is the number of distinct publishers whose documents support it;
/// <see cref="Contested"/> is true when any citation disputes it.
/// </summary>
public sealed record Relationship(
    string Id,
    string Type,
    string StartId,
    string EndId,
    PartialDate? Since,
    PartialDate? Until,
    double Confidence,
    bool ConfidenceDeclared,
    int Corroboration,
    bool Contested,
    IReadOnlyList<Citation> Citations)
{
    /// <summary>True when the relationship may have held on <paramref name="date"/> (open ends are unbounded).</summary>
    public bool HoldsOn(DateOnly date) =>
        (Since is not PartialDate s || s.Earliest <= date) &&
        (Until is not PartialDate u || u.Latest >= date);
}
