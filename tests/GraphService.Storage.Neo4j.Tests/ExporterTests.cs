using GraphService.Core.Text;
using GraphService.Storage.Neo4j.Export;
using GraphService.Testing;

namespace GraphService.Storage.Neo4j.Tests;

public sealed class ExporterTests
{
    [Fact]
    public async Task Neo4j_admin_files_have_import_headers_and_one_row_per_element_of_the_graph()
    {
        var graph = SampleGraph.Build();
        using var temp = new TempDirectory();

        await new Neo4jAdminExporter().WriteAsync(graph, temp.Path, CancellationToken.None);

        var entities = Csv.Read(temp.File("entities.csv"));
        Assert.Equal(["id:ID(Entity)", ":LABEL", "name", "type", "aliases:string[]", "aliasText", "description", "nkeys:string[]", "wkeys:string[]", "ordinal:int"], entities.Header);
        Assert.Equal(graph.Entities.Select(e => e.Id), entities.Rows.Select(r => r[0]));
        Assert.Equal("Entity;Person", entities.Rows[0][1]);
        Assert.Equal("Qais Khazali;al-Khazali", entities.Rows[0][4]);
        Assert.Equal(SampleGraph.Hostile, entities.Rows[2][6]);

        var documents = Csv.Read(temp.File("documents.csv"));
        Assert.Equal("id:ID(Document)", documents.Header[0]);
        Assert.Equal(graph.Documents.Select(d => d.Body), documents.Rows.Select(r => r[8]));
        Assert.Equal(graph.Relationships.Count, Csv.Read(temp.File("claims.csv")).Rows.Count);

        var typed = Csv.Read(temp.File("claim-relationships.csv"));
        Assert.Equal([":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"], typed.Header.Take(3));
        Assert.Equal(graph.Relationships.Select(r => (r.StartId, r.EndId, r.Type, r.Id)), typed.Rows.Select(r => (r[0], r[1], r[2], r[3])));
        Assert.Equal("cit-3;cit-4", typed.Rows[2][13]);

        // Publishers travel beside corroboration, so a graph loaded by neo4j-admin answers with both, as an imported one does.
        var publishers = typed.Header.ToList().IndexOf("publishers:int");
        Assert.Equal(graph.Relationships.Select(r => r.Publishers.ToString(System.Globalization.CultureInfo.InvariantCulture)), typed.Rows.Select(r => r[publishers]));
        var claims = Csv.Read(temp.File("claims.csv"));
        Assert.Equal(graph.Relationships.Select(r => r.Publishers.ToString(System.Globalization.CultureInfo.InvariantCulture)), claims.Rows.Select(r => r[claims.Header.ToList().IndexOf("publishers:int")]));

        var citations = Csv.Read(temp.File("citations.csv"));
        var citationIds = graph.Relationships.SelectMany(r => r.Citations).Select(c => c.Id).Distinct().ToList();
        Assert.Equal(citationIds, citations.Rows.Select(r => r[0]));
        Assert.Equal(graph.Relationships.Sum(r => r.Citations.Count), Csv.Read(temp.File("citation-claims.csv")).Rows.Count);
        Assert.Equal(2 * graph.Relationships.Count, Csv.Read(temp.File("claim-ends.csv")).Rows.Count);

        // Every relationship end names a node of its id space.
        var entityIds = graph.Entities.Select(e => e.Id).ToHashSet();
        Assert.All(typed.Rows, r => Assert.True(entityIds.Contains(r[0]) && entityIds.Contains(r[1])));
        var mentions = Csv.Read(temp.File("mentioned-in.csv"));
        Assert.Equal([":START_ID(Entity)", ":END_ID(Document)", ":TYPE", "starts:int[]", "ends:int[]", "ordinals:int[]"], mentions.Header);
        Assert.Equal(graph.Mentions.Count, mentions.Rows.Sum(r => r[3].Split(';').Length));
        Assert.Equal("0;64", mentions.Rows[0][3]);
        Assert.All(mentions.Rows, r => Assert.Contains(r[0], entityIds));

        var readme = await File.ReadAllTextAsync(temp.File("README.txt"));
        Assert.Contains(Neo4jAdminExporter.ImportCommand(), readme, StringComparison.Ordinal);
        Assert.StartsWith("neo4j-admin database import full neo4j --overwrite-destination", Neo4jAdminExporter.ImportCommand(), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("schema.cypher")));
    }

    [Fact]
    public async Task Nulls_are_empty_unquoted_fields_and_empty_strings_stay_quoted()
    {
        using var temp = new TempDirectory();

        await new Neo4jAdminExporter().WriteAsync(SampleGraph.Build(), temp.Path, CancellationToken.None);

        var text = await File.ReadAllTextAsync(temp.File("entities.csv"));
        // hadi-al-ameri has no description (null: empty field); badr-organization has no aliases (an empty array is
        // left out) and so an empty alias text (quoted, an empty string) and no description.
        Assert.Contains("\"Hadi al-Ameri\",\"Person\",\"al-Ameri\",\"al-Ameri\",,\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Badr Organization\",\"Organization\",,\"\",,\"badrorganization\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_array_element_holding_the_array_delimiter_is_refused_rather_than_split_and_the_folder_is_left_as_it_was()
    {
        var graph = SampleGraph.Build();
        // The last entity: the files before entities.csv are complete, and entities.csv is written up to that row.
        var broken = graph with { Entities = [.. graph.Entities.Select((e, i) => i == graph.Entities.Count - 1 ? e with { Aliases = ["a;b"] } : e)] };
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("predicates.csv"), "an earlier export");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => new Neo4jAdminExporter().WriteAsync(broken, temp.Path, CancellationToken.None));

        Assert.Contains("'a;b'", e.Message, StringComparison.Ordinal);
        Assert.Equal([temp.File("predicates.csv")], Directory.GetFiles(temp.Path));
        Assert.Equal("an earlier export", await File.ReadAllTextAsync(temp.File("predicates.csv")));
    }

    [Fact]
    public void The_cypher_script_merges_every_element_with_escaped_literals()
    {
        var graph = SampleGraph.Build();

        var script = new CypherScriptExporter().Render(graph);

        Assert.Contains("CREATE CONSTRAINT entity_id IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Equal(graph.Entities.Count, Count(script, "MERGE (e:Entity {id: "));
        Assert.Equal(graph.Documents.Count, Count(script, "MERGE (d:Document {id: "));
        Assert.Equal(graph.Relationships.Count, Count(script, "MERGE (c:Claim {id: "));
        Assert.Contains("MERGE (s)-[r:FUNDED_BY {id: 'rel-funded'}]->(o)", script, StringComparison.Ordinal);
        Assert.Contains(CypherLiteral.String(SampleGraph.Hostile), script, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleGraph.Hostile, script, StringComparison.Ordinal);
        Assert.Equal(1, Count(script, "MERGE (m:GraphMeta {singleton: true})"));
    }

    [Fact]
    public async Task The_cypher_script_file_holds_the_rendered_script_and_a_cancelled_export_leaves_the_earlier_file()
    {
        var graph = SampleGraph.Build();
        using var temp = new TempDirectory();
        var path = temp.File("graph.cypher");

        await new CypherScriptExporter().WriteAsync(graph, path, CancellationToken.None);
        Assert.Equal(new CypherScriptExporter().Render(graph), await File.ReadAllTextAsync(path));

        await File.WriteAllTextAsync(path, "an earlier export");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CypherScriptExporter().WriteAsync(graph, path, new CancellationToken(canceled: true)));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
        Assert.Equal("an earlier export", await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("O'Brien", "'O\\'Brien'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    [InlineData("line\nbreak\r\ttab", "'line\\nbreak\\r\\ttab'")]
    [InlineData("`tick` \"dq\"", "'`tick` \\\"dq\\\"'")]
    [InlineData("bell\u0007", "'bell\\u0007'")]
    [InlineData("Kata'ib Ḥizb", "'Kata\\'ib Ḥizb'")]
    public void String_literals_escape_everything_that_could_end_or_bend_them(string value, string literal) =>
        Assert.Equal(literal, CypherLiteral.String(value));

    [Fact]
    public void Numbers_keep_their_cypher_type_in_literals()
    {
        Assert.Equal("1.0", CypherLiteral.Of(1.0));
        Assert.Equal("0.38", CypherLiteral.Of(0.38));
        Assert.Equal("42", CypherLiteral.Of(42));
        Assert.Equal("['a', 'b\\'c']", CypherLiteral.Of(new List<string> { "a", "b'c" }));
        Assert.Equal("null", CypherLiteral.Of(null));
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}

/// <summary>A strict reader of the exporter's CSV dialect (comma, double quotes doubled, newlines inside quotes), for assertions.</summary>
internal sealed record Csv(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static Csv Read(string path)
    {
        var text = File.ReadAllText(path);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, $"{path} ends inside a quoted field");
        Assert.True(records.All(r => r.Count == records[0].Count), $"{path} has rows of different widths");
        return new Csv(records[0], records.Skip(1).ToList());
    }
}
