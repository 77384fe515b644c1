using GraphService.Core.Serialization;
using GraphService.Core.Store;
using GraphService.Corpus.Drafting;
using Xunit;
using static GraphService.Testing.Conformance.ConformanceGraph;

namespace GraphService.Testing.Conformance;

/// <summary>What every backend reads for drafting claims from one document, and that drafting from it answers as from the whole graph.</summary>
public abstract partial class GraphStoreConformance
{
    public static TheoryData<string> DocumentIds => [.. Snapshot.Documents.Select(d => d.Id)];

    [SkippableTheory]
    [MemberData(nameof(DocumentIds))]
    public async Task Drafting_reads_the_document_every_entity_in_order_and_the_claims_among_the_entities_it_mentions(string documentId)
    {
        var source = await Store.GetDraftingSourceAsync(documentId, None);

        Assert.NotNull(source);
        Assert.Equal(Graph.Version, source.GraphVersion);
        Assert.Equal(Graph.Documents.Single(d => d.Id == documentId), source.Document);
        Assert.Equal(
            Graph.Entities.Select(e => (e.Id, e.Type, e.Name, string.Join("|", e.Aliases))),
            source.Entities.Select(e => (e.Id, e.Type, e.Name, string.Join("|", e.Aliases))));
        var mentioned = Graph.Mentions.Where(m => m.DocumentId == documentId).Select(m => m.EntityId).ToHashSet();
        Assert.Equal(
            Graph.Relationships.Where(r => mentioned.Contains(r.StartId) && mentioned.Contains(r.EndId)).Select(r => new ClaimTriple(r.StartId, r.Type, r.EndId)).ToHashSet(),
            source.Claims.ToHashSet());
    }

    [SkippableTheory]
    [MemberData(nameof(DocumentIds))]
    public async Task Drafting_from_what_the_store_reads_suggests_what_drafting_from_the_whole_graph_does(string documentId)
    {
        var source = await Store.GetDraftingSourceAsync(documentId, None);

        var fromWholeGraph = ClaimSuggester.ForSnapshot(Graph, Graph.Documents.Single(d => d.Id == documentId));
        Assert.Equal(GraphJson.Serialize(fromWholeGraph), GraphJson.Serialize(ClaimSuggester.ForSource(source!)));
    }

    [SkippableFact]
    public async Task Drafting_an_unknown_document_reads_nothing()
    {
        Assert.Null(await Store.GetDraftingSourceAsync("no-such-document", None));
    }
}
