using System.Text;
using GraphService.Core.Domain;
using GraphService.Core.Text;
using GraphService.Storage.Neo4j.Statements;

namespace GraphService.Storage.Neo4j.Export;

/// <summary>
/// Writes a Cypher script that creates the schema and loads a whole graph idempotently (every write is a MERGE on a
/// uniquely constrained key), for cypher-shell (<c>cypher-shell -f graph.cypher</c>) or Browser. It produces the same
/// graph model as the adapter's import; values are literals escaped by Core's <see cref="CypherLiteral"/>, and relationship
/// types come from the snapshot's checked vocabulary.
/// </summary>
public sealed class CypherScriptExporter
{
    public string Render(GraphSnapshot graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var vocabulary = GraphModel.VocabularyOf(graph);
        var cypher = CypherStatements.Instance;
        var sb = new StringBuilder();
        sb.Append("// GraphService graph ").Append(CypherLiteral.Comment(graph.CorpusName)).Append(", version ").Append(CypherLiteral.Comment(graph.Version)).Append('\n');
        sb.Append("// Run with: cypher-shell -u neo4j -p <password> -f <this file>  (or paste into Neo4j Browser)\n\n");
        foreach (var (name, text) in cypher.Schema.Statements)
        {
            sb.Append("// schema: ").Append(name).Append('\n').Append(text).Append(";\n");
        }

        sb.Append('\n');
        foreach (var row in ImportPlan.PredicateRows(graph))
        {
            Statement(sb, $"MERGE (p:Predicate {{type: {L(row["type"])}}}) SET {Sets("p", row, "type")}");
        }

        foreach (var row in ImportPlan.EntityRows(graph))
        {
            var label = GraphModel.ParseEntityType((string)row["type"]!).ToString();
            Statement(sb, $"MERGE (e:Entity {{id: {L(row["id"])}}}) SET e:{label}, {Sets("e", row, "id")}");
        }

        foreach (var row in ImportPlan.DocumentRows(graph))
        {
            Statement(sb, $"MERGE (d:Document {{id: {L(row["id"])}}}) SET {Sets("d", row, "id")}");
        }

        foreach (var row in ImportPlan.ClaimRows(graph, vocabulary))
        {
            var type = PatternTemplate.TypeUnion([(string)row["type"]!], vocabulary);
            Statement(sb,
                $"MATCH (s:Entity {{id: {L(row["startId"])}}}) MATCH (o:Entity {{id: {L(row["endId"])}}}) " +
                $"MERGE (c:Claim {{id: {L(row["id"])}}}) SET {Sets("c", row, "id")} " +
                "MERGE (c)-[:CLAIM_SUBJECT]->(s) MERGE (c)-[:CLAIM_OBJECT]->(o) " +
                $"MERGE (s)-[r{type} {{id: {L(row["id"])}}}]->(o) SET {Sets("r", row, "id", "type", "startId", "endId", "confidenceDeclared", "ordinal")}");
        }

        foreach (var row in ImportPlan.CitationRows(graph))
        {
            Statement(sb,
                $"MATCH (d:Document {{id: {L(row["documentId"])}}}) MERGE (c:Citation {{id: {L(row["id"])}}}) SET {Sets("c", row, "id")} " +
                "MERGE (c)-[:QUOTED_FROM]->(d)");
        }

        foreach (var row in ImportPlan.CitationLinkRows(graph))
        {
            var type = GraphModel.CitationLinkType((string)row["stance"]!);
            Statement(sb,
                $"MATCH (c:Citation {{id: {L(row["citationId"])}}}) MATCH (k:Claim {{id: {L(row["claimId"])}}}) " +
                $"MERGE (c)-[s:{type}]->(k) SET s.ordinal = {L(row["ordinal"])}");
        }

        foreach (var row in ImportPlan.MentionRows(graph))
        {
            Statement(sb,
                $"MATCH (e:Entity {{id: {L(row["entityId"])}}}) MATCH (d:Document {{id: {L(row["documentId"])}}}) " +
                $"MERGE (e)-[m:MENTIONED_IN]->(d) SET {Sets("m", row, "entityId", "documentId")}");
        }

        Statement(sb, $"MERGE (m:GraphMeta {{singleton: true}}) SET m.version = {L(graph.Version)}, m.corpusName = {L(graph.CorpusName)}");
        return sb.ToString();
    }

    public async Task WriteAsync(GraphSnapshot graph, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, Render(graph), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static string L(object? value) => CypherLiteral.Of(value);

    // Property names come from the model's fixed row keys, never from data.
    private static string Sets(string variable, Dictionary<string, object?> row, params string[] skip) =>
        string.Join(", ", row.Where(kv => !skip.Contains(kv.Key)).Select(kv => $"{variable}.{kv.Key} = {L(kv.Value)}"));

    private static void Statement(StringBuilder sb, string statement) => sb.Append(statement).Append(";\n");
}
