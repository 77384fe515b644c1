using System.Net;
using System.Text.Json;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Api.Tests;

[Collection(SampleCorpusCollection.Name)]
public sealed class ResourceEndpointTests(SampleCorpusApi api)
{
    [Fact]
    public async Task Search_ranks_hits_best_first_and_pages_with_limit_and_offset()
    {
        var hits = await api.Server.GetJsonAsync<List<EntityHit>>("/api/entities?search=Ameri");
        Assert.Equal("hadi-al-ameri", hits[0].Id);
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));

        var all = await api.Server.GetJsonAsync<List<EntityHit>>("/api/entities?limit=100");
        var page = await api.Server.GetJsonAsync<List<EntityHit>>("/api/entities?limit=5&offset=5");
        Assert.Equal(all.Skip(5).Take(5).Select(h => h.Id), page.Select(h => h.Id));
    }

    [Fact]
    public async Task Search_filters_by_entity_type_case_insensitively()
    {
        var organizations = await api.Server.GetJsonAsync<List<EntityHit>>("/api/entities?type=organization&limit=100");
        Assert.NotEmpty(organizations);
        Assert.All(organizations, h => Assert.Equal(EntityType.Organization, h.Type));
    }

    [Fact]
    public async Task An_entity_shows_aliases_relationships_by_predicate_counts_and_mentioning_documents()
    {
        var entity = await api.Server.GetJsonAsync<EntityDetail>("/api/entities/qais-al-khazali");
        Assert.Equal("Qais al-Khazali", entity.Name);
        Assert.Contains("Khazali", entity.Aliases);
        Assert.NotEmpty(entity.RelationshipsByPredicate);
        Assert.All(entity.RelationshipsByPredicate, g => Assert.All(g.Value, r => Assert.Equal(g.Key, r.Relationship.Type)));
        Assert.True(entity.CitationCount > 0);
        Assert.True(entity.MentionCount > 0);
        Assert.NotEmpty(entity.MentionedIn);
        Assert.Equal(entity.RelationshipsByPredicate.ToDictionary(g => g.Key, g => g.Value.Count), entity.RelationshipCounts);
        Assert.False(entity.Truncated);
        Assert.Equal(
            entity.RelationshipsByPredicate.Values.SelectMany(list => list).SelectMany(r => r.Relationship.Citations).Select(c => c.Id).Distinct().Count(),
            entity.CitationCount);
    }

    [Fact]
    public async Task An_entity_page_lists_at_most_limit_of_each_predicate_after_offset_and_pages_cover_them_all()
    {
        var whole = await api.Server.GetJsonAsync<EntityDetail>("/api/entities/qais-al-khazali");
        var busiest = whole.RelationshipsByPredicate.MaxBy(g => g.Value.Count);
        Assert.True(busiest.Value.Count > 1, "the sample's Khazali has a predicate with several relationships");

        var pages = new List<EntityDetail>();
        for (var offset = 0; offset < busiest.Value.Count; offset++)
        {
            pages.Add(await api.Server.GetJsonAsync<EntityDetail>($"/api/entities/qais-al-khazali?limit=1&offset={offset}"));
        }

        Assert.All(pages, p => Assert.All(p.RelationshipsByPredicate.Values, list => Assert.Single(list)));
        Assert.All(pages, p => Assert.Equal(whole.RelationshipCounts, p.RelationshipCounts));
        Assert.All(pages, p => Assert.Equal(whole.CitationCount, p.CitationCount));
        Assert.True(pages[0].Truncated);
        Assert.False(pages[^1].Truncated);
        Assert.Equal(
            busiest.Value.Select(r => r.Relationship.Id),
            pages.Select(p => Assert.Single(p.RelationshipsByPredicate[busiest.Key]).Relationship.Id));
    }

    [Fact]
    public async Task A_neighborhood_holds_the_center_and_relationships_between_its_nodes()
    {
        var result = await api.Server.GetJsonAsync<NeighborhoodResult>("/api/entities/AAH/neighborhood?depth=1");
        Assert.Equal("asaib-ahl-al-haq", result.Center.Id);
        var ids = result.Nodes.Select(n => n.Id).ToHashSet();
        Assert.Contains("qais-al-khazali", ids);
        Assert.All(result.Relationships, r => Assert.True(ids.Contains(r.StartNodeId) && ids.Contains(r.EndNodeId)));

        var limited = await api.Server.GetJsonAsync<NeighborhoodResult>("/api/entities/AAH/neighborhood?depth=2&limit=3");
        Assert.True(limited.Nodes.Count <= 3);
    }

    [Fact]
    public async Task The_document_list_pages_in_id_order_and_its_pages_cover_every_document()
    {
        var whole = await api.Server.GetJsonAsync<List<DocumentSummary>>("/api/documents");
        var pages = new List<List<DocumentSummary>>();
        for (var offset = 0; offset < whole.Count; offset += 2)
        {
            pages.Add(await api.Server.GetJsonAsync<List<DocumentSummary>>($"/api/documents?limit=2&offset={offset}"));
        }

        Assert.Equal(whole.Select(d => d.Id).Order(StringComparer.Ordinal), whole.Select(d => d.Id));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(whole.Select(d => d.Id), pages.SelectMany(p => p).Select(d => d.Id));
        Assert.Empty(await api.Server.GetJsonAsync<List<DocumentSummary>>($"/api/documents?offset={whole.Count}"));
    }

    [Fact]
    public async Task Documents_list_their_metadata_and_a_document_its_text_and_spans()
    {
        var documents = await api.Server.GetJsonAsync<List<DocumentSummary>>("/api/documents");
        Assert.Equal(5, documents.Count);

        foreach (var summary in documents)
        {
            var document = await api.Server.GetJsonAsync<DocumentDetail>($"/api/documents/{summary.Id}");
            Assert.Equal(summary.Length, document.Text.Length);
            Assert.Equal(new TextRange(0, summary.Length), document.Range);
            Assert.NotEmpty(document.Mentions);
            Assert.All(document.Mentions.Concat(document.Citations), s => Assert.Equal(document.Text[s.Start..s.End], s.Text));
        }
    }

    [Fact]
    public async Task A_citation_shows_its_quote_document_offsets_and_the_relationships_it_supports()
    {
        var path = await api.Server.GetJsonAsync<PathResult>("/api/paths?from=Khazali&to=al-Ameri&k=1");
        var relationship = path.Paths[0].Relationships[0];
        var cited = relationship.Citations[0];

        var detail = await api.Server.GetJsonAsync<CitationDetail>($"/api/citations/{Uri.EscapeDataString(cited.Id)}");
        Assert.Equal(cited.Quote, detail.Citation.Quote);
        Assert.Equal(cited.DocumentId, detail.Citation.DocumentId);
        Assert.True(detail.Citation.End > detail.Citation.Start);
        Assert.Contains(detail.Relationships, r => r.Id == relationship.Id);
    }

    [Fact]
    public async Task The_schema_counts_what_the_graph_holds_with_predicate_phrases()
    {
        var schema = await api.Server.GetJsonAsync<GraphSchema>("/api/schema");
        Assert.Equal(38, schema.Entities);
        Assert.Equal(5, schema.Documents);
        Assert.Equal(schema.Entities, schema.EntityTypes.Sum(t => t.Count));
        Assert.Equal(schema.Relationships, schema.Predicates.Sum(p => p.Count));
        Assert.Contains(schema.Predicates, p => p is { Type: "LEADS", Phrase: "leads" });
    }

    [Fact]
    public async Task Liveness_and_readiness_are_healthy_once_the_graph_is_loaded()
    {
        using var live = await api.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        using var ready = await api.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("graph-store", body.GetProperty("checks")[0].GetProperty("name").GetString());
    }
}
