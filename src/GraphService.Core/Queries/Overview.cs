using GraphService.Core.Domain;

namespace GraphService.Core.Queries;

/// <summary>An entity of an overview with its degree (relationships at either end; see Traversal.Connectedness).</summary>
public sealed record RankedNode(string Id, string Name, EntityType Type, int Degree);

/// <summary>
/// A store's answer for an overview: the most connected entities (most first, ties by id), at most the limit asked for,
/// the relationships among them (id order, with their citations), the whole graph's counts, and what each featured name
/// asked for resolved to in the same graph version (one per name, in the order asked; <see cref="Traversal.AliasIndex.Identify"/>,
/// so a name that resolves to nothing carries no suggestions).
/// </summary>
public sealed record MostConnected(
    string GraphVersion,
    int TotalEntities,
    int TotalRelationships,
    IReadOnlyList<RankedNode> Nodes,
    IReadOnlyList<RelationshipView> Relationships,
    IReadOnlyList<Resolution> Featured);

/// <summary>
/// The start page's picture of a graph: the whole graph when it has no more entities than the limit, else the most
/// connected ones (<see cref="Truncated"/> then says so), and the configured starting points: the entities
/// <see cref="Featured"/> names resolve to, and the configured names that name no one entity of this graph (unknown or ambiguous).
/// </summary>
public sealed record GraphOverview(
    string GraphVersion,
    int TotalEntities,
    int TotalRelationships,
    IReadOnlyList<RankedNode> Nodes,
    IReadOnlyList<RelationshipView> Relationships,
    IReadOnlyList<NodeView> Featured,
    IReadOnlyList<string> FeaturedUnresolved,
    bool Truncated);
