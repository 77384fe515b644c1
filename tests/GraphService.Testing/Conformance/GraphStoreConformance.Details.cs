using GraphService.Core.Domain;
using GraphService.Core.Queries;
using Xunit;
using static GraphService.Testing.Conformance.ConformanceGraph;

namespace GraphService.Testing.Conformance;

/// <summary>Entity, document list, citation and schema answers of every backend.</summary>
public abstract partial class GraphStoreConformance
{
    [SkippableFact]
    public async Task Entity_detail_groups_relationships_by_predicate_seen_from_the_entity_strongest_first()
    {
        var detail = await Store.GetEntityAsync(new EntityQuery(Suleimani), None);

        Assert.NotNull(detail);
        Assert.Equal("Qasem Suleimani", detail.Name);
        Assert.Equal(EntityType.Person, detail.Type);
        Assert.Equal(["Suleimani", "Qāsem Soleimānī"], detail.Aliases);
        Assert.Equal("Commander of the Quds Force.", detail.Description);
        Assert.Equal(["COMMANDS", "MET_WITH"], detail.RelationshipsByPredicate.Keys.Order(StringComparer.Ordinal));
        var commands = Assert.Single(detail.RelationshipsByPredicate["COMMANDS"]);
        Assert.Equal(("out", QudsForce, "r01"), (commands.Direction, commands.Other.Id, commands.Relationship.Id));
        // r10 has two publishers behind it, r09 one.
        Assert.Equal(
            [("in", Ameri, "r10"), ("in", Ameri, "r09")],
            detail.RelationshipsByPredicate["MET_WITH"].Select(r => (r.Direction, r.Other.Id, r.Relationship.Id)));
        Assert.Equal(new Dictionary<string, int> { ["COMMANDS"] = 1, ["MET_WITH"] = 2 }, detail.RelationshipCounts);
        Assert.False(detail.Truncated);
        Assert.Equal(6, detail.CitationCount);
        Assert.Equal(Graph.Mentions.Count(m => m.EntityId == Suleimani), detail.MentionCount);
        Assert.Equal(
            Graph.Mentions.Where(m => m.EntityId == Suleimani).Select(m => m.DocumentId).Distinct().Order(StringComparer.Ordinal),
            detail.MentionedIn.Select(d => d.Id));
        Assert.Equal(detail.MentionedIn.Count, detail.MentionedInCount);
        Assert.Equal(Graph.Version, detail.GraphVersion);
    }

    [SkippableFact]
    public async Task Entity_detail_lists_a_page_of_the_documents_that_mention_it_and_counts_them_all()
    {
        var mentioning = Graph.Mentions.Where(m => m.EntityId == Suleimani).Select(m => m.DocumentId).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(mentioning.Count > 1, "the conformance graph mentions Suleimani in several documents");

        var pages = new List<EntityDetail>();
        for (var offset = 0; offset <= mentioning.Count; offset++)
        {
            pages.Add((await Store.GetEntityAsync(new EntityQuery(Suleimani) { DocumentLimit = 1, DocumentOffset = offset }, None))!);
        }

        var none = await Store.GetEntityAsync(new EntityQuery(Suleimani) { DocumentLimit = 0 }, None);

        Assert.Equal(mentioning, pages.SelectMany(p => p.MentionedIn).Select(d => d.Id));
        Assert.Empty(pages[^1].MentionedIn);
        Assert.Empty(none!.MentionedIn);
        Assert.All(pages.Append(none), p => Assert.Equal(
            (mentioning.Count, Graph.Mentions.Count(m => m.EntityId == Suleimani), 6),
            (p.MentionedInCount, p.MentionCount, p.CitationCount)));
    }

    [SkippableFact]
    public async Task Entity_detail_of_a_disconnected_entity_has_no_relationships()
    {
        var detail = await Store.GetEntityAsync(new EntityQuery(LonelyIsland), None);

        Assert.NotNull(detail);
        Assert.Empty(detail.RelationshipsByPredicate);
        Assert.Empty(detail.RelationshipCounts);
        Assert.False(detail.Truncated);
        Assert.Equal(0, detail.CitationCount);
        Assert.Equal(0, detail.MentionCount);
        Assert.Empty(detail.MentionedIn);
        Assert.Equal(0, detail.MentionedInCount);
    }

