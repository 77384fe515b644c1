using System.Net;
using System.Text.Json;
using GraphService.Api.Tests.Support;
using System.Text.Json.Nodes;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Core.Store;
using GraphService.Corpus.Drafting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Api.Tests;

/// <summary>GET /api/documents/{id}/suggestions: drafted claims for one stored document, in the documented shape (docs/drafting.md).</summary>
[Collection(SampleCorpusCollection.Name)]
public sealed class SuggestionEndpointTests(SampleCorpusApi api)
{
    [Fact]
    public async Task Suggestions_have_the_documented_shape_and_quote_the_document_at_their_offsets()
    {
        var document = await api.Server.GetJsonAsync<DocumentDetail>("/api/documents/wapo-khazali-interrogations");
        using var response = await api.Client.GetAsync("/api/documents/wapo-khazali-interrogations/suggestions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("wapo-khazali-interrogations", root.GetProperty("documentId").GetString());
        Assert.StartsWith("sha256:", root.GetProperty("graphVersion").GetString(), StringComparison.Ordinal);
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.NotEmpty(claims);
        foreach (var claim in claims)
        {
            Assert.Equal(
                ["cue", "document", "end", "existing", "object", "predicate", "quote", "score", "start", "subject"],
                claim.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            var (start, end) = (claim.GetProperty("start").GetInt32(), claim.GetProperty("end").GetInt32());
            Assert.Equal(document.Text[start..end], claim.GetProperty("quote").GetString());
            Assert.Equal("wapo-khazali-interrogations", claim.GetProperty("document").GetString());
        }

        // The sample corpus already holds "Qais al-Khazali leads Asaib Ahl al-Haq", cited from this document.
        Assert.Contains(claims, c =>
            c.GetProperty("subject").GetString() == "qais-al-khazali" && c.GetProperty("predicate").GetString() == "LEADS" &&
            c.GetProperty("object").GetString() == "asaib-ahl-al-haq" && c.GetProperty("existing").GetBoolean());
        Assert.All(root.GetProperty("newEntities").EnumerateArray(), e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("name").GetString()));
            Assert.True(e.GetProperty("mentions").GetArrayLength() >= 2);
        });
    }

    [Fact]
    public async Task Every_documents_suggestions_are_what_drafting_from_the_whole_stored_graph_gives()
    {
        var snapshot = await api.Server.Services.GetRequiredService<IGraphStore>().ReadSnapshotAsync(CancellationToken.None);

        Assert.NotNull(snapshot);
        Assert.NotEmpty(snapshot.Documents);
        foreach (var document in snapshot.Documents)
        {
            using var response = await api.Client.GetAsync($"/api/documents/{document.Id}/suggestions");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var expected = JsonSerializer.Serialize(ClaimSuggester.ForSnapshot(snapshot, document), GraphJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString());
        }
    }

    [Fact]
    public async Task An_unknown_document_is_a_404_unknown_document_problem()
    {
        using var response = await api.Client.GetAsync("/api/documents/wapo-khazali/suggestions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://graphservice.dev/problems/unknown-document", json.RootElement.GetProperty("type").GetString());
    }
}
