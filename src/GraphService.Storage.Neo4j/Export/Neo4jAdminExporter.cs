using System.Collections;
using System.Globalization;
using GraphService.Core.Domain;
using GraphService.Core.Export;
using GraphService.Storage.Neo4j.Statements;

namespace GraphService.Storage.Neo4j.Export;

/// <summary>
/// Writes a graph as CSV files for <c>neo4j-admin database import full</c>, in the same graph model as the adapter's
/// import, plus README.txt with the exact command and schema.cypher to run afterwards (the import tool creates no
/// constraints or indexes). Each node kind has its own id space (Entity, Document, Claim, Citation, Predicate, GraphMeta),
/// so equal ids of different kinds cannot collide. Strings are always quoted (quotes doubled), nulls are empty unquoted
/// fields (no property), arrays are ';'-separated, and multi-line texts need <c>--multiline-fields=true</c>.
/// </summary>
public sealed class Neo4jAdminExporter
{
    public const char ArrayDelimiter = ';';

    /// <summary>The files written, in the order the README's command lists them.</summary>
    public static IReadOnlyList<string> NodeFiles { get; } = ["predicates.csv", "entities.csv", "documents.csv", "claims.csv", "citations.csv", "graph-meta.csv"];

    public static IReadOnlyList<string> RelationshipFiles { get; } = ["claim-relationships.csv", "claim-ends.csv", "citation-claims.csv", "quoted-from.csv", "mentioned-in.csv"];

    /// <summary>
    /// Writes the files into <paramref name="directory"/> (made if missing), row by row, reading the relationships once
    /// for all the files made from them. Each file is written beside its name with a <c>.partial</c> suffix
    /// (<see cref="PartialFiles"/>), and takes the name only when every file is complete, so that a failed or cancelled
    /// export leaves no new file and changes no file already there.
    /// </summary>
    public Task WriteAsync(GraphSnapshot graph, string directory, CancellationToken cancellationToken) =>
        WriteAsync(GraphContent.Of(graph), directory, cancellationToken);

