using System.Text.Json.Serialization;
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

/// <summary>
/// One link of a path: every relationship between two consecutive entities that passes the query's filters (and, for
/// direction out or in, points the way travelled), strongest first (<see cref="EvidenceStrength.StrongestFirst"/>).
/// Parallel relationships therefore never multiply paths: a path is a distinct chain of entities.
/// </summary>
public sealed record PathLink(string FromId, string ToId, IReadOnlyList<RelationshipView> Relationships)
{
    /// <summary>The link's strongest relationship, which stands for it in <see cref="PathOrder"/>.</summary>
    [JsonIgnore]
    public RelationshipView Strongest => Relationships[0];
}

/// <summary>
/// One path: a chain of distinct entities. Nodes[i] and Nodes[i+1] are joined by Links[i], which carries every admitted
/// relationship between them, strongest first. <see cref="Relationships"/> is each link's strongest relationship, for
/// readers that show one relationship per hop.
/// </summary>
public sealed record GraphPath
{
    [JsonConstructor]
    public GraphPath(int length, IReadOnlyList<NodeView> nodes, IReadOnlyList<PathLink> links)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        if (links.Any(l => l.Relationships.Count == 0))
        {
            throw new ArgumentException("every link of a path carries at least one relationship", nameof(links));
        }

        Length = length;
        Nodes = nodes;
        Links = links;
    }

    /// <summary>A path whose every link is the one relationship given for it.</summary>
    public GraphPath(int length, IReadOnlyList<NodeView> nodes, IReadOnlyList<RelationshipView> relationships)
        : this(length, nodes, SingleLinks(nodes, relationships))
    {
    }

    public int Length { get; init; }

    public IReadOnlyList<NodeView> Nodes { get; init; }

    /// <summary>Each link's strongest relationship: Relationships[i] joins Nodes[i] and Nodes[i+1], whichever way it points.</summary>
    public IReadOnlyList<RelationshipView> Relationships => [.. Links.Select(l => l.Strongest)];

    public IReadOnlyList<PathLink> Links { get; init; }

    private static PathLink[] SingleLinks(IReadOnlyList<NodeView> nodes, IReadOnlyList<RelationshipView> relationships)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(relationships);
        return
        [
            .. relationships.Select((r, i) => new PathLink(
                i < nodes.Count ? nodes[i].Id : r.StartNodeId,
                i + 1 < nodes.Count ? nodes[i + 1].Id : r.EndNodeId,
                [r])),
        ];
    }
}

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

/// <summary>
/// Everything known of one entity. Its relationships come a page at a time (<see cref="EntityQuery"/>):
/// <see cref="RelationshipsByPredicate"/> holds the page, <see cref="RelationshipCounts"/> how many of each type the
/// entity has in all, and <see cref="Truncated"/> whether some type has more after the page. <see cref="CitationCount"/>
/// counts the distinct citations of all its relationships, listed or not. The documents that mention it come a page at a
/// time too, in id order: <see cref="MentionedIn"/> holds the page, <see cref="MentionedInCount"/> how many documents
/// mention it in all, and <see cref="MentionCount"/> how many mentions they hold in all.
/// </summary>
public sealed record EntityDetail(
    string GraphVersion,
    string Id,
    string Name,
    EntityType Type,
    IReadOnlyList<string> Aliases,
    string? Description,
    IReadOnlyDictionary<string, IReadOnlyList<EntityRelationship>> RelationshipsByPredicate,
    IReadOnlyDictionary<string, int> RelationshipCounts,
    bool Truncated,
    int CitationCount,
    int MentionCount,
    IReadOnlyList<DocumentSummary> MentionedIn,
    int MentionedInCount);

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
