using System.Net;
using System.Net.Http.Headers;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using GraphService.Reports;

namespace GraphService.Api.Tests;

[Collection(SampleCorpusCollection.Name)]
public sealed class ReportFormatTests(SampleCorpusApi api)
{
    private const string Paths = "/api/paths?from=Khazali&to=al-Ameri&k=2";

    public static TheoryData<string> FormatNames => [.. ReportFormats.Supported];

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task Format_names_a_report_of_the_paths_in_its_media_type(string name)
    {
        Assert.True(ReportFormats.TryParse(name, out var format));
        using var response = await api.Client.GetAsync($"{Paths}&format={name}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(ReportFormats.MediaTypeOf(format), response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("khazali", body, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(await api.Client.GetStringAsync(Paths), body);
    }

    [Theory]
    [InlineData("text/markdown", "text/markdown")]
    [InlineData("text/html", "text/html")]
    [InlineData("image/svg+xml", "image/svg+xml")]
    [InlineData("application/graphml+xml", "application/graphml+xml")]
    [InlineData("text/html;q=0.5, text/markdown", "text/markdown")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/pdf, */*;q=0.1", "application/json")]
    public async Task Accept_chooses_the_representation_when_format_is_absent(string accept, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Paths);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task The_neighborhood_is_written_as_a_report_too()
    {
        using var response = await api.Client.GetAsync("/api/entities/AAH/neighborhood?format=mermaid");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vnd.mermaid", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Khazali", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_problem_listing_the_supported_ones()
    {
        using var response = await api.Client.GetAsync($"{Paths}&format=pdf");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.UnsupportedFormat);
        var supported = problem.GetProperty("supported").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Equal(["json", .. ReportFormats.Supported], supported);
        Assert.Contains("markdown", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Accept_header_no_format_satisfies_is_a_406_problem_listing_the_media_types()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/entities/AAH/neighborhood");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        using var response = await api.Client.SendAsync(request);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotAcceptable, ProblemTypes.NotAcceptable);
        var supported = problem.GetProperty("supported").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("application/json", supported);
        Assert.Contains("text/markdown", supported);
    }

    [Fact]
    public async Task Each_representation_has_its_own_ETag_and_answers_304()
    {
        using var json = await api.Client.GetAsync(Paths);
        using var markdown = await api.Client.GetAsync($"{Paths}&format=markdown");
        Assert.NotEqual(json.Headers.ETag, markdown.Headers.ETag);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Paths}&format=markdown");
        request.Headers.IfNoneMatch.Add(markdown.Headers.ETag!);
        using var again = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }
}
