using GraphService.Core.Queries;
using Xunit;
using static GraphService.Testing.Conformance.ConformanceGraph;

namespace GraphService.Testing.Conformance;

public abstract partial class GraphStoreConformance
{
    // ---- links: relationships between the same two entities are one link of a path

    [SkippableFact]
    public async Task Every_path_is_a_distinct_chain_of_entities()
    {
        var result = await Paths(Ameri, Khazali, q => q with { K = 25, MaxHops = 6 });

        var chains = result.Paths.Select(p => string.Join(">", p.Nodes.Select(n => n.Id))).ToList();
        Assert.Equal(5, chains.Count);
        Assert.Equal(chains.Count, chains.Distinct().Count());
    }

    [SkippableFact]
    public async Task A_link_joins_consecutive_entities_and_carries_every_admitted_relationship_between_them()
    {
        var result = await Paths(Ameri, Khazali, q => q with { K = 25, MaxHops = 6 });

        var viaSuleimani = result.Paths.Single(p => p.Nodes.Select(n => n.Id).SequenceEqual([Ameri, Suleimani, QudsForce, Aah, Khazali]));
        Assert.Equal([["r10", "r09"], ["r01"], ["r03"], ["r05"]], viaSuleimani.Links.Select(l => l.Relationships.Select(r => r.Id)));
        foreach (var link in result.Paths.SelectMany(p => p.Links))
        {
            Assert.All(link.Relationships, r => Assert.Equal(
                new[] { link.FromId, link.ToId }.Order(StringComparer.Ordinal),
                new[] { r.StartNodeId, r.EndNodeId }.Order(StringComparer.Ordinal)));
            Assert.Equal(link.Relationships, link.Relationships.Order(EvidenceStrength.StrongestFirst));
        }

        Assert.All(result.Paths, p => Assert.Equal(p.Nodes.Skip(1).Select(n => n.Id), p.Links.Select(l => l.ToId)));
        Assert.All(result.Paths, p => Assert.Equal(p.Links.Select(l => l.Relationships[0]), p.Relationships));
    }

    [SkippableFact]
    public async Task Filters_decide_which_relationships_a_link_carries()
    {
        var all = await Paths(Ameri, Suleimani, q => q with { MaxHops = 1 });
        var recent = await Paths(Ameri, Suleimani, q => q with { MaxHops = 1, AsOf = new DateOnly(2014, 6, 15) });

        Assert.Equal(["r10", "r09"], Assert.Single(Assert.Single(all.Paths).Links).Relationships.Select(r => r.Id));
        Assert.Equal(["r09"], Assert.Single(Assert.Single(recent.Paths).Links).Relationships.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task Linked_relationships_carry_their_citations()
    {
        var result = await Paths(Ameri, Suleimani, q => q with { MaxHops = 1 });

        var link = Assert.Single(Assert.Single(result.Paths).Links);
        Assert.All(link.Relationships, r => Assert.NotEmpty(r.Citations));
        Assert.Equal(2, link.Relationships[0].Citations.Count);
    }
}
