using System.Globalization;
using GraphService.Core.Queries;

namespace GraphService.Reports.Model;

/// <summary>
/// What every format says about an answer as a whole, in one wording: the title (the two ends, or the centre), how much
/// was found, the graph version, and the notes for an answer cut short or empty. Each format adds only its markup.
/// </summary>
/// <param name="Title">"From → To" or "Around Centre".</param>
/// <param name="Counts">"2 paths", or "4 entities, 3 relationships" (the listed entities and relationships).</param>
/// <param name="GraphVersion">The version of the graph the answer came from.</param>
/// <param name="CutNote">A sentence saying the answer was cut short, or null when it was not.</param>
/// <param name="CutMark">The same in a few words, for a diagram's subtitle, or null.</param>
/// <param name="EmptyNote">The sentence shown when nothing was found.</param>
internal sealed record Headline(string Title, string Counts, string GraphVersion, string? CutNote, string? CutMark, string EmptyNote)
{
    /// <summary>"2 paths · graph version g-…".</summary>
    public string Summary => $"{Counts} · graph version {GraphVersion}";

    public static Headline Of(PathResult result) => new(
        $"{result.From.Name} → {result.To.Name}",
        Count(result.Paths.Count, "path", "paths"),
        result.GraphVersion,
        result.Truncated ? "The search stopped at its work budget; shorter or better-supported paths may exist." : null,
        result.Truncated ? "search stopped at its work budget" : null,
        "No path connects them in this graph.");

    public static Headline Of(NeighborhoodResult result) => new(
        $"Around {result.Center.Name}",
        $"{Count(result.Nodes.Count, "entity", "entities")}, {Count(result.Relationships.Count, "relationship", "relationships")}",
        result.GraphVersion,
        result.Truncated ? "Cut at the entity limit; more relationships exist." : null,
        result.Truncated ? "cut at the entity limit" : null,
        "No relationships in view.");

    /// <summary>"1 path", "3 paths": a count with its noun, singular for one.</summary>
    public static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
