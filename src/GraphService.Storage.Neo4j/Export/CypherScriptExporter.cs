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
    /// <summary>The whole script as one string (for tests and small graphs; <see cref="WriteAsync"/> streams it).</summary>
    public string Render(GraphSnapshot graph)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(graph, writer, CancellationToken.None);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the script to <paramref name="path"/> statement by statement, through a <c>.partial</c> file that takes the
    /// name only when complete, so that a failed or cancelled export leaves any earlier file as it was.
    /// </summary>
    public async Task WriteAsync(GraphSnapshot graph, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var target = Path.GetFullPath(path);
        if (Path.GetDirectoryName(target) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var partial = target + ".partial";
        try
        {
            var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16);
                await using (writer.ConfigureAwait(false))
                {
                    Write(graph, writer, cancellationToken);
                }
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            // Only after a failure is it still there.
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private static void Write(GraphSnapshot graph, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var vocabulary = GraphModel.VocabularyOf(graph);
        var cypher = CypherStatements.Instance;
        writer.Write($"// GraphService graph {CypherLiteral.Comment(graph.CorpusName)}, version {CypherLiteral.Comment(graph.Version)}\n");
        writer.Write("// Run with: cypher-shell -u neo4j -p <password> -f <this file>  (or paste into Neo4j Browser)\n\n");
        foreach (var (name, text) in cypher.Schema.Statements)
        {
            writer.Write($"// schema: {name}\n{text};\n");
        }

        writer.Write('\n');
        foreach (var row in ImportPlan.PredicateRows(graph))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Statement(writer, $"MERGE (p:Predicate {{type: {L(row["type"])}}}) SET {Sets("p", row, "type")}");
        }

        foreach (var row in ImportPlan.EntityRows(graph))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var label = GraphModel.ParseEntityType((string)row["type"]!).ToString();
            Statement(writer, $"MERGE (e:Entity {{id: {L(row["id"])}}}) SET e:{label}, {Sets("e", row, "id")}");
        }

        foreach (var row in ImportPlan.DocumentRows(graph))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Statement(writer, $"MERGE (d:Document {{id: {L(row["id"])}}}) SET {Sets("d", row, "id")}");
        }

        foreach (var row in ImportPlan.ClaimRows(graph, vocabulary))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = PatternTemplate.TypeUnion([(string)row["type"]!], vocabulary);
            Statement(writer,
                $"MATCH (s:Entity {{id: {L(row["startId"])}}}) MATCH (o:Entity {{id: {L(row["endId"])}}}) " +
                $"MERGE (c:Claim {{id: {L(row["id"])}}}) SET {Sets("c", row, "id")} " +
                "MERGE (c)-[:CLAIM_SUBJECT]->(s) MERGE (c)-[:CLAIM_OBJECT]->(o) " +
                $"MERGE (s)-[r{type} {{id: {L(row["id"])}}}]->(o) SET {Sets("r", row, "id", "type", "startId", "endId", "confidenceDeclared", "ordinal")}");
        }

        foreach (var row in ImportPlan.CitationRows(graph))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Statement(writer,
                $"MATCH (d:Document {{id: {L(row["documentId"])}}}) MERGE (c:Citation {{id: {L(row["id"])}}}) SET {Sets("c", row, "id")} " +
                "MERGE (c)-[:QUOTED_FROM]->(d)");
        }

        foreach (var row in ImportPlan.CitationLinkRows(graph))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = GraphModel.CitationLinkType((string)row["stance"]!);
            Statement(writer,
                $"MATCH (c:Citation {{id: {L(row["citationId"])}}}) MATCH (k:Claim {{id: {L(row["claimId"])}}}) " +
                $"MERGE (c)-[s:{type}]->(k) SET s.ordinal = {L(row["ordinal"])}");
        }

        foreach (var row in ImportPlan.MentionRows(graph))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Statement(writer,
                $"MATCH (e:Entity {{id: {L(row["entityId"])}}}) MATCH (d:Document {{id: {L(row["documentId"])}}}) " +
                $"MERGE (e)-[m:MENTIONED_IN]->(d) SET {Sets("m", row, "entityId", "documentId")}");
        }

        Statement(writer, $"MERGE (m:GraphMeta {{singleton: true}}) SET m.version = {L(graph.Version)}, m.corpusName = {L(graph.CorpusName)}");
    }

    private static string L(object? value) => CypherLiteral.Of(value);

    // Property names come from the model's fixed row keys, never from data.
    private static string Sets(string variable, Dictionary<string, object?> row, params string[] skip) =>
        string.Join(", ", row.Where(kv => !skip.Contains(kv.Key)).Select(kv => $"{variable}.{kv.Key} = {L(kv.Value)}"));

    private static void Statement(TextWriter writer, string statement)
    {
        writer.Write(statement);
        writer.Write(";\n");
    }
}
