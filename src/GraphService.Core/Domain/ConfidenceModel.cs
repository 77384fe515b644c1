namespace GraphService.Core.Domain;

/// <summary>
/// Derives a relationship's confidence from its evidence when the corpus does not declare one.
/// Start at 0.5 for one supporting independent origin; each further independent origin closes a third of the remaining
/// gap to 1 (0.5, 0.67, 0.78, …); each disputing origin takes a quarter off. Origins, not documents or publishers, are
/// counted (<see cref="IndependentOrigins"/>), because a source repeated by others is not corroboration. The result is
/// rounded to two decimals.
/// </summary>
public static class ConfidenceModel
{
    public static double Derive(int supportingOrigins, int disputingOrigins)
    {
        if (supportingOrigins <= 0)
        {
            return 0;
        }

        var c = 1 - (0.5 * Math.Pow(2.0 / 3.0, supportingOrigins - 1));
        c *= Math.Pow(0.75, Math.Max(0, disputingOrigins));
        return Math.Round(c, 2, MidpointRounding.AwayFromZero);
    }
}
