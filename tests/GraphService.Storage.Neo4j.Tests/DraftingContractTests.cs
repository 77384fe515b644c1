using GraphService.Core.Domain;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// GET /api/documents/{id}/suggestions on Neo4j: drafting reads one document, its mentions and the claims among the
/// entities they name, in one version-checked transaction; the entities and their names come from the graph's cache, so
/// nothing that grows with the graph is read.
/// </summary>
public sealed class DraftingContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Drafting_reads_the_document_its_mentions_and_the_claims_among_the_mentioned_in_one_checked_transaction()
    {
        var replay = Graph()
            .On("drafting-document", ["id", "title", "publisher", "author", "published", "url", "language", "text"],
                [Typed.S("doc"), Typed.S("Doc"), Typed.S("Wire"), Typed.Null, Typed.S("2020"), Typed.Null, Typed.S("en"), Typed.S("Hadi met Qais. Qais left.")])
            .On("document-mentions", ["entityId", "start", "end"],
                [Typed.S("hadi"), Typed.I(0), Typed.I(4)], [Typed.S("qais"), Typed.I(9), Typed.I(13)], [Typed.S("qais"), Typed.I(15), Typed.I(19)])
            .On("drafting-claims", ["startId", "type", "endId"], [Typed.S("hadi"), Typed.S("MET_WITH"), Typed.S("qais")]);
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);
        var before = replay.Requests.Count;

        var source = await store.GetDraftingSourceAsync("doc", None);

        Assert.NotNull(source);
        Assert.Equal(("v-1", "doc", "Hadi met Qais. Qais left."), (source.GraphVersion, source.Document.Id, source.Document.Body));
        Assert.Equal([new Mention("hadi", "doc", 0, 4), new Mention("qais", "doc", 9, 13), new Mention("qais", "doc", 15, 19)], source.Mentions);
        Assert.Equal([("hadi", "Hadi", EntityType.Person), ("qais", "Qais", EntityType.Person)], source.Entities.Select(e => (e.Id, e.Name, e.Type)));
        Assert.Equal(new Core.Store.ClaimTriple("hadi", "MET_WITH", "qais"), Assert.Single(source.Claims));
        Assert.True(source.Names.NamesAnEntity("q"));
        Assert.False(source.Names.NamesAnEntity("aah"));
        var mentionsAsked = replay.Named("document-mentions").Single();
        Assert.Equal(("doc", 0L, (long)int.MaxValue), (mentionsAsked.Text("id"), mentionsAsked.Integer("start"), mentionsAsked.Integer("end")));
        Assert.Equal(["hadi", "qais"], replay.Named("drafting-claims").Single().Parameters.GetProperty("ids").GetProperty("_value").EnumerateArray().Select(v => v.GetProperty("_value").GetString()));
        Assert.Equal("doc", replay.Named("drafting-document").Single().Text("id"));
        var sent = replay.Requests.Skip(before).ToList();
        Assert.Single(sent.Select(r => r.Transaction).Distinct());
        Assert.Equal(("graph-stamp", TxStep.Open), (sent[0].Name, sent[0].Step));
        Assert.Equal(("graph-stamp", TxStep.Commit), (sent[^1].Name, sent[^1].Step));
        Assert.DoesNotContain(sent, r => r.Name is "snapshot-entities" or "snapshot-claims" or "snapshot-documents" or "snapshot-mentions" or "snapshot-predicates");
    }

    [Fact]
    public async Task An_unknown_document_is_null_and_reads_nothing_more()
    {
        var replay = Graph().On("drafting-document", ["id", "title", "publisher", "author", "published", "url", "language", "text"]);
        var store = StoreContractTests.Store(replay);

        Assert.Null(await store.GetDraftingSourceAsync("nope", None));
        Assert.Empty(replay.Named("document-mentions"));
        Assert.Empty(replay.Named("drafting-claims"));
    }

    [Fact]
    public async Task A_document_that_mentions_no_entity_asks_for_no_claims()
    {
        var replay = Graph()
            .On("drafting-document", ["id", "title", "publisher", "author", "published", "url", "language", "text"],
                [Typed.S("doc"), Typed.S("Doc"), Typed.S("Wire"), Typed.Null, Typed.Null, Typed.Null, Typed.Null, Typed.S("Nobody here.")])
            .On("document-mentions", ["entityId", "start", "end"]);

        var source = await StoreContractTests.Store(replay).GetDraftingSourceAsync("doc", None);

        Assert.Empty(source!.Mentions);
        Assert.Empty(source.Entities);
        Assert.Empty(source.Claims);
        Assert.Empty(replay.Named("drafting-claims"));
    }

    private static StatementReplay Graph() => new StatementReplay()
        .On("graph-stamp", ["version", "importedAt"], [Typed.S("v-1"), Typed.S("t1")])
        .On("snapshot-predicates", ["type", "phrase", "builtIn"])
        .On("name-table", ["id", "name", "type", "aliases"],
            [Typed.S("qais"), Typed.S("Qais"), Typed.S("Person"), Typed.L(Typed.S("Q"))],
            [Typed.S("hadi"), Typed.S("Hadi"), Typed.S("Person"), Typed.L()],
            [Typed.S("aah"), Typed.S("Asaib Ahl al-Haq"), Typed.S("Organization"), Typed.L()]);
}
