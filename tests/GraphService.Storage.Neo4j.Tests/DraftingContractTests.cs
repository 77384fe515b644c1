namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// GET /api/documents/{id}/suggestions on Neo4j: drafting reads one document, every entity and the claims among the
/// entities the document mentions, in one version-checked transaction, never the whole graph.
/// </summary>
public sealed class DraftingContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Drafting_reads_the_document_the_entities_and_the_claims_among_the_mentioned_in_one_checked_transaction()
    {
        var replay = Graph()
            .On("drafting-document", ["id", "title", "publisher", "author", "published", "url", "language", "text", "mentioned"],
                [Typed.S("doc"), Typed.S("Doc"), Typed.S("Wire"), Typed.Null, Typed.S("2020"), Typed.Null, Typed.S("en"), Typed.S("Hadi met Qais."), Typed.L(Typed.S("qais"), Typed.S("hadi"), Typed.S("qais"))])
            .On("drafting-claims", ["startId", "type", "endId"], [Typed.S("hadi"), Typed.S("MET_WITH"), Typed.S("qais")]);
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);
        var before = replay.Requests.Count;

        var source = await store.GetDraftingSourceAsync("doc", None);

        Assert.NotNull(source);
        Assert.Equal(("v-1", "doc", "Hadi met Qais."), (source.GraphVersion, source.Document.Id, source.Document.Body));
        Assert.Equal(["qais", "hadi", "aah"], source.Entities.Select(e => e.Id));
        Assert.Equal(["Q"], source.Entities[0].Aliases);
        Assert.All(source.Entities, e => Assert.Null(e.Description));
        Assert.Equal(new Core.Store.ClaimTriple("hadi", "MET_WITH", "qais"), Assert.Single(source.Claims));
        Assert.Equal(["hadi", "qais"], replay.Named("drafting-claims").Single().Parameters.GetProperty("ids").GetProperty("_value").EnumerateArray().Select(v => v.GetProperty("_value").GetString()));
        Assert.Equal("doc", replay.Named("drafting-document").Single().Text("id"));
        var sent = replay.Requests.Skip(before).ToList();
        Assert.Single(sent.Select(r => r.Transaction).Distinct());
        Assert.Equal(("graph-stamp", TxStep.Open), (sent[0].Name, sent[0].Step));
        Assert.Equal(("graph-stamp", TxStep.Commit), (sent[^1].Name, sent[^1].Step));
        Assert.DoesNotContain(sent, r => r.Name is "snapshot-claims" or "snapshot-documents" or "snapshot-mentions" or "snapshot-predicates");
    }

    [Fact]
    public async Task An_unknown_document_is_null_and_reads_nothing_more()
    {
        var replay = Graph().On("drafting-document", ["id", "title", "publisher", "author", "published", "url", "language", "text", "mentioned"]);
        var store = StoreContractTests.Store(replay);

        Assert.Null(await store.GetDraftingSourceAsync("nope", None));
        Assert.Empty(replay.Named("snapshot-entities"));
        Assert.Empty(replay.Named("drafting-claims"));
    }

    [Fact]
    public async Task A_document_that_mentions_no_entity_asks_for_no_claims()
    {
        var replay = Graph().On("drafting-document", ["id", "title", "publisher", "author", "published", "url", "language", "text", "mentioned"],
            [Typed.S("doc"), Typed.S("Doc"), Typed.S("Wire"), Typed.Null, Typed.Null, Typed.Null, Typed.Null, Typed.S("Nobody here."), Typed.L()]);

        var source = await StoreContractTests.Store(replay).GetDraftingSourceAsync("doc", None);

        Assert.Empty(source!.Claims);
        Assert.Equal(3, source.Entities.Count);
        Assert.Empty(replay.Named("drafting-claims"));
    }

    private static StatementReplay Graph()
    {
        string[] Entity(string id, string name, string type, params string[] aliases) => [Typed.S(id), Typed.S(type), Typed.S(name), Typed.L(aliases), Typed.S("described")];
        return new StatementReplay()
            .On("graph-stamp", ["version", "importedAt"], [Typed.S("v-1"), Typed.S("t1")])
            .On("snapshot-predicates", ["type", "phrase", "builtIn"])
            .On("name-table", ["id", "name", "type", "aliases"], [Typed.S("qais"), Typed.S("Qais"), Typed.S("Person"), Typed.L()])
            .On("snapshot-entities", ["id", "type", "name", "aliases", "description"], Entity("qais", "Qais", "Person", Typed.S("Q")), Entity("hadi", "Hadi", "Person"), Entity("aah", "AAH", "Organization"));
    }
}
