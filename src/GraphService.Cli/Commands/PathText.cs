using System.Text;
using GraphService.Core.Queries;

namespace GraphService.Cli.Commands;

/// <summary>
/// The CLI's human form of results: one line per path ("A —leads→ B ←leads (+1)— C", the strongest relationship of each
/// link and how many more it carries), then every relationship of every link with its numbered citations.
/// A citation quoted by several links or paths keeps its first number.
/// </summary>
public static class PathText
{
    public static string Render(PathResult result)
    {
        var sb = new StringBuilder();
        sb.Append($"{result.Paths.Count} path(s) from {result.From.Name} to {result.To.Name}  (graph {result.GraphVersion})");
        if (result.Truncated)
        {
            sb.Append("  [search stopped at its work limit; longer or weaker paths may exist]");
        }

        sb.AppendLine();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Paths.Count; i++)
        {
            var path = result.Paths[i];
            sb.AppendLine().Append($"{i + 1}. ").AppendLine(Line(path));
            foreach (var r in path.Links.SelectMany(l => l.Relationships))
            {
                sb.AppendLine($"   {Describe(r, path)}");
                var seen = new List<int>();
                foreach (var c in Ordered(r.Citations))
                {
                    if (numbers.TryGetValue(c.Id, out var n))
                    {
                        seen.Add(n);
                        continue;
                    }

                    n = numbers.Count + 1;
                    numbers[c.Id] = n;
                    sb.AppendLine($"     [{n}] {Cite(c)}");
                }

                if (seen.Count > 0)
                {
                    sb.AppendLine($"     (also {string.Join(", ", seen.Select(n => $"[{n}]"))} above)");
                }
            }
        }

        return sb.ToString().TrimEnd();
    }

    public static string Render(NeighborhoodResult result)
    {
        var names = result.Nodes.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.AppendLine($"{result.Center.Name}: {result.Nodes.Count - 1} neighbour(s), {result.Relationships.Count} relationship(s)  (graph {result.GraphVersion}){(result.Truncated ? "  [cut at the limit, weakest evidence first]" : string.Empty)}");
        foreach (var r in result.Relationships)
        {
            sb.AppendLine($"  {names[r.StartNodeId]} —{r.Phrase}→ {names[r.EndNodeId]}  ({Evidence(r)})");
            foreach (var c in Ordered(r.Citations))
            {
                sb.AppendLine($"      {Cite(c)}");
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static string Line(GraphPath path)
    {
        var sb = new StringBuilder(path.Nodes[0].Name);
        for (var i = 0; i < path.Links.Count; i++)
        {
            var r = path.Links[i].Strongest;
            var more = path.Links[i].Relationships.Count - 1;
            var phrase = more == 0 ? r.Phrase : $"{r.Phrase} (+{more})";
            var forward = r.StartNodeId == path.Nodes[i].Id;
            sb.Append(forward ? $" —{phrase}→ " : $" ←{phrase}— ").Append(path.Nodes[i + 1].Name);
        }

        return sb.ToString();
    }

    private static string Describe(RelationshipView r, GraphPath path)
    {
        var names = path.Nodes.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
        return $"{names[r.StartNodeId]} {r.Phrase} {names[r.EndNodeId]} ({Evidence(r)})";
    }

    /// <summary>Supporting quotes first, then disputing ones; each group in document order.</summary>
    private static IEnumerable<CitationView> Ordered(IEnumerable<CitationView> citations) =>
        citations.OrderBy(c => c.Stance).ThenBy(c => c.DocumentId, StringComparer.Ordinal).ThenBy(c => c.Start);

    private static string Evidence(RelationshipView r) =>
        $"confidence {r.Confidence:0.00}, {r.Publishers} publisher(s){(r.Corroboration < r.Publishers ? $" from {r.Corroboration} independent origin(s)" : string.Empty)}{(r.Contested ? ", contested" : string.Empty)}" +
        (r.Since is null && r.Until is null ? string.Empty : $", {r.Since ?? "…"}–{r.Until ?? "…"}");

    private static string Cite(CitationView c)
    {
        var stance = c.Stance == Core.Domain.Stance.Disputes ? "DISPUTES: " : string.Empty;
        var url = c.Url is null ? string.Empty : $", {c.Url}";
        return $"{stance}\"{c.Quote}\" — {c.Publisher}, \"{c.Title}\", {c.Published ?? "date unknown"}{url} [{c.DocumentId} {c.Start}..{c.End}]";
    }
}