    [SkippableFact]
    public async Task Entity_detail_of_an_unknown_id_is_null()
    {
        Assert.Null(await Store.GetEntityAsync(new EntityQuery("no-such-entity"), None));
    }

    [SkippableFact]
    public async Task Entity_detail_lists_a_page_of_each_predicate_and_counts_them_all()
    {
        var first = await Store.GetEntityAsync(new EntityQuery(Suleimani) { Limit = 1 }, None);
        var second = await Store.GetEntityAsync(new EntityQuery(Suleimani) { Limit = 1, Offset = 1 }, None);
        var past = await Store.GetEntityAsync(new EntityQuery(Suleimani) { Offset = 5 }, None);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotNull(past);
        Assert.Equal(["r01"], first.RelationshipsByPredicate["COMMANDS"].Select(r => r.Relationship.Id));
        Assert.Equal(["r10"], first.RelationshipsByPredicate["MET_WITH"].Select(r => r.Relationship.Id));
        Assert.True(first.Truncated);
        Assert.Equal(["MET_WITH"], second.RelationshipsByPredicate.Keys);
        Assert.Equal(["r09"], second.RelationshipsByPredicate["MET_WITH"].Select(r => r.Relationship.Id));
        Assert.False(second.Truncated);
        Assert.Empty(past.RelationshipsByPredicate);
        Assert.False(past.Truncated);

        // The counts and the citation count are the entity's, whichever page is asked for.
        foreach (var page in new[] { first, second, past })
        {
            Assert.Equal(new Dictionary<string, int> { ["COMMANDS"] = 1, ["MET_WITH"] = 2 }, page.RelationshipCounts);
            Assert.Equal(6, page.CitationCount);
        }
    }

    [SkippableFact]
    public async Task Entity_detail_planned_from_a_name_is_the_detail_of_the_entity_it_resolves_to()
    {
        var byId = await Store.GetEntityAsync(new EntityQuery(Suleimani), None);

        var byName = await Store.GetEntityAsync(
            names => names.Resolve("qasem soleimani") is Resolution.Resolved resolved ? new EntityQuery(resolved.Entity.Id) : null, None);

        Assert.NotNull(byId);
        Assert.NotNull(byName);
        Assert.Equal(Suleimani, byName.Id);
        Assert.Equal(byId.GraphVersion, byName.GraphVersion);
        Assert.Equal(byId.CitationCount, byName.CitationCount);
        Assert.Equal(byId.MentionedIn.Select(d => d.Id), byName.MentionedIn.Select(d => d.Id));
    }

    [SkippableFact]
    public async Task Entity_detail_whose_plan_answers_nothing_or_an_unknown_id_is_null()
    {
        Assert.Null(await Store.GetEntityAsync(_ => null, None));
        Assert.Null(await Store.GetEntityAsync(_ => new EntityQuery("no-such-entity"), None));
    }

    [SkippableFact]
    public async Task Documents_are_listed_by_id_with_their_bibliographic_data()
    {
        var documents = await Store.ListDocumentsAsync(new DocumentListQuery(), None);

        Assert.Equal([AlphaDocument, BetaDocument, GammaDocument], documents.Select(d => d.Id));
        var gamma = documents[2];
        Assert.Equal(("Gamma report", "Gamma Review", "G. Author", "2022-05-17", "https://gamma.example/r", (string?)null), (gamma.Title, gamma.Publisher, gamma.Author, gamma.Published, gamma.Url, gamma.Language));
        Assert.Equal(Graph.Documents[2].Body.Length, gamma.Length);
    }

