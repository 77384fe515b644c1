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
        var replay = new StatementReplay().On("graph-stamp", ["version", "importedAt"]);

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
    public async Task The_overview_takes_the_ranked_entities_of_most_connected_and_the_relationships_among_them()
    {
        string[] Claim(string id, string type, string start, string end) =>
            [Typed.S(id), Typed.S(type), Typed.S(type.ToLowerInvariant()), Typed.S(start), Typed.S(end), Typed.F(0.9), Typed.I(3), Typed.B(false), Typed.Null, Typed.Null, Typed.L(), Typed.I(3)];
        var replay = new StatementReplay()
            .On("graph-stamp", ["version", "importedAt"], [Typed.S("v-1"), Typed.S("2026-12-01T00:00:00.0000000+00:00")])
            .On("snapshot-predicates", ["type", "phrase", "builtIn"], [Typed.S("LEADS"), Typed.S("leads"), Typed.B(true)])
            .On("name-table", ["id", "name", "type", "aliases"],
                [Typed.S("hub"), Typed.S("Hub"), Typed.S("Organization"), Typed.L()],
                [Typed.S("hadi-al-ameri"), Typed.S("Hadi al-Ameri"), Typed.S("Person"), Typed.L()],
                [Typed.S("loner"), Typed.S("Loner"), Typed.S("Person"), Typed.L()])
            .On("most-connected", ["id", "name", "type", "degree"],
                [Typed.S("hub"), Typed.S("Hub"), Typed.S("Organization"), Typed.I(4)],
                [Typed.S("hadi-al-ameri"), Typed.S("Hadi al-Ameri"), Typed.S("Person"), Typed.I(3)])
            .On("relationship-count", ["relationships"], [Typed.I(15)])
            .On("relationships-among", ["id"], [Typed.S("r-2")], [Typed.S("r-1")])
            .On("claims-by-ids", ["id", "type", "phrase", "startId", "endId", "confidence", "corroboration", "contested", "since", "until", "citations", "publishers"], Claim("r-1", "LEADS", "hadi-al-ameri", "hub"), Claim("r-2", "LEADS", "hub", "hadi-al-ameri"));

        var store = Store(replay);
        await store.PrepareAsync(CancellationToken.None);
        var before = replay.Requests.Count;

        var overview = await store.GetMostConnectedAsync(2, ["hadi al-ameri", "nobody"], CancellationToken.None);

        Assert.Equal([("hub", 4), ("hadi-al-ameri", 3)], overview.Nodes.Select(n => (n.Id, n.Degree)));
        Assert.Equal(EntityType.Organization, overview.Nodes[0].Type);
        Assert.Equal(["r-1", "r-2"], overview.Relationships.Select(r => r.Id));
        // Entities are counted by the cached name table of the stamp the read checked; only relationships are counted in Neo4j.
        Assert.Equal(("v-1", 3, 15), (overview.GraphVersion, overview.TotalEntities, overview.TotalRelationships));
        Assert.DoesNotContain(replay.Requests, r => r.Name.StartsWith("schema-", StringComparison.Ordinal));
        var ranked = replay.Named("most-connected").Single();
        // Ranked once per graph for as many entities as any overview shows; this overview takes the first two.
        Assert.Equal((long)QueryLimits.OverviewLimit.Max, ranked.Integer("limit"));
        Assert.Contains("ORDER BY degree DESC, id", ranked.Statement, StringComparison.Ordinal);
        Assert.Equal(["hub", "hadi-al-ameri"], replay.Named("relationships-among").Single().Parameters.GetProperty("ids").GetProperty("_value").EnumerateArray().Select(v => v.GetProperty("_value").GetString()));
        // The featured names resolve in the cache of the stamp the overview's transaction checked: nothing sent for them.
        Assert.Equal("hadi-al-ameri", Assert.IsType<Resolution.Resolved>(overview.Featured[0]).Entity.Id);
        Assert.IsType<Resolution.NotFound>(overview.Featured[1]);
        Assert.DoesNotContain(replay.Requests.Skip(before), r => r.Transaction is null);
    }

    [Fact]
    public async Task A_relationship_type_outside_the_graphs_vocabulary_never_reaches_neo4j()
    {
        var replay = new StatementReplay()
            .On("graph-stamp", ["version", "importedAt"], [Typed.S("v-1"), Typed.S("2026-12-01T00:00:00.0000000+00:00")])
            .On("snapshot-predicates", ["type", "phrase", "builtIn"])
            .On("name-table", ["id", "name", "type", "aliases"], [Typed.S("a"), Typed.S("A"), Typed.S("Person"), Typed.L()], [Typed.S("b"), Typed.S("B"), Typed.S("Person"), Typed.L()]);
        var query = new PathQuery("a", "b") { Types = new HashSet<string> { "LEADS]->() DETACH DELETE (x" } };

        await Assert.ThrowsAsync<ArgumentException>(() => Store(replay).FindPathsAsync(query, CancellationToken.None));

        Assert.DoesNotContain(replay.Requests, r => r.Statement.Contains("DETACH", StringComparison.Ordinal));
        Assert.Empty(replay.Named("shortest-path-groups"));
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
