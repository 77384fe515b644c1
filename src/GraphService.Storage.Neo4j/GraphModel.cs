using System.Globalization;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Storage.Neo4j;

/// <summary>
/// Names of the Neo4j graph model (docs/neo4j.md draws it) and the conversions between domain values and stored
/// properties that the importer, the store and the exporters share.
/// </summary>
public static class GraphModel
{
    public const string EntityLabel = "Entity";
    public const string DocumentLabel = "Document";
    public const string ClaimLabel = "Claim";
    public const string CitationLabel = "Citation";
    public const string PredicateLabel = "Predicate";
    public const string GraphMetaLabel = "GraphMeta";

    public const string ClaimSubject = "CLAIM_SUBJECT";
    public const string ClaimObject = "CLAIM_OBJECT";
    public const string SupportsClaim = "SUPPORTS_CLAIM";
    public const string DisputesClaim = "DISPUTES_CLAIM";
    public const string QuotedFrom = "QUOTED_FROM";
    public const string MentionedIn = "MENTIONED_IN";

    /// <summary>The model's own relationship types; a corpus predicate may not take one of these names.</summary>
    public static IReadOnlySet<string> StructuralTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ClaimSubject, ClaimObject, SupportsClaim, DisputesClaim, QuotedFrom, MentionedIn,
    };

    public static Stance ParseStance(string text) =>
        StanceWords.TryParse(text, out var stance) ? stance : throw new InvalidDataException($"'{text}' is not a stance ({string.Join(", ", StanceWords.All)}).");

    /// <summary>The relationship type that links a citation to a claim it supports or disputes.</summary>
    public static string CitationLinkType(string stanceWord) => ParseStance(stanceWord) == Stance.Supports ? SupportsClaim : DisputesClaim;

    public static EntityType ParseEntityType(string text) =>
        Enum.TryParse<EntityType>(text, ignoreCase: false, out var t) && Enum.IsDefined(t)
            ? t
            : throw new InvalidDataException($"'{text}' is not an entity type.");

    /// <summary>ISO day (yyyy-MM-dd) of the earliest day a partial date can mean; compared as text in Cypher.</summary>
    public static string? EarliestDay(PartialDate? d) => d?.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? LatestDay(PartialDate? d) => d?.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The name keys resolution matches: of the id, the name and every alias, without empties or repeats.</summary>
    public static IReadOnlyList<string> Keys(Entity e, Func<string, string> form) =>
        [.. new[] { e.Id, e.Name }.Concat(e.Aliases).Select(form).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];

    public static IReadOnlyList<string> NormalizedKeys(Entity e) => Keys(e, NameKey.Normalize);

    public static IReadOnlyList<string> KeysWithoutArticles(Entity e) => Keys(e, NameKey.WithoutArticles);

    /// <summary>Aliases as one string for the full-text index.</summary>
    public static string AliasText(Entity e) => string.Join(" | ", e.Aliases);

    /// <summary>
    /// The vocabulary of a snapshot: built-ins plus its declarations, with the model's reserved names refused, and every
    /// relationship's type checked against it (<see cref="RequireDeclared"/>).
    /// </summary>
    public static PredicateVocabulary VocabularyOf(GraphSnapshot graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var vocabulary = VocabularyOf(graph.Predicates);
        foreach (var r in graph.Relationships)
        {
            RequireDeclared(vocabulary, r);
        }

        return vocabulary;
    }

    /// <summary>
    /// The vocabulary of a graph's predicates: built-ins plus its declarations, with the model's reserved names refused.
    /// A graph read in passes checks each relationship's type (<see cref="RequireDeclared"/>) in the pass that writes it.
    /// </summary>
    public static PredicateVocabulary VocabularyOf(IReadOnlyList<Predicate> predicates)
    {
        ArgumentNullException.ThrowIfNull(predicates);
        foreach (var p in predicates)
        {
            if (StructuralTypes.Contains(p.Type))
            {
                throw new ArgumentException($"Predicate '{p.Type}' has the name of a relationship type of the Neo4j graph model; rename it in the corpus.", nameof(predicates));
            }
        }

        return new PredicateVocabulary(PredicateVocabulary.BuiltIns.Concat(predicates));
    }

    /// <summary>Refuses a relationship whose type the vocabulary does not declare.</summary>
    public static void RequireDeclared(PredicateVocabulary vocabulary, Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(relationship);
        if (!vocabulary.Contains(relationship.Type))
        {
            throw new ArgumentException($"Relationship {relationship.Id} has type '{relationship.Type}', which the snapshot's predicates do not declare.", nameof(relationship));
        }
    }
}
