using GraphService.Core.Domain;
using GraphService.Core.Queries;
using Xunit;
using static GraphService.Testing.Conformance.ConformanceGraph;

namespace GraphService.Testing.Conformance;

/// <summary>Neighbourhoods: layers, the cut at the limit (<see cref="NeighborhoodCut"/>), relationships among the kept entities.</summary>
public abstract partial class GraphStoreConformance
{
    [SkippableFact]
    public async Task Neighborhood_lists_the_centre_then_neighbours_strongest_first()
    {
        var result = await Neighborhood(Hub);

        Assert.Equal([Hub, Kh, Badr, Aah, Munoz], result.Nodes.Select(n => n.Id));
        Assert.Equal(["r06", "r07", "r08", "r12"], result.Relationships.Select(r => r.Id));
        Assert.Equal(Hub, result.Center.Id);
        Assert.False(result.Truncated);
    }

    [SkippableFact]
    public async Task Neighborhood_depth_two_adds_the_next_layer_and_every_relationship_among_kept_nodes()
    {
        var result = await Neighborhood(Hub, q => q with { Depth = 2 });

        Assert.Equal([Hub, Kh, Badr, Aah, Munoz, Ameri, Khazali, QudsForce, AbuAliNorth, AbuAliSouth], result.Nodes.Select(n => n.Id));
        Assert.Equal(["r02", "r03", "r04", "r05", "r06", "r07", "r08", "r11", "r12", "r13", "r14"], result.Relationships.Select(r => r.Id));
        Assert.False(result.Truncated);
    }

    [SkippableFact]
    public async Task Neighborhood_follows_only_the_requested_types()
    {
        var result = await Neighborhood(Hub, q => q with { Types = Set("MEMBER_OF") });

        Assert.Equal([Hub, Kh, Badr, Aah], result.Nodes.Select(n => n.Id));
        Assert.Equal(["r06", "r07", "r08"], result.Relationships.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task Neighborhood_cut_at_the_limit_keeps_the_strongest_and_says_so()
    {
        var result = await Neighborhood(Hub, q => q with { Limit = 3 });

        Assert.Equal([Hub, Kh, Badr], result.Nodes.Select(n => n.Id));
        Assert.Equal(["r06", "r08"], result.Relationships.Select(r => r.Id));
        Assert.True(result.Truncated);
    }

    [SkippableFact]
    public async Task Neighborhood_cut_in_the_second_layer_breaks_strength_ties_by_id()
    {
        var result = await Neighborhood(Hub, q => q with { Depth = 2, Limit = 7 });

        Assert.Equal([Hub, Kh, Badr, Aah, Munoz, Ameri, Khazali], result.Nodes.Select(n => n.Id));
        Assert.Equal(["r04", "r05", "r06", "r07", "r08", "r11", "r12"], result.Relationships.Select(r => r.Id));
        Assert.True(result.Truncated);
    }

    [SkippableFact]
    public async Task Neighborhood_of_a_disconnected_entity_is_just_the_entity()
    {
        var result = await Neighborhood(LonelyIsland, q => q with { Depth = 3 });

        Assert.Equal([LonelyIsland], result.Nodes.Select(n => n.Id));
        Assert.Empty(result.Relationships);
        Assert.False(result.Truncated);
    }

    [SkippableFact]
    public async Task Neighborhood_of_an_unknown_entity_is_null()
    {
        Assert.Null(await Store.GetNeighborhoodAsync(new NeighborhoodQuery("no-such-entity"), None));
    }

    [SkippableFact]
    public async Task Neighborhood_planned_from_a_name_is_the_neighborhood_of_the_entity_it_resolves_to()
    {
        var byId = await Neighborhood(Hub, q => q with { Depth = 2, Types = Set("MEMBER_OF") });
        PredicateVocabulary? planned = null;

        var byName = await Required(Store.GetNeighborhoodAsync(
            names =>
            {
                planned = names.Vocabulary;
                return names.Resolve("chc") is Resolution.Resolved center
                    ? new NeighborhoodQuery(center.Entity.Id) { Depth = 2, Types = Set("MEMBER_OF") }
                    : null;
            },
            None));

        Assert.Equal(byId.GraphVersion, byName.GraphVersion);
        Assert.Equal(Hub, byName.Center.Id);
        Assert.Equal(byId.Nodes.Select(n => n.Id), byName.Nodes.Select(n => n.Id));
        Assert.Equal(byId.Relationships.Select(r => r.Id), byName.Relationships.Select(r => r.Id));
        Assert.Equal((await Store.GetVocabularyAsync(None)).All.Select(p => p.Type), planned!.All.Select(p => p.Type));
    }

    [SkippableFact]
    public async Task Neighborhood_whose_plan_answers_nothing_is_null()
    {
        Assert.Null(await Store.GetNeighborhoodAsync(names => names.Resolve("zzzz qqqq") is Resolution.Resolved r ? new NeighborhoodQuery(r.Entity.Id) : null, None));
    }
}
