using System.Net;
using GraphService.Api.Tests.Support;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Api.Tests;

[Collection(SampleCorpusCollection.Name)]
public sealed class PathEndpointTests(SampleCorpusApi api)
{
    private const string KhazaliToAmeri = "/api/paths?from=Khazali&to=al-Ameri";

    [Fact]
    public async Task Khazali_to_al_Ameri_answers_paths_whose_every_link_is_cited()
    {
        using var response = await api.Client.GetAsync(KhazaliToAmeri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        var result = await api.Server.GetJsonAsync<PathResult>(KhazaliToAmeri);
        Assert.Equal("qais-al-khazali", result.From.Id);
        Assert.Equal("hadi-al-ameri", result.To.Id);
        Assert.NotEmpty(result.Paths);
        Assert.False(string.IsNullOrEmpty(result.GraphVersion));
        foreach (var path in result.Paths)
        {
            Assert.Equal(path.Length, path.Relationships.Count);
            Assert.Equal(path.Nodes.Count, path.Relationships.Count + 1);
            Assert.Equal("qais-al-khazali", path.Nodes[0].Id);
            Assert.Equal("hadi-al-ameri", path.Nodes[^1].Id);
            Assert.All(path.Relationships, r => Assert.All(r.Citations, c => Assert.False(string.IsNullOrWhiteSpace(c.Quote))));
            Assert.All(path.Relationships, r => Assert.NotEmpty(r.Citations));
            Assert.Equal(path.Relationships, path.Links.Select(l => l.Relationships[0]));
            Assert.Equal(path.Nodes.Skip(1).Select(n => n.Id), path.Links.Select(l => l.ToId));
        }

        var chains = result.Paths.Select(p => string.Join(">", p.Nodes.Select(n => n.Id))).ToList();
        Assert.Equal(chains.Count, chains.Distinct().Count());
    }

    [Fact]
    public async Task The_JSON_shape_is_the_core_shape_camel_case_with_every_key_present()
    {
        var body = await api.Client.GetStringAsync(KhazaliToAmeri);
        foreach (var key in new[] { "\"graphVersion\"", "\"from\"", "\"paths\"", "\"truncated\"", "\"relationships\"", "\"links\"", "\"fromId\"", "\"toId\"", "\"citations\"", "\"stance\":\"supports\"", "\"since\":", "\"url\":" })
        {
            Assert.Contains(key, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task K_and_maxHops_bound_the_answer()
    {
        var result = await api.Server.GetJsonAsync<PathResult>(KhazaliToAmeri + "&k=1&maxHops=6");
        Assert.Single(result.Paths);

        var all = await api.Server.GetJsonAsync<PathResult>(KhazaliToAmeri + "&k=25&maxHops=2");
        Assert.All(all.Paths, p => Assert.True(p.Length <= 2));
    }

    [Fact]
    public async Task Types_restrict_the_relationships_followed()
    {
        var result = await api.Server.GetJsonAsync<PathResult>(KhazaliToAmeri + "&types=leads,member_of,allied_with&k=10");
        Assert.NotEmpty(result.Paths);
        Assert.All(result.Paths.SelectMany(p => p.Relationships), r => Assert.Contains(r.Type, new[] { "LEADS", "MEMBER_OF", "ALLIED_WITH" }));
    }

    [Fact]
    public async Task Direction_out_follows_relationships_only_as_written()
    {
        var result = await api.Server.GetJsonAsync<PathResult>("/api/paths?from=Khazali&to=Iran&direction=out&k=10&maxHops=6");
        Assert.NotEmpty(result.Paths);
        foreach (var path in result.Paths)
        {
            for (var i = 0; i < path.Relationships.Count; i++)
            {
                Assert.Equal(path.Nodes[i].Id, path.Relationships[i].StartNodeId);
                Assert.Equal(path.Nodes[i + 1].Id, path.Relationships[i].EndNodeId);
            }
        }
    }

    [Fact]
    public async Task MinConfidence_and_contested_exclude_filter_relationships()
    {
        // Khazali to Iran: a direct link holds a contested BACKED_BY (0.38) beside an uncontested FUNDED_BY (0.5).
        var unfiltered = await api.Server.GetJsonAsync<PathResult>("/api/paths?from=Khazali&to=Iran&k=10&maxHops=6");
        Assert.Contains(unfiltered.Paths.SelectMany(p => p.Links).SelectMany(l => l.Relationships), r => r.Confidence < 0.45 || r.Contested);

        var result = await api.Server.GetJsonAsync<PathResult>("/api/paths?from=Khazali&to=Iran&minConfidence=0.45&contested=exclude&k=10&maxHops=6");
        Assert.NotEmpty(result.Paths);
        Assert.All(result.Paths.SelectMany(p => p.Links).SelectMany(l => l.Relationships), r =>
        {
            Assert.True(r.Confidence >= 0.45, $"{r.Id} has confidence {r.Confidence}");
            Assert.False(r.Contested);
        });
    }

    [Fact]
    public async Task Exclude_routes_around_an_entity_named_by_alias()
    {
        var first = await api.Server.GetJsonAsync<PathResult>(KhazaliToAmeri + "&k=1");
        var via = Assert.Single(first.Paths).Nodes[1];
        Assert.NotEqual("hadi-al-ameri", via.Id);

        var around = await api.Server.GetJsonAsync<PathResult>($"{KhazaliToAmeri}&k=25&maxHops=6&exclude={Uri.EscapeDataString(via.Name)}");
        Assert.NotEmpty(around.Paths);
        Assert.All(around.Paths, p => Assert.DoesNotContain(p.Nodes, n => n.Id == via.Id));
    }

    [Fact]
    public async Task AsOf_keeps_only_relationships_that_may_have_held_on_that_date()
    {
        var day = new DateOnly(2007, 1, 1);
        var result = await api.Server.GetJsonAsync<PathResult>(KhazaliToAmeri + "&asOf=2007&k=25&maxHops=6");
        Assert.NotEmpty(result.Paths);
        Assert.All(result.Paths.SelectMany(p => p.Relationships), r =>
        {
            Assert.True(r.Since is null || PartialDate.Parse(r.Since).Earliest <= day, $"{r.Id} starts {r.Since}");
            Assert.True(r.Until is null || PartialDate.Parse(r.Until).Latest >= day, $"{r.Id} ends {r.Until}");
        });
    }

    [Theory]
    [InlineData("Khalazi", "qais-al-khazali")]
    [InlineData("QasemSuleimani", "qasem-soleimani")]
    [InlineData("Hizballah", "hezbollah")]
    [InlineData("AAH", "asaib-ahl-al-haq")]
    [InlineData("Moqtada", "muqtada-al-sadr")]
    [InlineData("Mr Ameri", "hadi-al-ameri")]
    [InlineData("al-Ameri", "hadi-al-ameri")]
    [InlineData("hadi-al-ameri", "hadi-al-ameri")]
    public async Task Spelling_variants_resolve_through_the_API(string name, string id)
    {
        var result = await api.Server.GetJsonAsync<PathResult>($"/api/paths?from={Uri.EscapeDataString(name)}&to=Khamenei&maxHops=6");
        Assert.Equal(id, result.From.Id);

        var entity = await api.Server.GetJsonAsync<EntityDetail>($"/api/entities/{Uri.EscapeDataString(name)}");
        Assert.Equal(id, entity.Id);
    }
}
