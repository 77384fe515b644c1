using GraphService.Core.Domain;

namespace GraphService.Core.Queries;

/// <summary>An entity as it appears in a result.</summary>
public sealed record NodeView(string Id, string Name, EntityType Type);

/// <summary>A citation with its document's bibliographic data, as a reader needs it in a report.</summary>
public sealed record CitationView(
    string Id,
    string DocumentId,
    string Title,
    string Publisher,
    string? Published,
    string? Url,
    string Quote,
    int Start,
    int End,
    Stance Stance);

/// <summary>A relationship in a result with all of its citations.</summary>
public sealed record RelationshipView(
    string Id,
    string Type,
    string Phrase,
    string StartNodeId,
    string EndNodeId,
    double Confidence,
    int Corroboration,
    bool Contested,
    string? Since,
    string? Until,
    IReadOnlyList<CitationView> Citations)
{
    /// <summary>
    /// Distinct publishers of the supporting documents; <see cref="Corroboration"/> counts their independent origins
    /// (documents derived from one another or from the same source count once), so it is never more than this.
    /// </summary>
    public int Publishers { get; init; } = Corroboration;
}

/// <summary>One path: Nodes[i] and Nodes[i+1] are joined by Relationships[i], whichever way that relationship points.</summary>
public sealed record GraphPath(int Length, IReadOnlyList<NodeView> Nodes, IReadOnlyList<RelationshipView> Relationships);

/// <summary>
/// The answer to "how is From connected to To?". <see cref="Truncated"/> is true when the search stopped at its work budget
/// before it could prove that no better path exists.
/// </summary>
public sealed record PathResult(
    string GraphVersion,
    NodeView From,
    NodeView To,
    IReadOnlyList<GraphPath> Paths,
    bool Truncated);

/// <summary>An entity's surroundings. <see cref="Truncated"/> is true when nodes were cut at the limit.</summary>
public sealed record NeighborhoodResult(
    string GraphVersion,
    NodeView Center,
    IReadOnlyList<NodeView> Nodes,
    IReadOnlyList<RelationshipView> Relationships,
    bool Truncated);

/// <summary>A search hit: the entity, the name or alias that matched, and a score in 0..1.</summary>
public sealed record EntityHit(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases, string MatchedText, double Score);

/// <summary>A relationship of an entity seen from that entity: the other end and which way it points.</summary>
public sealed record EntityRelationship(string Direction, NodeView Other, RelationshipView Relationship);

/// <summary>Everything known of one entity.</summary>
public sealed record EntityDetail(
    string GraphVersion,
    string Id,
    string Name,
    EntityType Type,
    IReadOnlyList<string> Aliases,
    string? Description,
    IReadOnlyDictionary<string, IReadOnlyList<EntityRelationship>> RelationshipsByPredicate,
    int CitationCount,
    int MentionCount,
    IReadOnlyList<DocumentSummary> MentionedIn);

/// <summary>A document's bibliographic data.</summary>
public sealed record DocumentSummary(
    string Id,
    string Title,
    string Publisher,
    string? Author,
    string? Published,
    string? Url,
    string? Language,
    int Length);

/// <summary>A span of a document's text: a mention of an entity or a cited passage.</summary>
public sealed record DocumentSpan(int Start, int End, string Kind, string RefId, string Text);

/// <summary>The part of a document's text an answer holds: where it starts and how long it is, in UTF-16 code units.</summary>
public sealed record TextRange(int Offset, int Length);

/// <summary>
/// One page of a document: its bibliographic data (<see cref="DocumentSummary.Length"/> is the length of the whole text),
/// the range of the text this page holds and that text, and the spans that start within the range (their offsets are
/// offsets into the whole document; a span may run past the end of the page). Mentions are capped per page:
/// <see cref="MoreMentions"/> says that the range holds more than were returned.
/// </summary>
public sealed record DocumentDetail(
    string GraphVersion,
    DocumentSummary Document,
    TextRange Range,
    string Text,
    IReadOnlyList<DocumentSpan> Mentions,
    bool MoreMentions,
    IReadOnlyList<DocumentSpan> Citations);

/// <summary>A citation with the relationships it supports or disputes.</summary>
public sealed record CitationDetail(
    string GraphVersion,
    CitationView Citation,
    IReadOnlyList<RelationshipView> Relationships);

/// <summary>Counts of what a graph holds, per entity type and per predicate.</summary>
public sealed record GraphSchema(
    string GraphVersion,
    IReadOnlyList<TypeCount> EntityTypes,
    IReadOnlyList<PredicateCount> Predicates,
    int Entities,
    int Relationships,
    int Documents,
    int Citations,
    int Mentions);

public sealed record TypeCount(string Type, int Count);

public sealed record PredicateCount(string Type, string Phrase, bool BuiltIn, int Count);
