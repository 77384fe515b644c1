namespace GraphService.Core.Domain;

/// <summary>
/// Derives a relationship's confidence from its evidence when the corpus does not declare one.
/// Start at 0.5 for one supporting publisher; each further independent publisher closes a third of the remaining gap
/// to 1 (0.5, 0.67, 0.78, …); each disputing publisher takes a quarter off. Documents from the same publisher count once,
/// because a publisher repeating itself is not corroboration. The result is rounded to two decimals.
/// </summary>
public static class ConfidenceModel
{
    public static double Derive(int supportingPublishers, int disputingPublishers)
    {
        if (supportingPublishers <= 0)
        {
            return 0;
        }

        var c = 1 - (0.5 * Math.Pow(2.0 / 3.0, supportingPublishers - 1));
        c *= Math.Pow(0.75, Math.Max(0, disputingPublishers));
        return Math.Round(c, 2, MidpointRounding.AwayFromZero);
    }
}
