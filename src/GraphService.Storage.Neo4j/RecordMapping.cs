using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Storage.Neo4j.Http;

namespace GraphService.Storage.Neo4j;

/// <summary>Turns the rows of the read statements (cypher/read.cypher) into Core's result records; pure, no I/O.</summary>
internal static class RecordMapping
{
    public static RelationshipView ToRelationshipView(CypherRecord r) => new(
        r.String("id"),
        r.String("type"),
        r.String("phrase"),
        r.String("startId"),
        r.String("endId"),
        r.Double("confidence"),
        r.Int("corroboration"),
        r.Bool("contested"),
        r.StringOrNull("since"),
        r.StringOrNull("until"),
        [.. r.List("citations").Cast<IReadOnlyDictionary<string, object?>>().Select(c => new CitationView(
            c.String("id"),
            c.String("documentId"),
            c.String("title"),
            c.String("publisher"),
            c.StringOrNull("published"),
            c.StringOrNull("url"),
            c.String("quote"),
            checked((int)c.Long("start")),
            checked((int)c.Long("end")),
            GraphModel.ParseStance(c.String("stance"))))])
    {
        Publishers = r.Int("publishers"),
    };

    /// <summary>A candidate path with just enough of each relationship (id, type, ends, strength) for <see cref="PathOrder"/>.</summary>
    public static GraphPath ToCandidate(CypherPath p, PredicateVocabulary vocabulary)
    {
        var idOf = p.Nodes.ToDictionary(n => n.ElementId, n => n.Properties.String("id"), StringComparer.Ordinal);
        var nodes = p.Nodes.Select(n => new NodeView(n.Properties.String("id"), n.Properties.String("name"), GraphModel.ParseEntityType(n.Properties.String("type")))).ToList();
        var relationships = p.Relationships.Select(r => new RelationshipView(
            r.Properties.String("id"),
            r.Type,
            vocabulary.PhraseOf(r.Type),
            idOf[r.StartNodeElementId],
            idOf[r.EndNodeElementId],
            r.Properties.Double("confidence"),
            checked((int)r.Properties.Long("corroboration")),
            r.Properties.Bool("contested"),
            r.Properties.StringOrNull("since"),
            r.Properties.StringOrNull("until"),
            [])).ToList();
        return new GraphPath(relationships.Count, nodes, relationships);
    }

    public static NodeView ToNodeView(CypherRecord r) => new(r.String("id"), r.String("name"), GraphModel.ParseEntityType(r.String("type")));

    public static DocumentSummary ToDocumentSummary(CypherRecord r) => new(
        r.String("id"), r.String("title"), r.String("publisher"), r.StringOrNull("author"), r.StringOrNull("published"), r.StringOrNull("url"), r.StringOrNull("language"), r.Int("length"));

    public static PartialDate? ParseDate(string? text) => text is null ? null : PartialDate.Parse(text);

    public static Entity ToEntity(CypherRecord r) =>
        new(r.String("id"), GraphModel.ParseEntityType(r.String("type")), r.String("name"), r.Strings("aliases"), r.StringOrNull("description"));

    public static SourceDocument ToSourceDocument(CypherRecord r) =>
        new(r.String("id"), r.String("title"), r.String("publisher"), r.StringOrNull("author"), ParseDate(r.StringOrNull("published")), r.StringOrNull("url"), r.StringOrNull("language"), r.String("text"));

    public static Relationship ToRelationship(CypherRecord r) => new(
        r.String("id"),
        r.String("type"),
        r.String("startId"),
        r.String("endId"),
        ParseDate(r.StringOrNull("since")),
        ParseDate(r.StringOrNull("until")),
        r.Double("confidence"),
        r.Bool("confidenceDeclared"),
        r.Int("corroboration"),
        r.Bool("contested"),
        [.. r.List("citations").Cast<IReadOnlyDictionary<string, object?>>().Select(c => new Citation(
            c.String("id"), c.String("documentId"), c.String("quote"), checked((int)c.Long("start")), checked((int)c.Long("end")), GraphModel.ParseStance(c.String("stance"))))])
    {
        Publishers = r.Int("publishers"),
    };
}
