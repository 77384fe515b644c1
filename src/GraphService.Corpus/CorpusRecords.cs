using GraphService.Core.Domain;

namespace GraphService.Corpus;

// The records one reading stage hands to the next. Each holds only what later stages need, with the line it came
// from, so that a stage can be read (and changed) without the YAML validation that produced its input.

/// <summary>What corpus.yaml declares; <see cref="PredicatesComplete"/> is false when some declaration could not be read,
/// so that claims using an undeclared predicate are not blamed for it.</summary>
internal sealed record CorpusSettings(string Name, PredicateVocabulary Vocabulary, bool PredicatesComplete);

internal sealed record EntityEntry(Entity Entity, int Line);

/// <summary>The entities that passed every check, and every id declared at all (valid or not) for reference checks.</summary>
internal sealed record EntitySet(IReadOnlyList<EntityEntry> Valid, IReadOnlySet<string> KnownIds);

internal sealed record EvidenceEntry(string DocumentId, TextSpan Span, Stance Stance, string Quote, int Line);

internal sealed record ClaimEntry(
    string Subject,
    string Predicate,
    string Object,
    PartialDate? Since,
    PartialDate? Until,
    double? Confidence,
    IReadOnlyList<EvidenceEntry> Evidence);

/// <summary>claims.yaml was read; <see cref="Builder"/> holds its claims when a builder was asked for.</summary>
internal sealed record ReadClaims(SnapshotBuilder? Builder);
