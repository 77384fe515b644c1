using System.Net;
using System.Text.Json;
using GraphService.Core.Store;
using GraphService.Storage.Neo4j.Http;
using Microsoft.Extensions.Options;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// The Query API exchanges of Neo4j's documentation, replayed by a stub: what the client sends (URL, method, headers,
/// statement, typed parameters) and how it reads what comes back (typed values, errors, statuses, transactions).
/// </summary>
public sealed class QueryClientContractTests
{
    // "neo4j:verysecret", the credentials of the Query API documentation's examples.
    private const string DocsAuthorization = "Basic bmVvNGo6dmVyeXNlY3JldA==";

    internal static Neo4jQueryClient Client(ReplayHandler handler, int retries = 2) =>
        new(
            new HttpClient(handler) { BaseAddress = new Uri("http://localhost:7474/") },
            Options.Create(new Neo4jOptions
            {
                Uri = new Uri("http://localhost:7474"),
                User = "neo4j",
                Password = "verysecret",
                Retries = retries,
                RetryDelay = TimeSpan.Zero,
                RetryAfter = TimeSpan.FromSeconds(7),
            }));

    [Fact]
    public async Task A_statement_is_posted_to_the_query_endpoint_with_basic_auth_typed_media_types_and_typed_parameters()
    {
        var handler = new ReplayHandler().Rows(["n"]);
        var statement = new CypherStatement("merge-person", "MERGE (n:Person {name: $name, age: $age}) RETURN n", new Dictionary<string, object?>
        {
            ["name"] = "Alice",
            ["age"] = 42,
            ["score"] = 0.5,
            ["active"] = true,
            ["nothing"] = null,
            ["tags"] = new List<string> { "a", "b" },
            ["row"] = new Dictionary<string, object?> { ["k"] = 1L },
        });

        await Client(handler).RunAsync(statement, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://localhost:7474/db/neo4j/query/v2", request.Uri.ToString());
        Assert.Equal(DocsAuthorization, request.Headers["Authorization"]);
        Assert.Equal("application/vnd.neo4j.query", request.Headers["Accept"]);
        Assert.Equal("application/vnd.neo4j.query", request.ContentType);
        Assert.Equal(
            """{"statement":"MERGE (n:Person {name: $name, age: $age}) RETURN n","parameters":{"name":{"$type":"String","_value":"Alice"},"age":{"$type":"Integer","_value":"42"},"score":{"$type":"Float","_value":"0.5"},"active":{"$type":"Boolean","_value":true},"nothing":{"$type":"Null","_value":null},"tags":{"$type":"List","_value":[{"$type":"String","_value":"a"},{"$type":"String","_value":"b"}]},"row":{"$type":"Map","_value":{"k":{"$type":"Integer","_value":"1"}}}}}""",
            request.Body);
    }

    [Fact]
    public async Task Typed_nodes_relationships_paths_integers_strings_and_lists_are_read_into_values()
    {
        var alice = Typed.Node("4:ff04:0", ["Entity", "Person"], ("id", Typed.S("alice")), ("age", Typed.I(42)), ("aliases", Typed.L(Typed.S("Al"), Typed.S("A."))));
        var bob = Typed.Node("4:ff04:1", ["Entity", "Person"], ("id", Typed.S("bob")));
        var knows = Typed.Rel("5:ff04:7", "4:ff04:1", "4:ff04:0", "MET_WITH", ("confidence", Typed.F(0.75)), ("contested", Typed.B(false)));
        var handler = new ReplayHandler().Rows(
            ["n", "r", "p", "count", "name", "names", "missing"],
            [alice, knows, Typed.Path(alice, knows, bob), Typed.I(9007199254740993), Typed.S("Alice"), Typed.L(Typed.S("x"), Typed.I(2)), Typed.Null]);

        var result = await Client(handler).RunAsync(new CypherStatement("q", "RETURN 1"), CancellationToken.None);

        var row = Assert.Single(result.Records);
        var node = row.Value<CypherNode>("n");
        Assert.Equal("4:ff04:0", node.ElementId);
        Assert.Equal(["Entity", "Person"], node.Labels);
        Assert.Equal(42L, node.Properties["age"]);
        Assert.Equal(["Al", "A."], node.Properties.Strings("aliases"));
        var rel = row.Value<CypherRelationship>("r");
        Assert.Equal(("MET_WITH", "4:ff04:1", "4:ff04:0"), (rel.Type, rel.StartNodeElementId, rel.EndNodeElementId));
        Assert.Equal(0.75, rel.Properties.Double("confidence"));
        Assert.False(rel.Properties.Bool("contested"));
        var path = row.Value<CypherPath>("p");
        Assert.Equal(["alice", "bob"], path.Nodes.Select(n => n.Properties.String("id")));
        Assert.Equal("5:ff04:7", Assert.Single(path.Relationships).ElementId);
        Assert.Equal(9007199254740993L, row.Long("count"));
        Assert.Equal("Alice", row.String("name"));
        Assert.Equal(new object?[] { "x", 2L }, row.List("names"));
        Assert.Null(row["missing"]);
    }

    [Fact]
    public async Task A_cypher_syntax_error_throws_with_neo4js_code_and_is_not_retried()
    {
        var handler = new ReplayHandler().Answer(HttpStatusCode.BadRequest, Typed.Errors("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATC'"));

        var e = await Assert.ThrowsAsync<Neo4jQueryException>(() => Client(handler).RunAsync(new CypherStatement("broken", "MATC (n) RETURN n"), CancellationToken.None));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
        Assert.Equal(400, e.HttpStatus);
        Assert.Equal("broken", e.StatementName);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_runtime_error_reported_with_202_and_an_errors_array_is_a_failure()
    {
        // The documented case: UNWIND range(5,0,-1) AS N RETURN 3/N fails while results stream, after the 202 is sent.
        var handler = new ReplayHandler().Answer(
            HttpStatusCode.Accepted,
            """{"data":{"fields":["3/N"],"values":[]},"errors":[{"code":"Neo.ClientError.Statement.ArithmeticError","message":"/ by zero"}]}""");

        var e = await Assert.ThrowsAsync<Neo4jQueryException>(() => Client(handler).RunAsync(new CypherStatement("divide", "UNWIND range(5,0,-1) AS N RETURN 3/N"), CancellationToken.None));

        Assert.Equal("Neo.ClientError.Statement.ArithmeticError", e.Code);
        Assert.Equal(202, e.HttpStatus);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Rejected_credentials_throw_the_distinct_authentication_exception_without_retrying()
    {
        var handler = new ReplayHandler().Answer(HttpStatusCode.Unauthorized, Typed.Errors("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."));

        var e = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => Client(handler).RunAsync(new CypherStatement("q", "RETURN 1"), CancellationToken.None));

        Assert.Contains("Neo.ClientError.Security.Unauthorized", e.Message, StringComparison.Ordinal);
        Assert.Contains("Neo4j:User", e.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_503_is_retried_and_then_reported_unavailable_with_a_retry_after()
    {
        var handler = new ReplayHandler()
            .Answer(HttpStatusCode.ServiceUnavailable, null)
            .Answer(HttpStatusCode.ServiceUnavailable, null)
            .Answer(HttpStatusCode.ServiceUnavailable, null);

        var e = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Client(handler, retries: 2).RunAsync(new CypherStatement("q", "RETURN 1"), CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
    }

    [Fact]
    public async Task A_transient_error_is_retried_until_it_succeeds()
    {
        var handler = new ReplayHandler()
            .Answer(HttpStatusCode.Accepted, Typed.Errors("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"))
            .Rows(["x"], [Typed.I(1)]);

        var result = await Client(handler).RunAsync(new CypherStatement("q", "RETURN 1 AS x"), CancellationToken.None);

        Assert.Equal(1L, Assert.Single(result.Records).Long("x"));
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_then_reported_unavailable()
    {
        var handler = new ReplayHandler().Refuse().Refuse();

        var e = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Client(handler, retries: 1).RunAsync(new CypherStatement("q", "RETURN 1"), CancellationToken.None));

        Assert.Equal(2, handler.Requests.Count);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Contains("unreachable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_transaction_opens_runs_and_commits_echoing_the_cluster_affinity_header()
    {
        var handler = new ReplayHandler()
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"adb8c38c","expires":"2024-10-22T15:48:29Z"}}""", ("neo4j-cluster-affinity", "MTAuOC40MC4xMDI6Nzk5OQ=="))
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"adb8c38c","expires":"2024-10-22T15:48:39Z"}}""")
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"bookmarks":["FB:kcwQ"]}""");

        await Client(handler).RunInTransactionAsync(
            [new CypherStatement("first", "MATCH (n:Entity) DETACH DELETE n"), new CypherStatement("second", "CREATE (:Entity {id: $id})", new Dictionary<string, object?> { ["id"] = "x" }), new CypherStatement("last", "MERGE (m:GraphMeta {singleton: true})")],
            CancellationToken.None);

        Assert.Equal(
            ["POST http://localhost:7474/db/neo4j/query/v2/tx", "POST http://localhost:7474/db/neo4j/query/v2/tx/adb8c38c", "POST http://localhost:7474/db/neo4j/query/v2/tx/adb8c38c/commit"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri}"));
        Assert.False(handler.Requests[0].Headers.ContainsKey("neo4j-cluster-affinity"));
        Assert.All(handler.Requests.Skip(1), r => Assert.Equal("MTAuOC40MC4xMDI6Nzk5OQ==", r.Headers["neo4j-cluster-affinity"]));
        Assert.All(handler.Requests, r => Assert.Equal(DocsAuthorization, r.Headers["Authorization"]));
        Assert.Equal(
            ["MATCH (n:Entity) DETACH DELETE n", "CREATE (:Entity {id: $id})", "MERGE (m:GraphMeta {singleton: true})"],
            handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("statement").GetString()));
    }

    [Fact]
    public async Task An_answer_is_read_from_its_bytes_with_or_without_a_byte_order_mark_and_an_error_page_that_is_not_json_is_told_by_its_status()
    {
        var handler = new ReplayHandler()
            .Answer(HttpStatusCode.OK, "\uFEFF" + Typed.Data(["n"], [Typed.S("Ḥizb")]))
            .Answer(HttpStatusCode.OK, " \n" + Typed.Data(["n"], [Typed.S("plain")]))
            .Answer(HttpStatusCode.BadRequest, "<html><body>Bad Request</body></html>");
        var client = Client(handler, retries: 0);

        Assert.Equal("Ḥizb", Assert.Single((await client.RunAsync(new CypherStatement("q", "RETURN 1"), CancellationToken.None)).Records).String("n"));
        Assert.Equal("plain", Assert.Single((await client.RunAsync(new CypherStatement("q", "RETURN 1"), CancellationToken.None)).Records).String("n"));
        var e = await Assert.ThrowsAsync<Neo4jQueryException>(() => client.RunAsync(new CypherStatement("q", "RETURN 1"), CancellationToken.None));
        Assert.Equal("HTTP 400", e.Code);
    }

    [Fact]
    public async Task A_transaction_sends_each_statement_once_the_next_is_made_so_a_lazy_plan_is_never_held_whole()
    {
        var open = """{"data":{"fields":[],"values":[]},"transaction":{"id":"t","expires":"2024-10-22T15:48:29Z"}}""";
        var handler = new ReplayHandler().Answer(HttpStatusCode.Accepted, open).Answer(HttpStatusCode.Accepted, open)
            .Answer(HttpStatusCode.Accepted, open).Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]}}""");
        var sentBeforeMade = new List<int>();

        IEnumerable<CypherStatement> Plan()
        {
            for (var i = 0; i < 4; i++)
            {
                sentBeforeMade.Add(handler.Requests.Count);
                yield return new CypherStatement($"s{i}", $"RETURN {i}");
            }
        }

        await Client(handler).RunInTransactionAsync(Plan(), CancellationToken.None);

        // The first two are made before anything is sent (a unit needs two); from then on one is made per request.
        Assert.Equal([0, 0, 1, 2], sentBeforeMade);
        Assert.Equal(
            ["RETURN 0", "RETURN 1", "RETURN 2", "RETURN 3"],
            handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("statement").GetString()));
    }

    [Fact]
    public async Task A_transaction_of_fewer_than_two_statements_is_refused_before_anything_is_sent()
    {
        var handler = new ReplayHandler();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).RunInTransactionAsync([new CypherStatement("a", "RETURN 1")], CancellationToken.None));

