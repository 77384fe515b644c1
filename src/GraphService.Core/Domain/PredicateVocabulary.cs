using System.Text.RegularExpressions;

namespace GraphService.Core.Domain;

/// <summary>
/// The whitelist of relationship types. Every type that reaches a store, a query or a Cypher statement is checked
/// against this vocabulary first.
/// </summary>
public sealed partial class PredicateVocabulary
{
    public static IReadOnlyList<Predicate> BuiltIns { get; } =
    [
        new("LEADS", "leads", true),
        new("MEMBER_OF", "is a member of", true),
        new("COMMANDS", "commands", true),
        new("FOUNDED", "founded", true),
        // FUNDED_BY is for money only; backing that is not said to be money ("Iran-backed", "supported by") is BACKED_BY.
        new("FUNDED_BY", "is funded by", true),
        new("BACKED_BY", "is backed by", true),
        new("ARMED_BY", "is armed by", true),
        new("TRAINED_BY", "is trained by", true),
        new("ALLIED_WITH", "is allied with", true),
        new("RIVAL_OF", "is a rival of", true),
        new("MET_WITH", "met with", true),
        new("WORKED_FOR", "worked for", true),
        new("SPLIT_FROM", "split from", true),
        new("PART_OF", "is part of", true),
        new("DESIGNATED_BY", "is designated by", true),
        new("KILLED_BY", "was killed by", true),
        new("DETAINED_BY", "was detained by", true),
        new("AT_BEHEST_OF", "acted at the behest of", true),
        new("FOUGHT", "fought", true),
        new("ATTACKED", "attacked", true),
        new("PLANNED", "planned", true),
        new("AUTHORISED", "authorised", true),
    ];

    public static PredicateVocabulary Default { get; } = new(BuiltIns);

    private readonly Dictionary<string, Predicate> _byType;

    public PredicateVocabulary(IEnumerable<Predicate> predicates)
    {
        _byType = new Dictionary<string, Predicate>(StringComparer.Ordinal);
        foreach (var p in predicates)
        {
            if (!IsWellFormedType(p.Type))
            {
                throw new ArgumentException($"'{p.Type}' is not a relationship type of the form UPPER_SNAKE_CASE.", nameof(predicates));
            }

            _byType[p.Type] = p;
        }

        All = [.. _byType.Values.OrderBy(p => p.Type, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Predicate> All { get; }

    /// <summary>The built-ins plus the corpus's own declarations.</summary>
    public static PredicateVocabulary WithExtras(IEnumerable<Predicate> extras) => new(BuiltIns.Concat(extras));

    public bool Contains(string type) => _byType.ContainsKey(type);

    public Predicate? Find(string type) => _byType.GetValueOrDefault(type);

    public string PhraseOf(string type) => _byType.TryGetValue(type, out var p) ? p.Phrase : type.ToLowerInvariant().Replace('_', ' ');

    /// <summary>Relationship types are interpolated into Cypher, so only this shape may ever be one.</summary>
    public static bool IsWellFormedType(string type) => WellFormedType().IsMatch(type);

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,62}$")]
    private static partial Regex WellFormedType();
}
