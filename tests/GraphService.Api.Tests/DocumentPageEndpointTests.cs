using System.Net;
using System.Text.Json;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using GraphService.Core.Queries;
using GraphService.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Api.Tests;

/// <summary>GET /api/documents/{id} in pages, its parameters validated like every other endpoint's, and health answers that name no path.</summary>
[Collection(SampleCorpusCollection.Name)]
public sealed class DocumentPageEndpointTests(SampleCorpusApi api)
{
    [Fact]
    public async Task A_page_holds_the_asked_range_the_total_length_and_the_spans_that_start_in_it()
    {
        var summary = (await api.Server.GetJsonAsync<List<DocumentSummary>>("/api/documents")).MaxBy(d => d.Length)!;
        var whole = await api.Server.GetJsonAsync<DocumentDetail>($"/api/documents/{summary.Id}");

        var page = await api.Server.GetJsonAsync<DocumentDetail>($"/api/documents/{summary.Id}?offset=1000&length=500&mentionLimit=3");

        Assert.Equal(new TextRange(0, summary.Length), whole.Range);
        Assert.Equal(new TextRange(1000, 500), page.Range);
        Assert.Equal(summary.Length, page.Document.Length);
        Assert.Equal(whole.Text.Substring(1000, 500), page.Text);
        var inRange = whole.Mentions.Where(m => m.Start is >= 1000 and < 1500).ToList();
        Assert.Equal(inRange.Take(3), page.Mentions);
        Assert.Equal(inRange.Count > 3, page.MoreMentions);
        Assert.Equal(whole.Citations.Where(c => c.Start is >= 1000 and < 1500), page.Citations);
    }

    [Theory]
    [InlineData("offset=-1", "offset")]
    [InlineData("length=0", "length")]
    [InlineData("length=200001", "length")]
    [InlineData("mentionLimit=5001", "mentionLimit")]
    [InlineData("offset=ten", "offset")]
    [InlineData("offset=99999999", "offset")]
    public async Task A_parameter_out_of_range_is_a_400_problem_that_names_it(string query, string parameter)
    {
        var documents = await api.Server.GetJsonAsync<List<DocumentSummary>>("/api/documents");

        using var response = await api.Client.GetAsync($"/api/documents/{documents[0].Id}?{query}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidParameter);
        Assert.Contains(parameter, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offset_past_the_end_says_how_long_the_document_is()
    {
        var document = (await api.Server.GetJsonAsync<List<DocumentSummary>>("/api/documents"))[0];

        using var response = await api.Client.GetAsync($"/api/documents/{document.Id}?offset={document.Length}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidParameter);
        Assert.Contains($"{document.Length} characters", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_document_is_a_404_that_offers_the_closest_documents()
    {
        var document = (await api.Server.GetJsonAsync<List<DocumentSummary>>("/api/documents"))[0];

        using var response = await api.Client.GetAsync($"/api/documents/{document.Id}x");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ProblemTypes.UnknownDocument);
        Assert.Equal(document.Id, problem.GetProperty("suggestions")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Readiness_of_an_empty_store_is_a_503_that_names_no_file_path()
    {
        await using var server = await ApiServer.StartAsync();
        var storePath = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.GraphOptions>>().Value.StorePath;

        using var response = await server.Client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("holds no graph yet", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(storePath)!, body, StringComparison.Ordinal);
        Assert.DoesNotContain(".db", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_once_ready_names_no_file_path_either()
    {
        using var response = await api.Client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("holds graph sha256:", JsonDocument.Parse(body).RootElement.GetProperty("checks")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), body, StringComparison.Ordinal);
        Assert.DoesNotContain(".db", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_up_import_that_fails_leaves_the_host_running_and_readiness_gives_the_reason()
    {
        using var temp = new TempDirectory();
        var corpus = temp.CopyFrom(RepositoryPaths.SampleCorpus, "corpus");
        await File.WriteAllTextAsync(Path.Combine(corpus, "entities.yaml"), "- id: [unclosed\n");
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Graph:ImportOnStart"] = corpus });

        var body = "";
        for (var attempt = 0; attempt < 100 && !body.Contains("start-up import failed", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            using var response = await server.Client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            body = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("start-up import failed", body, StringComparison.Ordinal);
        Assert.DoesNotContain(temp.Path, body, StringComparison.Ordinal);
        using var live = await server.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
