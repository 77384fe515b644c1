using GraphService.Core.Domain;
using GraphService.Storage.Neo4j.Http;
using GraphService.Storage.Neo4j.Statements;

namespace GraphService.Storage.Neo4j.Tests;

public sealed class ImportPlanTests
{
    private static List<Dictionary<string, object?>> RowsOf(CypherStatement statement) =>
        [.. (IEnumerable<Dictionary<string, object?>>)statement.Parameters["rows"]!];

    [Fact]
    public void Rows_go_in_batches_of_the_configured_size_and_every_typed_write_keeps_its_claims_ordinal()
    {
        var graph = SampleGraph.Build();
        var vocabulary = GraphModel.VocabularyOf(graph);

        var statements = new ImportPlan(CypherStatements.Instance, vocabulary, batchSize: 2).Statements(GraphContent.Of(graph)).ToList();

        Assert.Equal("delete-graph", statements[0].Name);
        Assert.Equal("set-graph-version", statements[^1].Name);
        var batches = statements.Where(s => s.Parameters.ContainsKey("rows")).ToList();
        Assert.All(batches, s => Assert.InRange(RowsOf(s).Count, 1, 2));

        var claims = batches.Where(s => s.Name == "merge-claims").SelectMany(RowsOf).ToList();
        Assert.Equal(graph.Relationships.Select(r => r.Id), claims.Select(r => r["id"]));
        Assert.Equal(Enumerable.Range(0, graph.Relationships.Count).Cast<object?>(), claims.Select(r => r["ordinal"]));

        // One run of batches per type, types in ordinal order, each row with the ordinal of its claim among all claims.
        var typed = batches.Where(s => s.Name.StartsWith("merge-claim-relationships[", StringComparison.Ordinal)).ToList();
        var types = typed.Select(s => s.Name).Distinct().ToList();
        Assert.Equal(graph.Relationships.Select(r => $"merge-claim-relationships[{r.Type}]").Distinct().Order(StringComparer.Ordinal), types);
        foreach (var group in typed.GroupBy(s => s.Name))
        {
            var rows = group.SelectMany(RowsOf).ToList();
            var expected = graph.Relationships.Select((r, i) => (r, i)).Where(x => group.Key == $"merge-claim-relationships[{x.r.Type}]").ToList();
            Assert.Equal(expected.Select(x => (object?)x.r.Id), rows.Select(r => r["id"]));
            Assert.Equal(expected.Select(x => (object?)x.i), rows.Select(r => r["ordinal"]));
        }

        Assert.Equal(graph.Entities.Count, batches.Where(s => s.Name == "merge-entities").Sum(s => RowsOf(s).Count));
        Assert.Equal(graph.Relationships.Sum(r => r.Citations.Count), batches.Where(s => s.Name == "link-citations").Sum(s => RowsOf(s).Count));
    }

    [Fact]
    public void The_plan_gives_the_same_statements_each_time_it_is_enumerated_as_a_retried_transaction_needs()
    {
        var graph = SampleGraph.Build();
        var plan = new ImportPlan(CypherStatements.Instance, GraphModel.VocabularyOf(graph), batchSize: 3).Statements(GraphContent.Of(graph));

        var first = Describe(plan);
        var second = Describe(plan);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    // Each statement as one line: its name, its text and its rows (the version's time stamp is not a row).
    private static List<string> Describe(IEnumerable<CypherStatement> plan) =>
        [.. plan.Select(s => $"{s.Name}\n{s.Text}\n" + (s.Parameters.ContainsKey("rows")
            ? string.Join("\n", RowsOf(s).Select(r => string.Join("|", r.Select(kv => $"{kv.Key}={Show(kv.Value)}"))))
            : string.Empty))];

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Show)) + "]",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