    /// <inheritdoc cref="WriteAsync(GraphSnapshot, string, CancellationToken)"/>
    public async Task WriteAsync(GraphContent graph, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var vocabulary = GraphModel.VocabularyOf(graph.Predicates);
        var files = new PartialFiles(directory);
        await using (files.ConfigureAwait(false))
        {
            Csv(
                files.Create("predicates.csv"),
                "type:ID(Predicate),:LABEL,phrase,builtIn:boolean,ordinal:int",
                ImportPlan.PredicateRows(graph).Select(r => new object?[] { r["type"], GraphModel.PredicateLabel, r["phrase"], r["builtIn"], r["ordinal"] }),
                cancellationToken);
            Csv(
                files.Create("entities.csv"),
                "id:ID(Entity),:LABEL,name,type,aliases:string[],aliasText,description,nkeys:string[],wkeys:string[],ordinal:int",
                ImportPlan.EntityRows(graph).Select(r => new object?[]
                {
                    r["id"], $"{GraphModel.EntityLabel}{ArrayDelimiter}{r["type"]}", r["name"], r["type"], r["aliases"], r["aliasText"], r["description"], r["nkeys"], r["wkeys"], r["ordinal"],
                }),
                cancellationToken);
            Csv(
                files.Create("documents.csv"),
                "id:ID(Document),:LABEL,title,publisher,author,published,url,language,text,length:int,ordinal:int",
                ImportPlan.DocumentRows(graph).Select(r => new object?[]
                {
                    r["id"], GraphModel.DocumentLabel, r["title"], r["publisher"], r["author"], r["published"], r["url"], r["language"], r["text"], r["length"], r["ordinal"],
                }),
                cancellationToken);
            Csv(
                files.Create("graph-meta.csv"),
                ":ID(GraphMeta),:LABEL,singleton:boolean,version,corpusName",
                [["graph", GraphModel.GraphMetaLabel, true, graph.Version, graph.CorpusName]],
                cancellationToken);
            WriteRelationshipFiles(graph, vocabulary, files, cancellationToken);
            Csv(
                files.Create("mentioned-in.csv"),
                ":START_ID(Entity),:END_ID(Document),:TYPE,starts:int[],ends:int[],ordinals:int[]",
                ImportPlan.MentionRows(graph).Select(r => new object?[] { r["entityId"], r["documentId"], GraphModel.MentionedIn, r["starts"], r["ends"], r["ordinals"] }),
                cancellationToken);
            files.Create("schema.cypher").Write(SchemaScript());
            files.Create("README.txt").Write(Readme(graph));
            await files.CommitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The six files made from the relationships, in one pass over them: claims, typed relationships, claim ends, the
    /// citations (each once, with its document link) and the citations' links to their claims.
    /// </summary>
    private static void WriteRelationshipFiles(GraphContent graph, PredicateVocabulary vocabulary, PartialFiles files, CancellationToken cancellationToken)
    {
        var claims = Header(files.Create("claims.csv"), "id:ID(Claim),:LABEL,type,phrase,startId,endId,confidence:double,confidenceDeclared:boolean,corroboration:int,publishers:int,contested:boolean,since,until,sinceFrom,untilTo,citationIds:string[],ordinal:int");
        var citations = Header(files.Create("citations.csv"), "id:ID(Citation),:LABEL,documentId,quote,start:int,end:int,stance");
        var typed = Header(files.Create("claim-relationships.csv"), ":START_ID(Entity),:END_ID(Entity),:TYPE,id,phrase,confidence:double,corroboration:int,publishers:int,contested:boolean,since,until,sinceFrom,untilTo,citationIds:string[]");
        var ends = Header(files.Create("claim-ends.csv"), ":START_ID(Claim),:END_ID(Entity),:TYPE");
        var links = Header(files.Create("citation-claims.csv"), ":START_ID(Citation),:END_ID(Claim),:TYPE,ordinal:int");
        var quotedFrom = Header(files.Create("quoted-from.csv"), ":START_ID(Citation),:END_ID(Document),:TYPE");
        var read = 0;
        foreach (var (relationship, r, cited) in ImportPlan.ClaimsWithCitations(graph, vocabulary))
        {
            if (++read % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Row(claims, r["id"], GraphModel.ClaimLabel, r["type"], r["phrase"], r["startId"], r["endId"], r["confidence"], r["confidenceDeclared"], r["corroboration"], r["publishers"], r["contested"],
                r["since"], r["until"], r["sinceFrom"], r["untilTo"], r["citationIds"], r["ordinal"]);
            Row(typed, r["startId"], r["endId"], PatternTemplate.TypeUnion([relationship.Type], vocabulary)[1..], r["id"], r["phrase"], r["confidence"], r["corroboration"], r["publishers"], r["contested"],
                r["since"], r["until"], r["sinceFrom"], r["untilTo"], r["citationIds"]);
            Row(ends, r["id"], r["startId"], GraphModel.ClaimSubject);
            Row(ends, r["id"], r["endId"], GraphModel.ClaimObject);
            foreach (var (c, link) in cited)
            {
                if (c is not null)
                {
                    Row(citations, c["id"], GraphModel.CitationLabel, c["documentId"], c["quote"], c["start"], c["end"], c["stance"]);
                    Row(quotedFrom, c["id"], c["documentId"], GraphModel.QuotedFrom);
                }

                Row(links, link["citationId"], link["claimId"], GraphModel.CitationLinkType((string)link["stance"]!), link["ordinal"]);
            }
        }
    }

    /// <summary>The import command for files in Neo4j's import folder (the Docker image mounts it at /import).</summary>
    public static string ImportCommand(string folder = "/import") =>
        "neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true --array-delimiter=\";\" " +
        string.Join(" ", NodeFiles.Select(f => $"--nodes={folder}/{f}")) + " " +
        string.Join(" ", RelationshipFiles.Select(f => $"--relationships={folder}/{f}"));

    private static string SchemaScript() =>
        string.Concat(CypherStatements.Instance.Schema.Statements.Select(s => $"// {s.Key}\n{s.Value};\n"));

    private static string Readme(GraphContent graph) => $"""
        GraphService graph "{graph.CorpusName}", version {graph.Version}, for neo4j-admin (Neo4j 5.26 or later).

        Counts: {graph.EntityCount} entities, {graph.DocumentCount} documents, {graph.RelationshipCount} relationships.

        1. Stop Neo4j and copy these files into its import folder (with the Docker image: the volume mounted at /import).
           The import REPLACES the database "neo4j" (Community Edition has only that one).
        2. Run:

           {ImportCommand()}

           With Docker Compose (this repository's docker-compose.yml), from the repository root:

           docker compose stop neo4j
           docker compose run --rm -v "$PWD/<this folder>:/import" neo4j {ImportCommand()}
           docker compose start neo4j

        3. Create the constraints and indexes (the import tool makes none):

           cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -f schema.cypher

        Files: {string.Join(", ", NodeFiles)} (nodes); {string.Join(", ", RelationshipFiles)} (relationships).
        Strings are quoted, arrays are separated by ';', an empty unquoted field means "no property".

        """;

    private static void Csv(TextWriter writer, string header, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        Header(writer, header);
        var written = 0;
        foreach (var row in rows)
        {
            if (++written % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Row(writer, row);
        }
    }

    private static TextWriter Header(TextWriter writer, string header)
    {
        writer.Write(header);
        writer.Write('\n');
        return writer;
    }

    private static void Row(TextWriter writer, params object?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(fields[i]));
        }

        writer.Write('\n');
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable list => ArrayField(list.Cast<object?>().ToList()),
        _ => throw new ArgumentException($"A {value.GetType().Name} has no CSV form here.", nameof(value)),
    };

    // neo4j-admin does not import empty arrays; an empty field leaves the property unset, which the store reads as [].
    private static string ArrayField(List<object?> items)
    {
        if (items.Count == 0)
        {
            return "";
        }

        var parts = items.Select(i => i switch
        {
            string s when s.Contains(ArrayDelimiter, StringComparison.Ordinal) =>
                throw new ArgumentException($"The array element '{s}' contains '{ArrayDelimiter}', which neo4j-admin cannot escape inside an array; use the Cypher script export instead."),
            string s => s,
            int or long => Convert.ToInt64(i, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"A {i?.GetType().Name ?? "null"} array element has no CSV form here."),
        });
        return Quote(string.Join(ArrayDelimiter, parts));
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
