using GraphService.Core.Domain;
using GraphService.Core.Export;
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
    /// <summary>The whole script as one string (for tests and small graphs; <see cref="WriteAsync(GraphContent, string, CancellationToken)"/> streams it).</summary>
    public string Render(GraphSnapshot graph)
    {
        var content = GraphContent.Of(graph);
        var vocabulary = GraphModel.VocabularyOf(content.Predicates);
        using var script = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var citations = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var links = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteHead(content, script, CancellationToken.None);
        WriteClaims(content, vocabulary, script, citations, links, CancellationToken.None);
        script.Write(citations.ToString());
        script.Write(links.ToString());
        WriteTail(content, script, CancellationToken.None);
        return script.ToString();
    }

    /// <summary>
    /// Writes the script to <paramref name="path"/> statement by statement, reading the relationships once: their
    /// citations and links are written beside the script and appended after the claims. The script takes its name only
    /// when complete (<see cref="PartialFiles"/>), so that a failed or cancelled export leaves any earlier file as it was.
    /// </summary>
    public Task WriteAsync(GraphSnapshot graph, string path, CancellationToken cancellationToken) =>
        WriteAsync(GraphContent.Of(graph), path, cancellationToken);

    /// <inheritdoc cref="WriteAsync(GraphSnapshot, string, CancellationToken)"/>
    public async Task WriteAsync(GraphContent graph, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var vocabulary = GraphModel.VocabularyOf(graph.Predicates);
        var (files, name) = PartialFiles.For(path);
        await using (files.ConfigureAwait(false))
        {
            var script = files.Create(name);
            var citations = files.Create(name + ".citations");
            var links = files.Create(name + ".links");
            WriteHead(graph, script, cancellationToken);
            WriteClaims(graph, vocabulary, script, citations, links, cancellationToken);
            await files.AppendAsync(script, citations, cancellationToken).ConfigureAwait(false);
            await files.AppendAsync(script, links, cancellationToken).ConfigureAwait(false);
            WriteTail(graph, script, cancellationToken);
            await files.CommitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The header, the schema, the predicates, the entities and the documents.</summary>
    private static void WriteHead(GraphContent graph, TextWriter writer, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>
    /// One pass over the relationships: each claim to <paramref name="claims"/>, each citation (once) to
    /// <paramref name="citations"/> and each citation's link to its claim to <paramref name="links"/>. The script holds
    /// them in that order: a link matches its citation and its claim.
    /// </summary>
    private static void WriteClaims(GraphContent graph, PredicateVocabulary vocabulary, TextWriter claims, TextWriter citations, TextWriter links, CancellationToken cancellationToken)
    {
        foreach (var (relationship, row, cited) in ImportPlan.ClaimsWithCitations(graph, vocabulary))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = PatternTemplate.TypeUnion([relationship.Type], vocabulary);
            Statement(claims,
                $"MATCH (s:Entity {{id: {L(row["startId"])}}}) MATCH (o:Entity {{id: {L(row["endId"])}}}) " +
                $"MERGE (c:Claim {{id: {L(row["id"])}}}) SET {Sets("c", row, "id")} " +
                "MERGE (c)-[:CLAIM_SUBJECT]->(s) MERGE (c)-[:CLAIM_OBJECT]->(o) " +
                $"MERGE (s)-[r{type} {{id: {L(row["id"])}}}]->(o) SET {Sets("r", row, "id", "type", "startId", "endId", "confidenceDeclared", "ordinal")}");
            foreach (var (c, link) in cited)
            {
                if (c is not null)
                {
                    Statement(citations,
                        $"MATCH (d:Document {{id: {L(c["documentId"])}}}) MERGE (c:Citation {{id: {L(c["id"])}}}) SET {Sets("c", c, "id")} " +
                        "MERGE (c)-[:QUOTED_FROM]->(d)");
                }

                Statement(links,
                    $"MATCH (c:Citation {{id: {L(link["citationId"])}}}) MATCH (k:Claim {{id: {L(link["claimId"])}}}) " +
                    $"MERGE (c)-[s:{GraphModel.CitationLinkType((string)link["stance"]!)}]->(k) SET s.ordinal = {L(link["ordinal"])}");
            }
        }
    }

    /// <summary>The mentions and the graph's version.</summary>
    private static void WriteTail(GraphContent graph, TextWriter writer, CancellationToken cancellationToken)
    {
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
