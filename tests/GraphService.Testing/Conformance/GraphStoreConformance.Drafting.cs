using GraphService.Core.Domain;
using GraphService.Core.Queries;
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
    public async Task Drafting_reads_the_document_its_mentions_the_entities_they_name_and_the_claims_among_them(string documentId)
    {
        var source = await Store.GetDraftingSourceAsync(documentId, None);

        Assert.NotNull(source);
        Assert.Equal(Graph.Version, source.GraphVersion);
        Assert.Equal(Graph.Documents.Single(d => d.Id == documentId), source.Document);
        var mentions = MentionsOf(documentId);
        Assert.Equal(mentions, source.Mentions);
        var mentioned = mentions.Select(m => m.EntityId).ToHashSet();
        Assert.Equal(
            Graph.Entities.Where(e => mentioned.Contains(e.Id)).Select(e => (e.Id, e.Name, e.Type)).OrderBy(e => e.Id, StringComparer.Ordinal),
            source.Entities.Select(e => (e.Id, e.Name, e.Type)));
        Assert.Equal(
            Graph.Relationships.Where(r => mentioned.Contains(r.StartId) && mentioned.Contains(r.EndId)).Select(r => new ClaimTriple(r.StartId, r.Type, r.EndId)).ToHashSet(),
            source.Claims.ToHashSet());
    }

    [SkippableFact]
    public async Task Drafting_is_told_which_name_keys_are_an_entitys_name_or_alias_and_an_id_alone_is_not_one()
    {
        var source = await Store.GetDraftingSourceAsync(Graph.Documents[0].Id, None);

        Assert.NotNull(source);
        var names = Graph.Entities.SelectMany(e => e.Aliases.Prepend(e.Name)).Select(NameKey.Normalize).ToHashSet(StringComparer.Ordinal);
        Assert.All(names, key => Assert.True(source.Names.NamesAnEntity(key), key));
        var idsOnly = Graph.Entities.Select(e => NameKey.Normalize(e.Id)).Where(key => !names.Contains(key)).ToList();
        Assert.NotEmpty(idsOnly);
        Assert.All(idsOnly, key => Assert.False(source.Names.NamesAnEntity(key), key));
        Assert.False(source.Names.NamesAnEntity("no entity is called this"));
    }

    [SkippableTheory]
    [MemberData(nameof(DocumentIds))]
    public async Task Drafting_from_what_the_store_reads_suggests_what_drafting_from_the_whole_graph_does_with_the_same_mentions(string documentId)
    {
        var source = await Store.GetDraftingSourceAsync(documentId, None);

        var document = Graph.Documents.Single(d => d.Id == documentId);
        var fromWholeGraph = new ClaimSuggester(Graph.Entities, Graph.Relationships.Select(r => (r.StartId, r.Type, r.EndId)))
            .Suggest(documentId, document.Body, Graph.Version, MentionsOf(documentId));
        Assert.Equal(GraphJson.Serialize(fromWholeGraph), GraphJson.Serialize(ClaimSuggester.ForSource(source!)));
    }

    // The graph's mentions of a document in document order, as a store lists them.
    private static List<Mention> MentionsOf(string documentId) =>
        [.. Graph.Mentions.Where(m => m.DocumentId == documentId).OrderBy(m => m.Start).ThenBy(m => m.End).ThenBy(m => m.EntityId, StringComparer.Ordinal)];

    [SkippableFact]
    public async Task Drafting_an_unknown_document_reads_nothing()
    {
        Assert.Null(await Store.GetDraftingSourceAsync("no-such-document", None));
    }
}
