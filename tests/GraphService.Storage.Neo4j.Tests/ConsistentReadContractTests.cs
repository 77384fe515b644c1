using GraphService.Core.Queries;
using GraphService.Core.Store;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// Neo4j reads at read-committed, so the store answers each read in ONE Query API transaction that reads the graph's
/// stamp first and commits with it, and runs the read again when an import landed in between (issue 8, item 8).
/// </summary>
public sealed class ConsistentReadContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string[] StampFields = ["version", "importedAt"];
    private static readonly string[] ClaimFields = ["id", "type", "phrase", "startId", "endId", "confidence", "corroboration", "contested", "since", "until", "citations", "publishers"];

    public static TheoryData<string> Reads => ["entity", "schema", "documents", "citation", "neighbourhood", "document", "document-suggestions"];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Each_read_runs_in_one_transaction_that_opens_by_reading_the_graph_stamp_and_commits_with_it(string read)
    {
        var replay = Scripted(Stamp("v-1", "t1"));
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);
        var before = replay.Requests.Count;

        var answer = await Read(store, read);

        Assert.Equal("v-1", answer);
        var sent = replay.Requests.Skip(before).ToList();
        var transaction = Assert.Single(sent.Select(r => r.Transaction).Distinct());
        Assert.NotNull(transaction);
        Assert.Equal(("graph-stamp", TxStep.Open), (sent[0].Name, sent[0].Step));
        Assert.Equal(("graph-stamp", TxStep.Commit), (sent[^1].Name, sent[^1].Step));
        Assert.True(sent.Count > 2, "the read's own statements run between the two stamps");
        Assert.All(sent.Skip(1).SkipLast(1), r => Assert.Equal((TxStep.Run, false), (r.Step, r.Name == "graph-stamp")));
    }

    [Fact]
    public async Task A_read_during_which_an_import_landed_runs_again_and_answers_wholly_from_the_new_graph()
    {
        // Preparing takes three stamps (the check, then the load's first and last); the read's first sees v-1, its commit v-2.
        var replay = Scripted(Stamp("v-1", "t1"), Stamp("v-1", "t1"), Stamp("v-1", "t1"), Stamp("v-1", "t1"), Stamp("v-2", "t2"));
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);

        var detail = await store.GetEntityAsync(new EntityQuery("a"), None);

        Assert.Equal("v-2", detail!.GraphVersion);
        var entityReads = replay.Transactions().Where(t => t.Any(r => r.Name == "entity")).ToList();
        Assert.Equal(2, entityReads.Count);
        Assert.All(entityReads, t => Assert.Equal((TxStep.Open, TxStep.Commit), (t[0].Step, t[^1].Step)));
        // The new graph's names were loaded before the second attempt, in a transaction of their own.
        Assert.Equal(2, replay.Named("name-table").Count());
    }

    [Fact]
    public async Task A_reimport_of_the_same_version_during_a_read_counts_as_a_change()
    {
        var replay = Scripted(Stamp("v-1", "t1"), Stamp("v-1", "t1"), Stamp("v-1", "t1"), Stamp("v-1", "t1"), Stamp("v-1", "t2"));
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);

        var detail = await store.GetEntityAsync(new EntityQuery("a"), None);

        Assert.Equal("v-1", detail!.GraphVersion);
        Assert.Equal(2, replay.Transactions().Count(t => t.Any(r => r.Name == "entity")));
    }

    [Fact]
    public async Task A_graph_that_changes_during_every_attempt_is_reported_unavailable_never_answered_mixed()
    {
        var changing = Enumerable.Range(2, 40).Select(i => Stamp($"v-{i}", $"t{i}"));
        var replay = Scripted([Stamp("v-1", "t1"), Stamp("v-1", "t1"), Stamp("v-1", "t1"), .. changing]);
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);
        var before = replay.Requests.Count;

        var e = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.GetEntityAsync(new EntityQuery("a"), None));

        Assert.Contains("changed while it was being read", e.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        var transactions = replay.Requests.Skip(before).Where(r => r.Step == TxStep.Open).Select(r => r.Transaction).ToList();
        Assert.InRange(transactions.Count, ConsistentReads.MaxAttempts, 2 * ConsistentReads.MaxAttempts);
        // Every transaction it opened was ended, by a commit or a rollback.
        Assert.All(transactions, t => Assert.Contains(replay.Requests, r => r.Transaction == t && r.Step is TxStep.Commit or TxStep.Rollback));
    }

    [Fact]
    public async Task Reads_while_neo4j_holds_no_graph_are_unavailable_and_the_snapshot_is_null()
    {
        var replay = new StatementReplay().On("graph-stamp", StampFields);
        var store = StoreContractTests.Store(replay);

        await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.GetEntityAsync(new EntityQuery("a"), None));
        Assert.Null(await store.ReadSnapshotAsync(None));
        Assert.Null(await store.PrepareAsync(None));
        Assert.Empty(replay.Named("entity"));
    }

    private static async Task<string> Read(Neo4jGraphStore store, string read) => read switch
    {
        "entity" => (await store.GetEntityAsync(new EntityQuery("a"), None))!.GraphVersion,
        "schema" => (await store.GetSchemaAsync(None)).GraphVersion,
        "documents" => (await store.ListDocumentsAsync(new DocumentListQuery(), None)).Count == 1 ? "v-1" : "no document",
        "citation" => (await store.GetCitationAsync("c1", None))!.GraphVersion,
        "neighbourhood" => (await store.GetNeighborhoodAsync(new NeighborhoodQuery("a") { Depth = 1 }, None))!.GraphVersion,
        "document" => (await store.GetDocumentAsync(new DocumentQuery("doc"), None))!.GraphVersion,
        "document-suggestions" => (await store.SuggestDocumentsAsync("docc", 5, None)).Single().Id == "doc" ? "v-1" : "another document",
        _ => throw new ArgumentOutOfRangeException(nameof(read), read, null),
    };

    private static string[] Stamp(string version, string importedAt) => [Typed.S(version), Typed.S(importedAt)];

    /// <summary>A graph with entity "a" (linked to "b" by r1), document "doc" and citation "c1", whose stamp answers are given in turn.</summary>
    private static StatementReplay Scripted(params string[][] stamps)
    {
        var replay = new StatementReplay();
        foreach (var stamp in stamps)
        {
            replay.On("graph-stamp", StampFields, stamp);
        }

        var document = new[] { Typed.S("doc"), Typed.S("Doc"), Typed.S("Wire"), Typed.Null, Typed.S("2020"), Typed.Null, Typed.S("en"), Typed.I(5) };
        return replay
            .On("snapshot-predicates", ["type", "phrase", "builtIn"])
            .On("name-table", ["id", "name", "type", "aliases"], [Typed.S("a"), Typed.S("A"), Typed.S("Person"), Typed.L()], [Typed.S("b"), Typed.S("B"), Typed.S("Person"), Typed.L()])
            .On("entity", ["e"], [Typed.Node("4:x:1", ["Entity", "Person"], ("id", Typed.S("a")), ("name", Typed.S("A")), ("type", Typed.S("Person")), ("aliases", Typed.L()), ("description", Typed.Null))])
            .On("entity-relationships", ["id", "type", "outgoing", "corroboration", "confidence", "otherId", "otherName", "otherType"], [Typed.S("r1"), Typed.S("MET_WITH"), Typed.B(true), Typed.I(1), Typed.F(0.5), Typed.S("b"), Typed.S("B"), Typed.S("Person")])
            .On("entity-citation-count", ["citations"], [Typed.I(1)])
            .On("claims-by-ids", ClaimFields, Claim("r1"))
            .On("entity-mention-counts", ["documents", "mentions"], [Typed.I(0), Typed.I(0)])
            .On("entity-mentions", ["id", "title", "publisher", "author", "published", "url", "language", "length"])
            .On("schema-entity-types", ["type", "count"], [Typed.S("Person"), Typed.I(2)])
            .On("schema-predicates", ["type", "phrase", "builtIn", "count"])
            .On("schema-counts", ["entities", "relationships", "documents", "citations", "mentions"], [Typed.I(2), Typed.I(1), Typed.I(1), Typed.I(1), Typed.I(0)])
            .On("documents", ["id", "title", "publisher", "author", "published", "url", "language", "length"], document)
            .On("document-names", ["id", "title"], [Typed.S("doc"), Typed.S("Doc")])
            .On("documents-by-ids", ["id", "title", "publisher", "author", "published", "url", "language", "length"], document)
            .On("citation", ["id", "quote", "start", "end", "stance", "documentId", "title", "publisher", "published", "url", "claimIds"], [Typed.S("c1"), Typed.S("q"), Typed.I(0), Typed.I(1), Typed.S("supports"), Typed.S("doc"), Typed.S("Doc"), Typed.S("Wire"), Typed.Null, Typed.Null, Typed.L(Typed.S("r1"))])
            .On("neighbors", ["id", "name", "type", "corroboration", "confidence"], [Typed.S("b"), Typed.S("B"), Typed.S("Person"), Typed.I(1), Typed.F(0.9)])
            .On("relationships-among", ["id"], [Typed.S("r1")])
            .On("document-mentions", ["entityId", "start", "end"])
            .On("document-citations", ["id", "start", "end"])
            .On("document", ["id", "title", "publisher", "author", "published", "url", "language", "length", "text", "wholeText"], [.. document, Typed.S("Alpha"), Typed.Null]);
    }

    private static string[] Claim(string id) =>
    [
        Typed.S(id), Typed.S("MET_WITH"), Typed.S("met with"), Typed.S("a"), Typed.S("b"), Typed.F(0.9), Typed.I(1), Typed.B(false), Typed.Null, Typed.Null,
        Typed.L(Typed.M(("id", Typed.S("c1")), ("quote", Typed.S("q")), ("start", Typed.I(0)), ("end", Typed.I(1)), ("stance", Typed.S("supports")), ("documentId", Typed.S("doc")), ("title", Typed.S("Doc")), ("publisher", Typed.S("Wire")), ("published", Typed.Null), ("url", Typed.Null))),
        Typed.I(1),
    ];
}
