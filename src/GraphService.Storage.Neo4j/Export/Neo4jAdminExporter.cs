using System.Collections;
using System.Globalization;
using System.Text;
using GraphService.Core.Domain;
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
    /// Writes the files into <paramref name="directory"/> (made if missing). Each file is written row by row into a
    /// <c>.partial</c> file beside it, and only when every file is complete do they take their names, so that a failed
    /// or cancelled export leaves no new file and changes no file already there.
    /// </summary>
    public async Task WriteAsync(GraphSnapshot graph, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var vocabulary = GraphModel.VocabularyOf(graph);
        Directory.CreateDirectory(directory);
        var claims = ImportPlan.ClaimRows(graph, vocabulary);
        var files = new (string Name, Action<TextWriter, CancellationToken> Write)[]
        {
            ("predicates.csv", (w, ct) => Csv(
                w,
                "type:ID(Predicate),:LABEL,phrase,builtIn:boolean,ordinal:int",
                ImportPlan.PredicateRows(graph).Select(r => new object?[] { r["type"], GraphModel.PredicateLabel, r["phrase"], r["builtIn"], r["ordinal"] }), ct)),
            ("entities.csv", (w, ct) => Csv(
                w,
                "id:ID(Entity),:LABEL,name,type,aliases:string[],aliasText,description,nkeys:string[],wkeys:string[],ordinal:int",
                ImportPlan.EntityRows(graph).Select(r => new object?[]
                {
                    r["id"], $"{GraphModel.EntityLabel}{ArrayDelimiter}{r["type"]}", r["name"], r["type"], r["aliases"], r["aliasText"], r["description"], r["nkeys"], r["wkeys"], r["ordinal"],
                }), ct)),
            ("documents.csv", (w, ct) => Csv(
                w,
                "id:ID(Document),:LABEL,title,publisher,author,published,url,language,text,length:int,ordinal:int",
                ImportPlan.DocumentRows(graph).Select(r => new object?[]
                {
                    r["id"], GraphModel.DocumentLabel, r["title"], r["publisher"], r["author"], r["published"], r["url"], r["language"], r["text"], r["length"], r["ordinal"],
                }), ct)),
            ("claims.csv", (w, ct) => Csv(
                w,
                "id:ID(Claim),:LABEL,type,phrase,startId,endId,confidence:double,confidenceDeclared:boolean,corroboration:int,publishers:int,contested:boolean,since,until,sinceFrom,untilTo,citationIds:string[],ordinal:int",
                claims.Select(r => new object?[]
                {
                    r["id"], GraphModel.ClaimLabel, r["type"], r["phrase"], r["startId"], r["endId"], r["confidence"], r["confidenceDeclared"], r["corroboration"], r["publishers"], r["contested"],
                    r["since"], r["until"], r["sinceFrom"], r["untilTo"], r["citationIds"], r["ordinal"],
                }), ct)),
            ("citations.csv", (w, ct) => Csv(
                w,
                "id:ID(Citation),:LABEL,documentId,quote,start:int,end:int,stance",
                ImportPlan.CitationRows(graph).Select(r => new object?[] { r["id"], GraphModel.CitationLabel, r["documentId"], r["quote"], r["start"], r["end"], r["stance"] }), ct)),
            ("graph-meta.csv", (w, ct) => Csv(
                w,
                ":ID(GraphMeta),:LABEL,singleton:boolean,version,corpusName",
                [["graph", GraphModel.GraphMetaLabel, true, graph.Version, graph.CorpusName]], ct)),
            ("claim-relationships.csv", (w, ct) => Csv(
                w,
                ":START_ID(Entity),:END_ID(Entity),:TYPE,id,phrase,confidence:double,corroboration:int,publishers:int,contested:boolean,since,until,sinceFrom,untilTo,citationIds:string[]",
                claims.Select(r => new object?[]
                {
                    r["startId"], r["endId"], PatternTemplate.TypeUnion([(string)r["type"]!], vocabulary)[1..], r["id"], r["phrase"], r["confidence"], r["corroboration"], r["publishers"], r["contested"],
                    r["since"], r["until"], r["sinceFrom"], r["untilTo"], r["citationIds"],
                }), ct)),
            ("claim-ends.csv", (w, ct) => Csv(
                w,
                ":START_ID(Claim),:END_ID(Entity),:TYPE",
                claims.SelectMany(r => new[]
                {
                    new object?[] { r["id"], r["startId"], GraphModel.ClaimSubject },
                    new object?[] { r["id"], r["endId"], GraphModel.ClaimObject },
                }), ct)),
            ("citation-claims.csv", (w, ct) => Csv(
                w,
                ":START_ID(Citation),:END_ID(Claim),:TYPE,ordinal:int",
                ImportPlan.CitationLinkRows(graph).Select(r => new object?[]
                {
                    r["citationId"], r["claimId"], GraphModel.CitationLinkType((string)r["stance"]!), r["ordinal"],
                }), ct)),
            ("quoted-from.csv", (w, ct) => Csv(
                w,
                ":START_ID(Citation),:END_ID(Document),:TYPE",
                ImportPlan.CitationRows(graph).Select(r => new object?[] { r["id"], r["documentId"], GraphModel.QuotedFrom }), ct)),
            ("mentioned-in.csv", (w, ct) => Csv(
                w,
                ":START_ID(Entity),:END_ID(Document),:TYPE,starts:int[],ends:int[],ordinals:int[]",
                ImportPlan.MentionRows(graph).Select(r => new object?[] { r["entityId"], r["documentId"], GraphModel.MentionedIn, r["starts"], r["ends"], r["ordinals"] }), ct)),
            ("schema.cypher", (w, _) => w.Write(SchemaScript())),
            ("README.txt", (w, _) => w.Write(Readme(graph))),
        };

        var partials = new List<string>();
        try
        {
            foreach (var (name, write) in files)
            {
                var partial = Path.Combine(directory, name + ".partial");
                partials.Add(partial);
                var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true);
                await using (stream.ConfigureAwait(false))
                {
                    var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16);
                    await using (writer.ConfigureAwait(false))
                    {
                        write(writer, cancellationToken);
                    }
                }
            }

            foreach (var (name, _) in files)
            {
                File.Move(Path.Combine(directory, name + ".partial"), Path.Combine(directory, name), overwrite: true);
            }
        }
        finally
        {
            // After a failure (or cancellation) the files written so far; after success, nothing is left to delete.
            foreach (var partial in partials.Where(File.Exists))
            {
                File.Delete(partial);
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

    private static string Readme(GraphSnapshot graph) => $"""
        GraphService graph "{graph.CorpusName}", version {graph.Version}, for neo4j-admin (Neo4j 5.26 or later).

        Counts: {graph.Entities.Count} entities, {graph.Documents.Count} documents, {graph.Relationships.Count} relationships.

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
        writer.Write(header);
        writer.Write('\n');
        var written = 0;
        foreach (var row in rows)
        {
            if (++written % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                writer.Write(Field(row[i]));
            }

            writer.Write('\n');
        }
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