        Assert.Contains("at least two statements", e.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_failure_inside_a_transaction_rolls_it_back_and_surfaces_the_original_error()
    {
        var handler = new ReplayHandler()
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"tx1","expires":"2024-10-22T15:48:29Z"}}""", ("neo4j-cluster-affinity", "aff"))
            .Answer(HttpStatusCode.Accepted, Typed.Errors("Neo.ClientError.Schema.ConstraintValidationFailed", "already exists"))
            .Answer(HttpStatusCode.OK, null);

        var e = await Assert.ThrowsAsync<Neo4jQueryException>(() => Client(handler).RunInTransactionAsync(
            [new CypherStatement("a", "RETURN 1"), new CypherStatement("b", "RETURN 2"), new CypherStatement("c", "RETURN 3")],
            CancellationToken.None));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", e.Code);
        var rollback = handler.Requests[^1];
        Assert.Equal(HttpMethod.Delete, rollback.Method);
        Assert.Equal("http://localhost:7474/db/neo4j/query/v2/tx/tx1", rollback.Uri.ToString());
        Assert.Equal("aff", rollback.Headers["neo4j-cluster-affinity"]);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_transient_failure_inside_a_transaction_retries_the_whole_unit_from_a_new_transaction()
    {
        var open = """{"data":{"fields":[],"values":[]},"transaction":{"id":"T","expires":"2024-10-22T15:48:29Z"}}""";
        var handler = new ReplayHandler()
            .Answer(HttpStatusCode.Accepted, open.Replace("\"T\"", "\"t1\"", StringComparison.Ordinal))
            .Answer(HttpStatusCode.Accepted, Typed.Errors("Neo.TransientError.Transaction.LockClientStopped", "stopped"))
            .Answer(HttpStatusCode.NotFound, Typed.Errors("Neo.ClientError.Request.Invalid", "Transaction with Id: \"t1\" was not found."))
            .Answer(HttpStatusCode.Accepted, open.Replace("\"T\"", "\"t2\"", StringComparison.Ordinal))
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]}}""");

        await Client(handler).RunInTransactionAsync([new CypherStatement("a", "RETURN 1"), new CypherStatement("b", "RETURN 2")], CancellationToken.None);

        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/t1/commit", "DELETE /db/neo4j/query/v2/tx/t1", "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/t2/commit"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
    }

    [Fact]
    public async Task A_read_unit_opens_a_transaction_with_its_first_statement_runs_the_rest_in_it_and_commits_with_the_last()
    {
        var handler = new ReplayHandler()
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":["v"],"values":[[{"$type":"String","_value":"v-1"}]]},"transaction":{"id":"r1","expires":"2026-12-02T06:00:00Z"}}""", ("neo4j-cluster-affinity", "aff"))
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":["n"],"values":[[{"$type":"Integer","_value":"5"}]]},"transaction":{"id":"r1","expires":"2026-12-02T06:00:10Z"}}""")
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":["v"],"values":[[{"$type":"String","_value":"v-1"}]]},"bookmarks":["FB:x"]}""");

        var (first, count, last) = await Client(handler).RunReadAsync(
            async (tx, ct) =>
            {
                var a = await tx.RunAsync(new CypherStatement("stamp", "RETURN 'v-1' AS v"), ct);
                var b = await tx.RunAsync(new CypherStatement("count", "RETURN 5 AS n"), ct);
                var c = await tx.CommitAsync(new CypherStatement("stamp", "RETURN 'v-1' AS v"), ct);
                return (a.Records[0].String("v"), b.Records[0].Long("n"), c.Records[0].String("v"));
            },
            CancellationToken.None);

        Assert.Equal(("v-1", 5L, "v-1"), (first, count, last));
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/r1", "POST /db/neo4j/query/v2/tx/r1/commit"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
        Assert.All(handler.Requests.Skip(1), r => Assert.Equal("aff", r.Headers["neo4j-cluster-affinity"]));
    }

    [Fact]
    public async Task A_read_unit_that_fails_or_returns_without_committing_is_rolled_back()
    {
        const string open = """{"data":{"fields":[],"values":[]},"transaction":{"id":"r2","expires":"2026-12-02T06:00:00Z"}}""";
        var failing = new ReplayHandler().Answer(HttpStatusCode.Accepted, open).Answer(HttpStatusCode.OK, null);
        var abandoned = new ReplayHandler().Answer(HttpStatusCode.Accepted, open).Answer(HttpStatusCode.OK, null);

        await Assert.ThrowsAsync<InvalidDataException>(() => Client(failing).RunReadAsync<int>(
            async (tx, ct) =>
            {
                await tx.RunAsync(new CypherStatement("a", "RETURN 1"), ct);
                throw new InvalidDataException("the rows make no sense");
            },
            CancellationToken.None));
        var answer = await Client(abandoned).RunReadAsync(
            async (tx, ct) =>
            {
                await tx.RunAsync(new CypherStatement("a", "RETURN 1"), ct);
                return 42;
            },
            CancellationToken.None);

        Assert.Equal(42, answer);
        Assert.All([failing, abandoned], h => Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "DELETE /db/neo4j/query/v2/tx/r2"],
            h.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}")));
    }

    [Fact]
    public async Task A_transient_failure_in_a_read_unit_runs_the_whole_unit_again_in_a_new_transaction()
    {
        var handler = new ReplayHandler()
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"t1","expires":"2026-12-02T06:00:00Z"}}""")
            .Answer(HttpStatusCode.Accepted, Typed.Errors("Neo.TransientError.Transaction.Outdated", "outdated"))
            .Answer(HttpStatusCode.OK, null)
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"t2","expires":"2026-12-02T06:00:00Z"}}""")
            .Answer(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]}}""");
        var runs = 0;

        await Client(handler).RunReadAsync(
            async (tx, ct) =>
            {
                runs++;
                await tx.RunAsync(new CypherStatement("a", "RETURN 1"), ct);
                return await tx.CommitAsync(new CypherStatement("b", "RETURN 2"), ct);
            },
            CancellationToken.None);

        Assert.Equal(2, runs);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/t1/commit", "DELETE /db/neo4j/query/v2/tx/t1", "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/t2/commit"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
    }
}
