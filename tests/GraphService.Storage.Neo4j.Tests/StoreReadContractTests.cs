using GraphService.Core.Queries;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>How the Neo4j store shapes what Neo4j answers, through Core's shared rules (pages, grouping, the neighbourhood cut).</summary>
public sealed class StoreReadContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string[] ClaimFields = ["id", "type", "phrase", "startId", "endId", "confidence", "corroboration", "contested", "since", "until", "citations", "publishers"];

    private static readonly string[] DocumentFields = ["id", "title", "publisher", "author", "published", "url", "language", "length", "text", "wholeText"];

    [Fact]
    public async Task Preparing_loads_the_name_table_of_the_graph_neo4j_holds_and_says_its_version()
    {
        var loaded = Loaded();
        var empty = new StatementReplay().On("graph-stamp", ["version", "importedAt"]);

        Assert.Equal("v-1", await StoreContractTests.Store(loaded).PrepareAsync(None));
        Assert.Null(await StoreContractTests.Store(empty).PrepareAsync(None));
        Assert.Single(loaded.Named("name-table"));
        Assert.Empty(empty.Named("name-table"));
    }

    [Fact]
    public async Task Entity_detail_lists_a_self_loop_once_as_outgoing_and_reads_the_evidence_of_its_page_only()
    {
        var replay = Loaded([Typed.S("a"), Typed.S("A"), Typed.S("Person"), Typed.L()])
            .On("entity", ["e"], [Typed.Node("4:x:1", ["Entity", "Person"], ("id", Typed.S("a")), ("name", Typed.S("A")), ("type", Typed.S("Person")), ("aliases", Typed.L()), ("description", Typed.Null))])
            .On(
                "entity-relationships",
                ["id", "type", "outgoing", "corroboration", "confidence", "otherId", "otherName", "otherType"],
                [Typed.S("r-self"), Typed.S("MET_WITH"), Typed.B(true), Typed.I(1), Typed.F(0.5), Typed.S("a"), Typed.S("A"), Typed.S("Person")],
                [Typed.S("r-self"), Typed.S("MET_WITH"), Typed.B(false), Typed.I(1), Typed.F(0.5), Typed.S("a"), Typed.S("A"), Typed.S("Person")],
                [Typed.S("r-in"), Typed.S("MET_WITH"), Typed.B(false), Typed.I(1), Typed.F(0.5), Typed.S("b"), Typed.S("B"), Typed.S("Person")],
                [Typed.S("r-weak"), Typed.S("MET_WITH"), Typed.B(false), Typed.I(1), Typed.F(0.25), Typed.S("b"), Typed.S("B"), Typed.S("Person")])
            .On("entity-citation-count", ["citations"], [Typed.I(3)])
            .On("claims-by-ids", ClaimFields, Claim("r-in", "MET_WITH", "b", "a", "shared"), Claim("r-self", "MET_WITH", "a", "a", "shared", "own"))
            .On("entity-mention-counts", ["documents", "mentions"], [Typed.I(0), Typed.I(0)])
            .On("entity-mentions", ["id", "title", "publisher", "author", "published", "url", "language", "length"]);

        var detail = await StoreContractTests.Store(replay).GetEntityAsync(new EntityQuery("a") { Limit = 2 }, None);

        Assert.NotNull(detail);
        // Equally strong, so by id; the weaker third is counted but not listed, and its claim is not read.
        Assert.Equal([("in", "r-in"), ("out", "r-self")], detail.RelationshipsByPredicate["MET_WITH"].Select(r => (r.Direction, r.Relationship.Id)));
        Assert.Equal(3, detail.RelationshipCounts["MET_WITH"]);
        Assert.True(detail.Truncated);
        Assert.Equal(3, detail.CitationCount);
        var asked = Assert.Single(replay.Named("claims-by-ids")).Parameters.GetProperty("ids").GetRawText();
        Assert.Contains("r-in", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("r-weak", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entity_detail_asks_neo4j_for_a_page_of_the_documents_that_mention_it_and_for_their_counts()
    {
        var replay = Loaded([Typed.S("a"), Typed.S("A"), Typed.S("Person"), Typed.L()])
            .On("entity", ["e"], [Typed.Node("4:x:1", ["Entity", "Person"], ("id", Typed.S("a")), ("name", Typed.S("A")), ("type", Typed.S("Person")), ("aliases", Typed.L()), ("description", Typed.Null))])
            .On("entity-relationships", ["id", "type", "outgoing", "corroboration", "confidence", "otherId", "otherName", "otherType"])
            .On("entity-citation-count", ["citations"], [Typed.I(0)])
            .On("claims-by-ids", ClaimFields)
            .On("entity-mention-counts", ["documents", "mentions"], [Typed.I(40), Typed.I(95)])
            .On("entity-mentions", ["id", "title", "publisher", "author", "published", "url", "language", "length"],
                [Typed.S("doc-k"), Typed.S("K"), Typed.S("Wire"), Typed.Null, Typed.Null, Typed.Null, Typed.Null, Typed.I(10)]);
        var store = StoreContractTests.Store(replay);

        var page = await store.GetEntityAsync(new EntityQuery("a") { DocumentOffset = 10, DocumentLimit = 1 }, None);
        var none = await store.GetEntityAsync(new EntityQuery("a") { DocumentLimit = 0 }, None);

        Assert.Equal(["doc-k"], page!.MentionedIn.Select(d => d.Id));
        Assert.Equal((40, 95), (page.MentionedInCount, page.MentionCount));
        Assert.Equal((0, 40, 95), (none!.MentionedIn.Count, none.MentionedInCount, none.MentionCount));
        // One page asked for; with documentLimit=0 nothing is asked for but the counts.
        var sent = Assert.Single(replay.Named("entity-mentions"));
        Assert.Equal((10L, 1L), (sent.Integer("documentOffset"), sent.Integer("documentLimit")));
        Assert.Matches(@"ORDER BY id\s+SKIP \$documentOffset\s+LIMIT \$documentLimit", sent.Statement);
        Assert.Equal(2, replay.Named("entity-mention-counts").Count());
    }

    [Fact]
    public async Task A_neighbourhood_at_its_limit_keeps_the_strongest_candidates_ties_by_id_and_says_it_was_cut()
    {
        string[] Candidate(string id, int corroboration, double confidence) =>
            [Typed.S(id), Typed.S(id.ToUpperInvariant()), Typed.S("Person"), Typed.I(corroboration), Typed.F(confidence)];
        var replay = Loaded([Typed.S("c"), Typed.S("C"), Typed.S("Person"), Typed.L()])
            .On("neighbors", ["id", "name", "type", "corroboration", "confidence"], Candidate("weak", 1, 0.5), Candidate("zed", 2, 0.9), Candidate("amy", 2, 0.9), Candidate("weak", 3, 0.1))
            .On("relationships-among", ["id"]);

        var result = await StoreContractTests.Store(replay).GetNeighborhoodAsync(new NeighborhoodQuery("c") { Limit = 3 }, None);

        Assert.NotNull(result);
        // "weak" is strongest through its second relationship (corroboration 3); amy and zed tie, so the id decides.
        Assert.Equal(["c", "weak", "amy"], result.Nodes.Select(n => n.Id));
        Assert.True(result.Truncated);
    }

    [Fact]
    public async Task A_neighbourhood_an_entity_and_an_overview_named_by_a_host_send_nothing_outside_their_own_read()
    {
        var replay = Loaded([Typed.S("c"), Typed.S("Cee"), Typed.S("Person"), Typed.L()])
            .On("neighbors", ["id", "name", "type", "corroboration", "confidence"])
            .On("relationships-among", ["id"])
            .On("entity", ["e"], [Typed.Node("4:x:1", ["Entity", "Person"], ("id", Typed.S("c")), ("name", Typed.S("Cee")), ("type", Typed.S("Person")), ("aliases", Typed.L()), ("description", Typed.Null))])
            .On("entity-relationships", ["id", "type", "outgoing", "corroboration", "confidence", "otherId", "otherName", "otherType"])
            .On("entity-citation-count", ["citations"], [Typed.I(0)])
            .On("claims-by-ids", ClaimFields)
            .On("entity-mention-counts", ["documents", "mentions"], [Typed.I(0), Typed.I(0)])
            .On("entity-mentions", ["id", "title", "publisher", "author", "published", "url", "language", "length"])
            .On("most-connected", ["id", "name", "type", "degree"], [Typed.S("c"), Typed.S("Cee"), Typed.S("Person"), Typed.I(0)])
            .On("relationship-count", ["relationships"], [Typed.I(0)]);
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);
        var before = replay.Requests.Count;
        var queries = new GraphQueries(store);

        var neighbourhood = await queries.NeighborhoodAsync("cee", id => new NeighborhoodQuery(id), None);
        var entity = await queries.EntityAsync("CEE", "id", id => new EntityQuery(id), None);
        var overview = await queries.OverviewAsync(10, ["cee", "dee"], None);

        Assert.Equal("c", Assert.IsType<QueryOutcome<NeighborhoodResult>.Ok>(neighbourhood).Value.Center.Id);
        Assert.Equal("c", Assert.IsType<QueryOutcome<EntityDetail>.Ok>(entity).Value.Id);
        var starts = Assert.IsType<QueryOutcome<GraphOverview>.Ok>(overview).Value;
        Assert.Equal(["c"], starts.Featured.Select(n => n.Id));
        Assert.Equal(["dee"], starts.FeaturedUnresolved);
        // The names come from the cache of the stamp each query's own transaction checks: no stamp check of their own.
        var sent = replay.Requests.Skip(before).ToList();
        Assert.Contains(sent, r => r.Name == "neighbors");
        Assert.Contains(sent, r => r.Name == "entity");
        Assert.Contains(sent, r => r.Name == "most-connected");
        Assert.DoesNotContain(sent, r => r.Transaction is null);
    }

    [Fact]
    public async Task A_page_of_the_document_list_is_cut_by_neo4j_in_id_order()
    {
        var replay = Loaded()
            .On("documents", ["id", "title", "publisher", "author", "published", "url", "language", "length"],
                [Typed.S("doc-b"), Typed.S("B"), Typed.S("Wire"), Typed.Null, Typed.Null, Typed.Null, Typed.Null, Typed.I(3)]);

        var page = await StoreContractTests.Store(replay).ListDocumentsAsync(new DocumentListQuery { Offset = 1, Limit = 1 }, None);

        Assert.Equal(["doc-b"], page.Select(d => d.Id));
        var sent = Assert.Single(replay.Named("documents"));
        Assert.Equal((1L, 1L), (sent.Integer("offset"), sent.Integer("limit")));
        Assert.Matches(@"ORDER BY id\s+SKIP \$offset\s+LIMIT \$limit", sent.Statement);
    }

    [Fact]
    public async Task A_document_page_asks_neo4j_for_the_range_and_one_mention_more_than_it_shows()
    {
        const string body = "Alpha Beta Gamma Delta.";
        var replay = Loaded()
            .On("document-mentions", ["entityId", "start", "end"], Span("beta", 6, 10), Span("gamma", 11, 16))
            .On("document-citations", ["id", "start", "end"], Span("c1", 6, 22))
            .On("document", DocumentFields, Document(body.Length, Typed.S(body[6..22]), Typed.Null));

        var page = await StoreContractTests.Store(replay).GetDocumentAsync(new DocumentQuery("doc") { Offset = 6, Length = 5, MentionLimit = 1 }, None);

        Assert.NotNull(page);
        Assert.Equal((new TextRange(6, 5), "Beta "), (page.Range, page.Text));
        Assert.Equal([("beta", "Beta")], page.Mentions.Select(m => (m.RefId, m.Text)));
        Assert.True(page.MoreMentions);
        Assert.Equal("Beta Gamma Delta", Assert.Single(page.Citations).Text);
        var mentions = Assert.Single(replay.Named("document-mentions"));
        Assert.Equal((6L, 11L, 2L), (mentions.Integer("start"), mentions.Integer("end"), mentions.Integer("limit")));
        var document = Assert.Single(replay.Named("document"));
        Assert.Equal((6L, 16L), (document.Integer("start"), document.Integer("length")));
    }

    [Fact]
    public async Task A_text_with_characters_outside_the_bmp_comes_whole_and_is_cut_in_utf16_code_units()
    {
        const string body = "\U0001F6F0 Alpha \U0001F6F0 Beta.";
        var beta = body.IndexOf("Beta", StringComparison.Ordinal);
        var replay = Loaded()
            .On("document-mentions", ["entityId", "start", "end"], Span("beta", beta, beta + 4))
            .On("document-citations", ["id", "start", "end"])
            .On("document", DocumentFields, Document(body.Length, Typed.Null, Typed.S(body)));

        var page = await StoreContractTests.Store(replay).GetDocumentAsync(new DocumentQuery("doc") { Offset = 8 }, None);
        var split = await StoreContractTests.Store(replay).GetDocumentAsync(new DocumentQuery("doc") { Offset = 1, Length = 2 }, None);

        Assert.Equal(body[8..], page!.Text);
        Assert.Equal("Beta", Assert.Single(page.Mentions).Text);
        // Offset 1 is the second half of a surrogate pair: the page starts a code unit earlier rather than split it.
        Assert.Equal((new TextRange(0, 3), "\U0001F6F0 "), (split!.Range, split.Text));
    }

    [Fact]
    public async Task A_span_outside_its_document_is_refused_as_corrupt_data_not_shown_empty()
    {
        var replay = Loaded()
            .On("document-mentions", ["entityId", "start", "end"])
            .On("document-citations", ["id", "start", "end"], Span("c-broken", 2, 400))
            .On("document", DocumentFields, Document(10, Typed.S("0123456789"), Typed.Null));

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => StoreContractTests.Store(replay).GetDocumentAsync(new DocumentQuery("doc"), None));

        Assert.Contains("citation c-broken spans 2..400, outside its document 'doc' of length 10", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_document_id_reads_the_documents_ids_and_titles_once_per_graph_then_only_the_suggested_documents()
    {
        var replay = Loaded()
            .On("document-names", ["id", "title"], Name("doc-alpha", "Alpha report"), Name("doc-beta", "Beta report"), Name("doc-gamma", "Gamma report"))
            .On("documents-by-ids", SummaryFields, Summary("doc-alpha", "Alpha report", "Alpha Wire"), Summary("doc-beta", "Beta report", "Beta Monitor"))
            .On("documents-by-ids", SummaryFields, Summary("doc-gamma", "Gamma report", "Gamma Review"));
        var store = StoreContractTests.Store(replay);

        var ties = await store.SuggestDocumentsAsync("doc", 2, None);
        var title = await store.SuggestDocumentsAsync("gamma reprot", 5, None);
        var none = await store.SuggestDocumentsAsync("nothing like it at all", 5, None);

        // Ranked by Core on the names, in the application, whatever order Neo4j gives the rows in.
        Assert.Equal([("doc-beta", "Beta Monitor"), ("doc-alpha", "Alpha Wire")], ties.Select(d => (d.Id, d.Publisher)));
        Assert.Equal(["doc-gamma"], title.Select(d => d.Id));
        Assert.Empty(none);
        Assert.Single(replay.Named("document-names"));
        Assert.Equal([["doc-beta", "doc-alpha"], ["doc-gamma"]], replay.Named("documents-by-ids").Select(r => r.Texts("ids")));
        Assert.Matches(@"RETURN d\.id AS id, d\.title AS title;?$", Assert.Single(replay.Named("document-names")).Statement);
    }

    [Fact]
    public async Task The_documents_names_are_kept_per_graph_so_after_an_import_an_unknown_id_reads_the_new_graphs()
    {
        // Preparing takes three stamps and the first suggestion's read two, all v-1; then an import lands (v-2).
        var replay = new StatementReplay();
        foreach (var stamp in new[] { "v-1", "v-1", "v-1", "v-1", "v-1", "v-2" })
        {
            replay.On("graph-stamp", ["version", "importedAt"], [Typed.S(stamp), Typed.S($"t-{stamp}")]);
        }

        replay
            .On("snapshot-predicates", ["type", "phrase", "builtIn"])
            .On("name-table", ["id", "name", "type", "aliases"])
            .On("document-names", ["id", "title"], Name("doc-old", "Old report"))
            .On("document-names", ["id", "title"], Name("doc-new", "New report"))
            .On("documents-by-ids", SummaryFields, Summary("doc-old", "Old report", "Wire"), Summary("doc-new", "New report", "Wire"));
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);

        var before = await store.SuggestDocumentsAsync("doc-olds", 5, None);
        var after = await store.SuggestDocumentsAsync("doc-news", 5, None);
        var again = await store.SuggestDocumentsAsync("New reprot", 5, None);

        Assert.Equal(["doc-old"], before.Select(d => d.Id));
        Assert.Equal(["doc-new"], after.Select(d => d.Id));
        Assert.Equal(["doc-new"], again.Select(d => d.Id));
        Assert.Equal(2, replay.Named("document-names").Count());
        Assert.All(replay.Named("document-names"), r => Assert.NotNull(r.Transaction));
    }

    [Fact]
    public async Task The_overviews_ranking_and_the_schema_are_read_once_per_graph_and_again_after_an_import()
    {
        // Preparing takes three stamps; then four reads of v-1 (two stamps each), and an import lands (v-2).
        var replay = new StatementReplay();
        foreach (var stamp in new[] { "v-1", "v-1", "v-1", "v-1", "v-1", "v-1", "v-1", "v-1", "v-1", "v-1", "v-1", "v-2" })
        {
            replay.On("graph-stamp", ["version", "importedAt"], [Typed.S(stamp), Typed.S($"t-{stamp}")]);
        }

        replay
            .On("snapshot-predicates", ["type", "phrase", "builtIn"])
            .On("name-table", ["id", "name", "type", "aliases"], [Typed.S("a"), Typed.S("A"), Typed.S("Person"), Typed.L()], [Typed.S("b"), Typed.S("B"), Typed.S("Person"), Typed.L()])
            .On("most-connected", ["id", "name", "type", "degree"], [Typed.S("a"), Typed.S("A"), Typed.S("Person"), Typed.I(2)], [Typed.S("b"), Typed.S("B"), Typed.S("Person"), Typed.I(1)])
            .On("most-connected", ["id", "name", "type", "degree"], [Typed.S("b"), Typed.S("B"), Typed.S("Person"), Typed.I(5)], [Typed.S("a"), Typed.S("A"), Typed.S("Person"), Typed.I(0)])
            .On("relationship-count", ["relationships"], [Typed.I(1)])
            .On("relationships-among", ["id"])
            .On("schema-entity-types", ["type", "count"], [Typed.S("Person"), Typed.I(2)])
            .On("schema-predicates", ["type", "phrase", "builtIn", "count"])
            .On("schema-counts", ["entities", "relationships", "documents", "citations", "mentions"], [Typed.I(2), Typed.I(1), Typed.I(0), Typed.I(0), Typed.I(0)]);
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);

        var first = await store.GetMostConnectedAsync(2, [], None);
        var top = await store.GetMostConnectedAsync(1, [], None);
        var schema = await store.GetSchemaAsync(None);
        var again = await store.GetSchemaAsync(None);
        var afterImport = await store.GetMostConnectedAsync(1, [], None);

        Assert.Equal([("a", 2), ("b", 1)], first.Nodes.Select(n => (n.Id, n.Degree)));
        Assert.Equal([("a", 2)], top.Nodes.Select(n => (n.Id, n.Degree)));
        Assert.Same(schema, again);
        Assert.Equal(("v-1", 2), (schema.GraphVersion, schema.Entities));
        Assert.Equal([("b", 5)], afterImport.Nodes.Select(n => (n.Id, n.Degree)));
        Assert.Equal("v-2", afterImport.GraphVersion);
        Assert.Equal(2, replay.Named("most-connected").Count());
        Assert.All(replay.Named("most-connected"), r => Assert.NotNull(r.Transaction));
        Assert.Single(replay.Named("schema-counts"));
        Assert.Single(replay.Named("schema-entity-types"));
    }

    private static readonly string[] SummaryFields = ["id", "title", "publisher", "author", "published", "url", "language", "length"];

    private static string[] Name(string id, string title) => [Typed.S(id), Typed.S(title)];

    private static string[] Summary(string id, string title, string publisher) =>
        [Typed.S(id), Typed.S(title), Typed.S(publisher), Typed.Null, Typed.S("2020"), Typed.Null, Typed.S("en"), Typed.I(100)];

    /// <summary>A replay that holds graph v-1 with the given rows of the name table, enough for CacheAsync.</summary>
    private static StatementReplay Loaded(params string[][] names) => new StatementReplay()
        .On("graph-stamp", ["version", "importedAt"], [Typed.S("v-1"), Typed.S("2026-12-01T00:00:00.0000000+00:00")])
        .On("snapshot-predicates", ["type", "phrase", "builtIn"])
        .On("name-table", ["id", "name", "type", "aliases"], names);

    private static string[] Span(string id, int start, int end) => [Typed.S(id), Typed.I(start), Typed.I(end)];

    private static string[] Document(int length, string text, string wholeText) =>
        [Typed.S("doc"), Typed.S("Doc"), Typed.S("Wire"), Typed.Null, Typed.S("2020"), Typed.Null, Typed.S("en"), Typed.I(length), text, wholeText];

    private static string[] Claim(string id, string type, string start, string end, params string[] citations) =>
    [
        Typed.S(id), Typed.S(type), Typed.S("met with"), Typed.S(start), Typed.S(end), Typed.F(0.9), Typed.I(1), Typed.B(false), Typed.Null, Typed.Null,
        Typed.L([.. citations.Select(c => Typed.M(("id", Typed.S(c)), ("quote", Typed.S("q")), ("start", Typed.I(0)), ("end", Typed.I(1)), ("stance", Typed.S("supports")), ("documentId", Typed.S("doc")), ("title", Typed.S("T")), ("publisher", Typed.S("P")), ("published", Typed.Null), ("url", Typed.Null)))]),
        Typed.I(1),
    ];
}
