using System.Globalization;
using GraphService.Core.Queries;

namespace GraphService.Reports.Model;

/// <summary>
/// Numbers the citations of one answer once each, in order of first appearance (paths in order, relationships in
/// order — for a path, the order of <see cref="PathStep.Evidence"/> — citations in order), so a citation that backs
/// several relationships or paths keeps one footnote number.
/// </summary>
internal sealed class CitationNumbering
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<CitationView> _ordered = [];

    public CitationNumbering(IEnumerable<RelationshipView> relationships)
    {
        foreach (var r in relationships)
        {
            foreach (var c in r.Citations)
            {
                if (!_numbers.ContainsKey(c.Id))
                {
                    _ordered.Add(c);
                    _numbers[c.Id] = _ordered.Count;
                }
            }
        }
    }

    public static CitationNumbering For(PathResult result) => new(PathStep.Evidence(result.Paths));

    public static CitationNumbering For(NeighborhoodResult result) => new(result.Relationships);

    /// <summary>The citations in footnote order: element i has number i + 1.</summary>
    public IReadOnlyList<CitationView> Footnotes => _ordered;

    /// <summary>The citations in footnote order, each with its number.</summary>
    public IEnumerable<(int Number, CitationView Citation)> Numbered => _ordered.Select((c, i) => (i + 1, c));

    public int NumberOf(CitationView citation) => _numbers[citation.Id];

    /// <summary>The footnote numbers of a relationship's citations, ascending and without repeats.</summary>
    public IReadOnlyList<int> NumbersOf(RelationshipView relationship) =>
        [.. relationship.Citations.Select(NumberOf).Distinct().Order()];

    /// <summary>Footnote numbers as plain text marks, "[1, 2]" (empty for none): diagram labels and HTML superscripts.</summary>
    public static string Marks(IReadOnlyList<int> numbers) =>
        numbers.Count == 0 ? string.Empty : "[" + string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]";
}
