namespace GraphService.Core.Domain;

/// <summary>
/// A claim that entered the graph: subject —Type→ object with its evidence.
/// <see cref="Corroboration"/> is the number of independent origins among the documents that support it
/// (<see cref="IndependentOrigins"/>); <see cref="Publishers"/> the number of distinct publishers among them;
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
    /// <summary>Distinct publishers of the supporting documents (at least <see cref="Corroboration"/>; equal unless documents share an origin).</summary>
    public int Publishers { get; init; } = Corroboration;

    /// <summary>True when the relationship may have held on <paramref name="date"/> (open ends are unbounded).</summary>
    public bool HoldsOn(DateOnly date) =>
        (Since is not PartialDate s || s.Earliest <= date) &&
        (Until is not PartialDate u || u.Latest >= date);
}
