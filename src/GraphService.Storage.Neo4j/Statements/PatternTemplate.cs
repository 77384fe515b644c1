using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Storage.Neo4j.Statements;

/// <summary>
/// The only place where anything but a parameter is put into Cypher: relationship types (each checked against the
/// <see cref="PredicateVocabulary"/> whitelist and the well-formed type shape), a traversal direction, and two integers in
/// QueryLimits.MaxHops: the longest path and the number of shortest-path groups. Templates in cypher/ carry markers that are valid Cypher as written, so the
/// files lint as they stand; each marker must occur exactly once.
/// </summary>
internal static class PatternTemplate
{
    public const string TypesMarker = ":__TYPES__";
    public const string TypeMarker = ":__TYPE__";
    public const string LeftArrowMarker = "(()-[r";
    public const string RightArrowMarker = "]-(x";
    public const string MaxLengthMarker = "){1,6}";
    public const string GroupsMarker = "SHORTEST 1 GROUPS";

    /// <summary>":A|B" for the admitted types in ordinal order, or "" when every type is admitted.</summary>
    public static string TypeUnion(IEnumerable<string> types, PredicateVocabulary vocabulary)
    {
        var list = types.Order(StringComparer.Ordinal).ToList();
        foreach (var t in list)
        {
            Checked(t, vocabulary);
        }

        return list.Count == 0 ? "" : ":" + string.Join("|", list);
    }

    public static string WithTypes(string template, IEnumerable<string> types, PredicateVocabulary vocabulary) =>
        ReplaceOnce(template, TypesMarker, TypeUnion(types, vocabulary));

    public static string WithType(string template, string type, PredicateVocabulary vocabulary) =>
        ReplaceOnce(template, TypeMarker, ":" + Checked(type, vocabulary));

    public static string WithDirection(string template, TraversalDirection direction) => direction switch
    {
        TraversalDirection.Any => template,
        TraversalDirection.Out => ReplaceOnce(template, RightArrowMarker, "]->(x"),
        TraversalDirection.In => ReplaceOnce(template, LeftArrowMarker, "(()<-[r"),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "unknown direction"),
    };

    /// <summary>Paths of 1 to <paramref name="maxLength"/> relationships.</summary>
    public static string WithMaxLength(string template, int maxLength) =>
        ReplaceOnce(template, MaxLengthMarker, "){1," + InHopRange(maxLength, nameof(maxLength)) + "}");

    /// <summary>The paths of the <paramref name="groups"/> shortest lengths.</summary>
    public static string WithGroups(string template, int groups) =>
        ReplaceOnce(template, GroupsMarker, "SHORTEST " + InHopRange(groups, nameof(groups)) + " GROUPS");

    private static string InHopRange(int value, string name) =>
        QueryLimits.MaxHops.Contains(value)
            ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(name, value, QueryLimits.MaxHops.Describe());

    private static string Checked(string type, PredicateVocabulary vocabulary) =>
        PredicateVocabulary.IsWellFormedType(type) && vocabulary.Contains(type)
            ? type
            : throw new ArgumentException($"'{type}' is not a relationship type of this graph's vocabulary.", nameof(type));

    private static string ReplaceOnce(string template, string marker, string replacement)
    {
        var at = template.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || template.IndexOf(marker, at + marker.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"A Cypher template must hold the marker '{marker}' exactly once.");
        }

        return string.Concat(template.AsSpan(0, at), replacement, template.AsSpan(at + marker.Length));
    }
}
