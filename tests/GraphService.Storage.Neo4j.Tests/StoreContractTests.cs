using System.Net;
using System.Text.Json;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Storage.Neo4j.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// The store over replayed Query API answers: the statements it sends and what it makes of the rows. Answers are given
/// by statement name (<see cref="StatementReplay"/>); only the import's test pins the order of its requests, because
/// there the order is the behaviour (schema first, then one transaction that sets the version last).
/// </summary>
public sealed class StoreContractTests
{
    private static Neo4jGraphStore Store(ReplayHandler handler) =>
        new(QueryClientContractTests.Client(handler, retries: 0), Options.Create(new Neo4jOptions { Uri = new Uri("http://localhost:7474"), RetryAfter = TimeSpan.FromSeconds(7) }));

    internal static Neo4jGraphStore Store(StatementReplay replay) =>
        new(
            new Neo4jQueryClient(
                new HttpClient(replay) { BaseAddress = new Uri("http://localhost:7474/") },
                Options.Create(new Neo4jOptions { Uri = new Uri("http://localhost:7474"), Retries = 0, RetryDelay = TimeSpan.Zero, RetryAfter = TimeSpan.FromSeconds(7) })),
            Options.Create(new Neo4jOptions { Uri = new Uri("http://localhost:7474"), RetryAfter = TimeSpan.FromSeconds(7) }));

