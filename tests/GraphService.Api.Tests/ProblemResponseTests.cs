using System.Net;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;

namespace GraphService.Api.Tests;

[Collection(SampleCorpusCollection.Name)]
public sealed class ProblemResponseTests(SampleCorpusApi api)
{
    [Theory]
    [InlineData("/api/paths?to=al-Ameri", "from", "from is required")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&maxHops=abc", "maxHops", "between 1 and 6")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&maxHops=7", "maxHops", "between 1 and 6 (default 4); got 7")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&k=0", "k", "between 1 and 25")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&minConfidence=1.5", "minConfidence", "between 0 and 1")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&minConfidence=high", "minConfidence", "got 'high'")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&direction=sideways", "direction", "any, out, in")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&contested=maybe", "contested", "include, exclude")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&asOf=last-year", "asOf", "YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&types=LEADS,INVENTED", "types", "INVENTED")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&types=leads,invented", "types", "INVENTED")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&exclude=Badr%20Organization,Qais%20al-Khazali", "exclude", "exclude names qais-al-khazali, the start of the query (from)")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&exclude=Mr%20Ameri", "exclude", "the end of the query (to)")]
    [InlineData("/api/entities?limit=101", "limit", "between 1 and 100")]
    [InlineData("/api/entities?offset=-1", "offset", "offset")]
    [InlineData("/api/entities?type=Planet", "type", "Person, Organization, Place, Event")]
    [InlineData("/api/entities/Khazali/neighborhood?depth=4", "depth", "between 1 and 3")]
    [InlineData("/api/entities/Khazali/neighborhood?limit=x", "limit", "whole number")]
    [InlineData("/api/entities/qais-al-khazali?limit=0", "limit", "between 1 and 1000")]
    [InlineData("/api/entities/qais-al-khazali?limit=1001", "limit", "between 1 and 1000")]
    [InlineData("/api/entities/qais-al-khazali?offset=-1", "offset", "between 0 and 1000000")]
    [InlineData("/api/entities/qais-al-khazali?limit=many", "limit", "whole number")]
    [InlineData("/api/entities/qais-al-khazali?documentLimit=-1", "documentLimit", "between 0 and 1000")]
    [InlineData("/api/entities/qais-al-khazali?documentLimit=1001", "documentLimit", "between 0 and 1000")]
    [InlineData("/api/entities/qais-al-khazali?documentOffset=-1", "documentOffset", "between 0 and")]
    [InlineData("/api/documents?limit=0", "limit", "between 1 and 1000")]
    [InlineData("/api/documents?limit=1001", "limit", "between 1 and 1000")]
    [InlineData("/api/documents?offset=-1", "offset", "between 0 and")]
    [InlineData("/api/documents?offset=soon", "offset", "whole number")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it_and_what_is_allowed(string url, string parameter, string explanation)
    {
        using var response = await api.Client.GetAsync(url);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidParameter);
        var messages = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(explanation, StringComparison.Ordinal));
        Assert.Contains(explanation, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_parameter_is_named_in_one_answer()
    {
        using var response = await api.Client.GetAsync("/api/paths?from=Khazali&to=al-Ameri&maxHops=0&k=abc&direction=up");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidParameter);
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["direction", "k", "maxHops"], named);
    }

    [Fact]
    public async Task An_unknown_name_is_a_404_problem_with_the_closest_suggestions()
    {
        using var response = await api.Client.GetAsync("/api/paths?from=Khazaliyy&to=al-Ameri");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ProblemTypes.UnknownEntity);
        Assert.Equal("from", problem.GetProperty("parameter").GetString());
        var suggested = problem.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal("qais-al-khazali", suggested.First());
        Assert.Contains("Qais al-Khazali", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_in_to_or_exclude_is_reported_against_that_parameter()
    {
        using var to = await api.Client.GetAsync("/api/paths?from=Khazali&to=Nobody%20Knows%20Him");
        Assert.Equal("to", (await ProblemAssert.IsProblemAsync(to, HttpStatusCode.NotFound, ProblemTypes.UnknownEntity)).GetProperty("parameter").GetString());

        using var exclude = await api.Client.GetAsync("/api/paths?from=Khazali&to=al-Ameri&exclude=Badr,Nobody%20Knows%20Him");
        Assert.Equal("exclude", (await ProblemAssert.IsProblemAsync(exclude, HttpStatusCode.NotFound, ProblemTypes.UnknownEntity)).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_unknown_entity_document_or_citation_id_is_a_404_problem_of_its_kind()
    {
        using var entity = await api.Client.GetAsync("/api/entities/no-such-entity-anywhere");
        await ProblemAssert.IsProblemAsync(entity, HttpStatusCode.NotFound, ProblemTypes.UnknownEntity);

        using var neighborhood = await api.Client.GetAsync("/api/entities/no-such-entity-anywhere/neighborhood");
        await ProblemAssert.IsProblemAsync(neighborhood, HttpStatusCode.NotFound, ProblemTypes.UnknownEntity);

        using var citation = await api.Client.GetAsync("/api/citations/no-such-citation");
        await ProblemAssert.IsProblemAsync(citation, HttpStatusCode.NotFound, ProblemTypes.UnknownCitation);
    }

    [Fact]
    public async Task An_unknown_document_suggests_the_closest_document_ids()
    {
        var documents = await api.Server.GetJsonAsync<List<Core.Queries.DocumentSummary>>("/api/documents");
        var known = documents[0].Id;
        using var response = await api.Client.GetAsync($"/api/documents/{known}x");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ProblemTypes.UnknownDocument);
        Assert.Equal(known, problem.GetProperty("suggestions")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var response = await api.Client.GetAsync("/api/nothing-here");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }
}
