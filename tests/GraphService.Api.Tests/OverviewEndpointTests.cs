using System.Net;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using GraphService.Core.Queries;
using GraphService.Testing;

namespace GraphService.Api.Tests;

/// <summary>GET /api/overview over the sample corpus: the explorer's start page.</summary>
[Collection(SampleCorpusCollection.Name)]
public sealed class OverviewEndpointTests(SampleCorpusApi api)
{
    [Fact]
    public async Task A_graph_smaller_than_the_limit_comes_back_whole_with_the_configured_starting_points()
    {
        var schema = await api.Server.GetJsonAsync<GraphSchema>("/api/schema");
        var overview = await api.Server.GetJsonAsync<GraphOverview>("/api/overview");

        Assert.True(schema.Entities <= QueryLimits.OverviewLimit.Default, $"the sample has {schema.Entities} entities, no more than the default limit");
        Assert.Equal(schema.Entities, overview.Nodes.Count);
        Assert.Equal(schema.Relationships, overview.Relationships.Count);
        Assert.Equal((schema.Entities, schema.Relationships), (overview.TotalEntities, overview.TotalRelationships));
        Assert.False(overview.Truncated);
        Assert.Equal(schema.GraphVersion, overview.GraphVersion);
        // appsettings.json's Explorer:Featured: the sample's four people, in the configured order.
        Assert.Equal(["qais-al-khazali", "muqtada-al-sadr", "qasem-soleimani", "hadi-al-ameri"], overview.Featured.Select(f => f.Id));
        Assert.Empty(overview.FeaturedUnresolved);
    }

    [Fact]
    public async Task A_limit_keeps_the_most_connected_entities_and_only_the_relationships_among_them()
    {
        var whole = await api.Server.GetJsonAsync<GraphOverview>("/api/overview");
        var top = await api.Server.GetJsonAsync<GraphOverview>("/api/overview?limit=5");

        Assert.Equal(5, top.Nodes.Count);
        Assert.True(top.Truncated);
        Assert.Equal(whole.Nodes.Take(5).Select(n => n.Id), top.Nodes.Select(n => n.Id));
        Assert.Equal(whole.Nodes.Select(n => n.Degree).OrderDescending(), whole.Nodes.Select(n => n.Degree));
        // Degrees count every relationship at either end (the sample has no relationship from an entity to itself).
        foreach (var node in whole.Nodes.Take(5))
        {
            Assert.Equal(whole.Relationships.Count(r => r.StartNodeId == node.Id || r.EndNodeId == node.Id), node.Degree);
        }

        var kept = top.Nodes.Select(n => n.Id).ToHashSet();
        Assert.Equal(
            whole.Relationships.Where(r => kept.Contains(r.StartNodeId) && kept.Contains(r.EndNodeId)).Select(r => r.Id),
            top.Relationships.Select(r => r.Id));
        Assert.All(top.Relationships, r => Assert.NotEmpty(r.Citations));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("many")]
    public async Task A_limit_out_of_range_is_a_problem_naming_it(string limit)
    {
        using var response = await api.Client.GetAsync($"/api/overview?limit={limit}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidParameter);
        Assert.Contains("limit", problem.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_points_are_configuration_and_a_name_the_graph_does_not_know_is_reported_not_fatal()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus,
            ["Explorer:Featured:0"] = "Mr Ameri",
            ["Explorer:Featured:1"] = "Nobody In Particular",
            ["Explorer:Featured:2"] = "hadi-al-ameri",
            ["Explorer:Featured:3"] = "AAH",
        }, waitUntilReady: true);

        var overview = await server.GetJsonAsync<GraphOverview>("/api/overview?limit=3");

        // Each entity once, in the configured order, however it was named.
        Assert.Equal(["hadi-al-ameri", "asaib-ahl-al-haq"], overview.Featured.Select(f => f.Id));
        Assert.Equal(["Nobody In Particular"], overview.FeaturedUnresolved);
    }
}

/// <summary>GET /api/explorer and the "Explorer" section's validation.</summary>
[Collection(SampleCorpusCollection.Name)]
public sealed class ExplorerSettingsTests(SampleCorpusApi api)
{
    [Fact]
    public async Task Without_a_configured_Neo4j_Browser_the_explorer_is_told_none()
    {
        using var response = await api.Client.GetAsync("/api/explorer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"neo4jBrowserUrl\":null}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Explorer:Neo4jBrowserUrl", "localhost:7474/browser", "Explorer:Neo4jBrowserUrl")]
    [InlineData("Explorer:Neo4jBrowserUrl", "file:///etc/passwd", "Explorer:Neo4jBrowserUrl")]
    [InlineData("Explorer:Featured:0", " ", "Explorer:Featured:0")]
    public async Task A_bad_explorer_setting_stops_the_start_with_its_name(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            ApiServer.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(failure.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }
}
