using GraphService.Core.Queries;
using Xunit;
using static GraphService.Testing.Conformance.ConformanceGraph;

namespace GraphService.Testing.Conformance;

/// <summary>The overview: entities ranked by degree (Core's Connectedness), the relationships among them, the graph's counts.</summary>
public abstract partial class GraphStoreConformance
{
    [SkippableFact]
    public async Task Most_connected_ranks_by_degree_then_id_and_keeps_the_relationships_among_the_chosen()
    {
        var result = await Store.GetMostConnectedAsync(4, [], CancellationToken.None);

        // Degree 4: the hub (r06 r07 r08 r12) and Ameri (r04 r09 r10 r11); then the first two of degree 3 by id.
        Assert.Equal([(Hub, 4), (Ameri, 4), (Aah, 3), (Badr, 3)], result.Nodes.Select(n => (n.Id, n.Degree)));
        Assert.Equal(["r04", "r06", "r07"], result.Relationships.Select(r => r.Id));
        Assert.Equal((14, 15), (result.TotalEntities, result.TotalRelationships));
        Assert.Equal(Snapshot.Version, result.GraphVersion);
        Assert.NotEmpty(result.Relationships[0].Citations);
    }

    [SkippableFact]
    public async Task Most_connected_resolves_each_featured_name_as_resolve_does_in_order_but_suggests_nothing_for_an_unknown_one()
    {
        string[] featured = ["Qais al-Khazali", "abu ali", "Qais al-Khazalix", Ameri];

        var result = await Store.GetMostConnectedAsync(2, featured, CancellationToken.None);

        Assert.Equal(featured.Length, result.Featured.Count);
        Assert.Equal(Khazali, Assert.IsType<Resolution.Resolved>(result.Featured[0]).Entity.Id);
        Assert.Equal([AbuAliNorth, AbuAliSouth], Assert.IsType<Resolution.Ambiguous>(result.Featured[1]).Candidates.Select(c => c.Id));
        // Resolving the near miss on its own offers "did you mean"; the overview only lists it as unresolved.
        Assert.NotEmpty(Assert.IsType<Resolution.NotFound>(await Store.ResolveAsync(featured[2], CancellationToken.None)).Suggestions);
        Assert.Empty(Assert.IsType<Resolution.NotFound>(result.Featured[2]).Suggestions);
        Assert.Equal(Ameri, Assert.IsType<Resolution.Resolved>(result.Featured[3]).Entity.Id);
        Assert.Empty((await Store.GetMostConnectedAsync(2, [], CancellationToken.None)).Featured);
    }

    [SkippableFact]
    public async Task Most_connected_with_room_for_every_entity_is_the_whole_graph()
    {
        var result = await Store.GetMostConnectedAsync(500, [], CancellationToken.None);

        Assert.Equal(14, result.Nodes.Count);
        Assert.Equal(15, result.Relationships.Count);
        Assert.Equal((LonelyIsland, 0), (result.Nodes[^1].Id, result.Nodes[^1].Degree));
    }
}