    private static string Statement(RecordedRequest r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("statement").GetString()!;

    private static JsonElement Parameter(RecordedRequest r, string name) => JsonDocument.Parse(r.Body).RootElement.GetProperty("parameters").GetProperty(name);

    [Fact]
    public async Task Status_reports_not_ready_with_the_reason_when_neo4j_is_unreachable()
    {
        var handler = new ReplayHandler().Refuse();

        var status = await Store(handler).GetStatusAsync(CancellationToken.None);

        Assert.False(status.Ready);
        Assert.Equal("neo4j", status.Backend);
        Assert.Contains("unreachable", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_reads_the_graph_version_import_time_and_counts()
    {
        var handler = new ReplayHandler().Rows(
            ["version", "importedAt", "entities", "relationships", "documents"],
            [Typed.S("v-1"), Typed.S("2026-11-22T06:40:00.0000000+00:00"), Typed.I(5), Typed.I(4), Typed.I(2)]);

        var status = await Store(handler).GetStatusAsync(CancellationToken.None);

        Assert.Equal(new GraphStatus(true, "v-1", 5, 4, 2, "neo4j", ImportedAt: new DateTimeOffset(2026, 11, 22, 6, 40, 0, TimeSpan.Zero)), status);
    }

    [Fact]
    public async Task Wrong_credentials_are_not_an_outage_so_status_throws_the_authentication_exception()
    {
        var handler = new ReplayHandler().Answer(HttpStatusCode.Unauthorized, Typed.Errors("Neo.ClientError.Security.Unauthorized", "no"));

        await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => Store(handler).GetStatusAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Queries_on_a_database_without_a_graph_are_unavailable_with_a_retry_after()
    {
        var replay = new StatementReplay().On("graph-version", ["version", "corpusName"]);

        var e = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Store(replay).ResolveAsync("Khazali", CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
    }

    [Fact]
    public async Task Replacing_with_the_version_already_loaded_sends_nothing_but_the_version_check()
    {
        var replay = new StatementReplay().On("graph-version", ["version", "corpusName"], [Typed.S("v-test-1"), Typed.S("sample")]);

        await Store(replay).ReplaceGraphAsync(SampleGraph.Build(), CancellationToken.None);

        Assert.All(replay.Requests, r => Assert.Equal("graph-version", r.Name));
    }

    [Fact]
    public async Task Replacing_runs_the_schema_then_one_transaction_that_deletes_writes_and_sets_the_version_last()
    {
        var graph = SampleGraph.Build();
        var handler = new ReplayHandler().Rows(["version", "corpusName"]);
        var schemaCount = Statements.CypherStatements.Instance.Schema.Statements.Count;
        for (var i = 0; i < schemaCount; i++)
        {
            handler.Rows([]);
        }

        handler.Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"tx9","expires":"2024-10-22T15:48:29Z"}}""", ("neo4j-cluster-affinity", "aff9"));
        // merge-predicates, -entities, -documents, -claims, 4 typed relationship writes, citations, links, mentions, then commit.
        for (var i = 0; i < 11; i++)
        {
            handler.Rows([]);
        }

        handler.Rows([]);

        await Store(handler).ReplaceGraphAsync(graph, CancellationToken.None);

        Assert.Equal(0, handler.Remaining);
        Assert.All(handler.Requests.Skip(1).Take(schemaCount), r => Assert.Matches("(?m)^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) [a-z_]+ IF NOT EXISTS", Statement(r)));
        var tx = handler.Requests.Skip(1 + schemaCount).ToList();
        Assert.Equal("/db/neo4j/query/v2/tx", tx[0].Uri.AbsolutePath);
        Assert.Contains("DETACH DELETE n", Statement(tx[0]), StringComparison.Ordinal);
        Assert.Equal("/db/neo4j/query/v2/tx/tx9/commit", tx[^1].Uri.AbsolutePath);
        Assert.Contains("SET m.version = $version", Statement(tx[^1]), StringComparison.Ordinal);
        Assert.Equal("v-test-1", Parameter(tx[^1], "version").GetProperty("_value").GetString());
        Assert.All(tx.Skip(1), r => Assert.Equal("aff9", r.Headers["neo4j-cluster-affinity"]));
        var typedWrites = tx.Where(r => Statement(r).Contains("MERGE (s)-[r:", StringComparison.Ordinal)).Select(r => Statement(r)).ToList();
        Assert.Equal(["FUNDED_BY", "LEADS", "MET_WITH", "RIVAL_OF"], typedWrites.Select(s => s.Split("MERGE (s)-[r:")[1].Split(' ')[0]));
        var entityRows = Parameter(tx.Single(r => Statement(r).Contains("MERGE (e:Entity", StringComparison.Ordinal)), "rows").GetProperty("_value");
        var khazali = entityRows[0].GetProperty("_value");
        Assert.Equal(
            [NameKey.Normalize("qais-al-khazali"), NameKey.Normalize("Qais Khazali"), NameKey.Normalize("al-Khazali")],
            khazali.GetProperty("nkeys").GetProperty("_value").EnumerateArray().Select(k => k.GetProperty("_value").GetString()));
    }

    [Fact]
    public async Task Paths_are_searched_length_by_length_with_whitelisted_types_and_ranked_with_core_path_order()
    {
        var qais = Typed.Node("4:x:1", ["Entity", "Person"], ("id", Typed.S("qais-al-khazali")), ("name", Typed.S("Qais al-Khazali")), ("type", Typed.S("Person")));
        var hadi = Typed.Node("4:x:2", ["Entity", "Person"], ("id", Typed.S("hadi-al-ameri")), ("name", Typed.S("Hadi al-Ameri")), ("type", Typed.S("Person")));
        var aah = Typed.Node("4:x:3", ["Entity", "Organization"], ("id", Typed.S("aah")), ("name", Typed.S("AAH")), ("type", Typed.S("Organization")));
        string Rel(string id, string start, string end, string type, int corroboration, double confidence) => Typed.Rel(
            "5:x:" + id, start, end, type, ("id", Typed.S(id)), ("confidence", Typed.F(confidence)), ("corroboration", Typed.I(corroboration)), ("contested", Typed.B(false)), ("since", Typed.Null), ("until", Typed.Null));
        var weak = Typed.Path(qais, Rel("r-b", "4:x:1", "4:x:3", "MEMBER_OF", 1, 0.5), aah, Rel("r-c", "4:x:2", "4:x:3", "MEMBER_OF", 1, 0.5), hadi);
        var strong = Typed.Path(qais, Rel("r-z", "4:x:1", "4:x:3", "LEADS", 3, 0.9), aah, Rel("r-y", "4:x:3", "4:x:2", "MEMBER_OF", 2, 0.8), hadi);
        string[] Claim(string id, string type, string start, string end) =>
            [Typed.S(id), Typed.S(type), Typed.S(type.ToLowerInvariant()), Typed.S(start), Typed.S(end), Typed.F(0.9), Typed.I(3), Typed.B(false), Typed.Null, Typed.Null, Typed.L(Typed.M(("id", Typed.S("cit-" + id)), ("quote", Typed.S("q")), ("start", Typed.I(0)), ("end", Typed.I(1)), ("stance", Typed.S("supports")), ("documentId", Typed.S("doc")), ("title", Typed.S("T")), ("publisher", Typed.S("P")), ("published", Typed.S("2015")), ("url", Typed.Null))), Typed.I(3)];
        var replay = new StatementReplay()
            .On("graph-version", ["version", "corpusName"], [Typed.S("v-1"), Typed.S("c")])
            .On("snapshot-predicates", ["type", "phrase", "builtIn"], [Typed.S("LEADS"), Typed.S("leads"), Typed.B(true)], [Typed.S("MEMBER_OF"), Typed.S("is a member of"), Typed.B(true)])
            .On("name-table", ["id", "name", "type", "aliases"], [Typed.S("qais-al-khazali"), Typed.S("Qais al-Khazali"), Typed.S("Person"), Typed.L()])
            .On("resolve-by-id", ["id", "name", "type"], [Typed.S("qais-al-khazali"), Typed.S("Qais al-Khazali"), Typed.S("Person")])
            .On("resolve-by-id", ["id", "name", "type"], [Typed.S("hadi-al-ameri"), Typed.S("Hadi al-Ameri"), Typed.S("Person")])
            .On("paths-of-length", ["p"])
            .On("paths-of-length", ["p"], [weak], [strong])
            .On("claims-by-ids", ["id", "type", "phrase", "startId", "endId", "confidence", "corroboration", "contested", "since", "until", "citations", "publishers"], Claim("r-y", "MEMBER_OF", "aah", "hadi-al-ameri"), Claim("r-z", "LEADS", "qais-al-khazali", "aah"));
        var query = new PathQuery("qais-al-khazali", "hadi-al-ameri") { K = 1, MaxHops = 3, Types = new HashSet<string> { "MEMBER_OF", "LEADS" }, Direction = TraversalDirection.Out, AsOf = new DateOnly(2015, 6, 1) };

        var result = await Store(replay).FindPathsAsync(query, CancellationToken.None);

        Assert.NotNull(result);
        var path = Assert.Single(result.Paths);
        Assert.Equal(["r-z", "r-y"], path.Relationships.Select(r => r.Id));
        Assert.Equal(["qais-al-khazali", "aah", "hadi-al-ameri"], path.Nodes.Select(n => n.Id));
        Assert.Equal("cit-r-z", Assert.Single(path.Relationships[0].Citations).Id);
        Assert.False(result.Truncated);
        Assert.Equal("v-1", result.GraphVersion);
        // Lengths 1 and 2 were searched (k = 1 was met at 2, so not 3), with the whitelisted types and the direction.
        var pathRequests = replay.Named("paths-of-length").ToList();
        Assert.Equal(["){1}", "){2}"], pathRequests.Select(r => r.Statement.Contains("){1}", StringComparison.Ordinal) ? "){1}" : r.Statement.Contains("){2}", StringComparison.Ordinal) ? "){2}" : "other"));
        Assert.All(pathRequests, r => Assert.Contains("(()-[r:LEADS|MEMBER_OF WHERE", r.Statement, StringComparison.Ordinal));
        Assert.All(pathRequests, r => Assert.Contains("]->(x:Entity", r.Statement, StringComparison.Ordinal));
        Assert.All(pathRequests, r => Assert.Equal(("2015-06-01", 5001L), (r.Text("asOf"), r.Integer("limit"))));
        Assert.Equal(["r-y", "r-z"], replay.Named("claims-by-ids").Single().Parameters.GetProperty("ids").GetProperty("_value").EnumerateArray().Select(v => v.GetProperty("_value").GetString()));
    }

    [Fact]
    public async Task A_relationship_type_outside_the_graphs_vocabulary_never_reaches_neo4j()
    {
        var replay = new StatementReplay()
            .On("graph-version", ["version", "corpusName"], [Typed.S("v-1"), Typed.S("c")])
            .On("snapshot-predicates", ["type", "phrase", "builtIn"])
            .On("name-table", ["id", "name", "type", "aliases"])
            .On("resolve-by-id", ["id", "name", "type"], [Typed.S("a"), Typed.S("A"), Typed.S("Person")])
            .On("resolve-by-id", ["id", "name", "type"], [Typed.S("b"), Typed.S("B"), Typed.S("Person")]);
        var query = new PathQuery("a", "b") { Types = new HashSet<string> { "LEADS]->() DETACH DELETE (x" } };

        await Assert.ThrowsAsync<ArgumentException>(() => Store(replay).FindPathsAsync(query, CancellationToken.None));

        Assert.DoesNotContain(replay.Requests, r => r.Statement.Contains("DETACH", StringComparison.Ordinal));
        Assert.Empty(replay.Named("paths-of-length"));
    }

    [Fact]
    public void Options_are_validated_at_start_up_with_a_message_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = "bolt://localhost:7687",
            ["Neo4j:User"] = "neo4j",
        }).Build();
        using var provider = new ServiceCollection().AddNeo4jGraphStore(configuration).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Neo4jOptions>>().Value);

        Assert.Contains(e.Failures, f => f.Contains("Neo4j:Uri", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("Neo4j:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void The_extension_registers_the_neo4j_store_as_the_graph_store()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = "http://neo4j:7474",
            ["Neo4j:User"] = "neo4j",
            ["Neo4j:Password"] = "password123",
        }).Build();
        using var provider = new ServiceCollection().AddNeo4jGraphStore(configuration).BuildServiceProvider();

        Assert.IsType<Neo4jGraphStore>(provider.GetRequiredService<IGraphStore>());
        Assert.Equal("neo4j", provider.GetRequiredService<IOptions<Neo4jOptions>>().Value.Database);
    }
}