    [SkippableFact]
    public async Task The_document_list_comes_a_page_at_a_time_in_id_order()
    {
        var all = (await Store.ListDocumentsAsync(new DocumentListQuery { Limit = QueryLimits.DocumentListLimit.Max }, None)).Select(d => d.Id).ToList();
        var pages = new List<IReadOnlyList<string>>();
        for (var offset = 0; offset <= all.Count; offset += 2)
        {
            pages.Add([.. (await Store.ListDocumentsAsync(new DocumentListQuery { Offset = offset, Limit = 2 }, None)).Select(d => d.Id)]);
        }

        Assert.Equal([AlphaDocument, BetaDocument, GammaDocument], all);
        Assert.Equal([[AlphaDocument, BetaDocument], [GammaDocument]], pages);
        Assert.Equal([BetaDocument], (await Store.ListDocumentsAsync(new DocumentListQuery { Offset = 1, Limit = 1 }, None)).Select(d => d.Id));
        Assert.Empty(await Store.ListDocumentsAsync(new DocumentListQuery { Offset = int.MaxValue, Limit = 1 }, None));
    }

    [SkippableFact]
    public async Task A_citation_lists_every_relationship_it_supports()
    {
        var detail = await Store.GetCitationAsync(SharedCitation, None);

        Assert.NotNull(detail);
        Assert.Equal(["r04", "r06"], detail.Relationships.Select(r => r.Id));
        Assert.Equal("Alpha Wire", detail.Citation.Publisher);
        Assert.Equal("Hadi al-Ameri leads the Badr Organization, a member of the Central Hub Council.", detail.Citation.Quote);
        Assert.Equal(Stance.Supports, detail.Citation.Stance);
    }

    [SkippableFact]
    public async Task A_disputing_citation_says_so()
    {
        var detail = await Store.GetCitationAsync("c-r11-disputed", None);

        Assert.NotNull(detail);
        Assert.Equal(Stance.Disputes, detail.Citation.Stance);
        Assert.Equal(["r11"], detail.Relationships.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task An_unknown_citation_is_null()
    {
        Assert.Null(await Store.GetCitationAsync("no-such-citation", None));
    }

    [SkippableFact]
    public async Task Schema_counts_entities_per_type_and_relationships_per_predicate()
    {
        var schema = await Store.GetSchemaAsync(None);

        Assert.Equal(Graph.Entities.Count, schema.Entities);
        Assert.Equal(Graph.Relationships.Count, schema.Relationships);
        Assert.Equal(Graph.Documents.Count, schema.Documents);
        Assert.Equal(Graph.Relationships.SelectMany(r => r.Citations).Select(c => c.Id).Distinct().Count(), schema.Citations);
        Assert.Equal(Graph.Mentions.Count, schema.Mentions);
        Assert.Equal([new TypeCount("Event", 1), new TypeCount("Organization", 5), new TypeCount("Person", 6), new TypeCount("Place", 2)], schema.EntityTypes);
        Assert.Equal(new PredicateCount("MEMBER_OF", "is a member of", true, 5), schema.Predicates.Single(p => p.Type == "MEMBER_OF"));
        Assert.Equal(new PredicateCount(UnusedPredicate, "is sheltered by", false, 0), schema.Predicates.Single(p => p.Type == UnusedPredicate));
        Assert.Equal(Graph.Relationships.Count, schema.Predicates.Sum(p => p.Count));
        Assert.Equal(schema.Predicates.OrderBy(p => p.Type, StringComparer.Ordinal), schema.Predicates);
    }

    [SkippableFact]
    public async Task The_vocabulary_admits_the_built_ins_and_the_corpus_predicates_and_lists_the_schemas_types()
    {
        var vocabulary = await Store.GetVocabularyAsync(None);
        var schema = await Store.GetSchemaAsync(None);

        Assert.True(vocabulary.Contains(UnusedPredicate));
        Assert.Equal("is sheltered by", vocabulary.PhraseOf(UnusedPredicate));
        Assert.All(PredicateVocabulary.BuiltIns, p => Assert.True(vocabulary.Contains(p.Type), p.Type));
        Assert.False(vocabulary.Contains("SHELTERED"));
        Assert.Equal(
            PredicateVocabulary.BuiltIns.Select(p => p.Type).Union(schema.Predicates.Select(p => p.Type)).Order(StringComparer.Ordinal),
            vocabulary.All.Select(p => p.Type));
    }
}
