using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Traversal;
using Xunit;

namespace GraphService.Core.Tests.Traversal;

public sealed class NeighborhoodExplorerTests
{
    private static readonly string[] Types = ["ALLIED_WITH", "FUNDED_BY", "MEMBER_OF"];

    /// <summary>
    /// The best-first explorer keeps exactly the entities that collecting every candidate of a layer and cutting it with
    /// <see cref="NeighborhoodCut.Keep"/> keeps, in the same order, with the same relationships and truncation.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Keeps_what_the_cut_rule_keeps_over_every_candidate(int seed)
    {
        var random = new Random(seed);
        var graph = RandomGraph(random, entities: 40, relationships: 160);
        var index = TraversalIndex.FromSnapshot(graph);
        var explorer = new NeighborhoodExplorer(index);
        var truncatedSeen = 0;
        for (var q = 0; q < 20; q++)
        {
            var query = new NeighborhoodQuery($"e{random.Next(40)}")
            {
                Depth = random.Next(1, 4),
                Limit = random.Next(1, 30),
                Types = new HashSet<string>(Types.Where(_ => random.Next(3) == 0), StringComparer.Ordinal),
            };

            var found = explorer.Explore(query)!;
            var expected = ByCuttingEveryLayer(graph, query);

            Assert.Equal(expected.Nodes, found.Nodes.Select(n => index.EntityIds[n]));
            Assert.Equal(expected.Relationships, found.Relationships.Select(r => index.RelationshipIds[r]));
            Assert.Equal(expected.Truncated, found.Truncated);
            truncatedSeen += found.Truncated ? 1 : 0;
        }

        Assert.True(truncatedSeen > 0, "some random queries should be cut, or the comparison proves little about the cut");
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 30; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Fact]
    public void A_hub_with_more_neighbours_than_the_limit_keeps_the_strongest_and_says_it_cut()
    {
        var entities = new List<Entity> { new("hub", EntityType.Organization, "Hub", [], null) };
        var rels = new List<Relationship>();
        for (var i = 0; i < 2000; i++)
        {
            var id = $"m{i:D4}";
            entities.Add(new Entity(id, EntityType.Person, id, [], null));
            rels.Add(new Relationship($"r{i:D4}", "MEMBER_OF", id, "hub", null, null, i % 10 / 10.0, false, 1 + (i % 3), false, []));
        }

        var index = TraversalIndex.FromSnapshot(new GraphSnapshot("hub", "hub", PredicateVocabulary.BuiltIns, entities, [], rels, []));

        var found = new NeighborhoodExplorer(index).Explore(new NeighborhoodQuery("hub") { Depth = 2, Limit = 5 })!;

        Assert.True(found.Truncated);
        // Corroboration 3 (i % 3 == 2) with confidence 0.9 (i % 10 == 9): i = 29, 59, 89, 119 — the four strongest, by id.
        Assert.Equal(["hub", "m0029", "m0059", "m0089", "m0119"], found.Nodes.Select(n => index.EntityIds[n]));
    }

    [Fact]
    public void Relationships_among_kept_hubs_are_listed_once_each_way_with_loops_and_parallels()
    {
        // Two hubs (far more relationships than four times the kept entities) joined both ways, by parallel relationships,
        // to themselves and to a small entity x, which is joined to itself too; many weak leaves around both hubs.
        var entities = new List<Entity> { new("a", EntityType.Organization, "A", [], null), new("b", EntityType.Organization, "B", [], null), new("x", EntityType.Person, "X", [], null) };
        var rels = new List<Relationship>();
        void Add(string id, string start, string end, int corroboration) =>
            rels.Add(new Relationship(id, "ALLIED_WITH", start, end, null, null, 0.9, false, corroboration, false, []));
        for (var i = 0; i < 60; i++)
        {
            entities.Add(new Entity($"l{i:D2}", EntityType.Person, $"L{i}", [], null));
            Add($"leaf-a{i:D2}", "a", $"l{i:D2}", 1);
            Add($"leaf-b{i:D2}", $"l{i:D2}", "b", 1);
        }

        Add("r1", "a", "b", 3);
        Add("r2", "b", "a", 3);
        Add("r3", "a", "b", 2);
        Add("r4", "a", "a", 2);
        Add("r5", "b", "b", 2);
        Add("r6", "a", "x", 3);
        Add("r7", "x", "b", 2);
        Add("r8", "b", "x", 2);
        Add("r9", "x", "x", 2);
        var index = TraversalIndex.FromSnapshot(new GraphSnapshot("hubs", "hubs", PredicateVocabulary.BuiltIns, entities, [], rels, []));

        var found = new NeighborhoodExplorer(index).Explore(new NeighborhoodQuery("a") { Depth = 1, Limit = 3 })!;

        Assert.Equal(["a", "b", "x"], found.Nodes.Select(n => index.EntityIds[n]).Order(StringComparer.Ordinal));
        Assert.Equal(["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"], found.Relationships.Select(r => index.RelationshipIds[r]));
    }

    private static (List<string> Nodes, List<string> Relationships, bool Truncated) ByCuttingEveryLayer(GraphSnapshot graph, NeighborhoodQuery query)
    {
        var admitted = graph.Relationships.Where(r => query.Types.Count == 0 || query.Types.Contains(r.Type)).ToList();
        var kept = new HashSet<string>(StringComparer.Ordinal) { query.EntityId };
        var nodes = new List<string> { query.EntityId };
        var frontier = new List<string> { query.EntityId };
        var truncated = false;
        for (var depth = 1; depth <= query.Depth && frontier.Count > 0; depth++)
        {
            var best = new Dictionary<string, EvidenceStrength>(StringComparer.Ordinal);
            foreach (var r in admitted)
            {
                foreach (var (u, v) in new[] { (r.StartId, r.EndId), (r.EndId, r.StartId) })
                {
                    if (frontier.Contains(u) && !kept.Contains(v))
                    {
                        var s = new EvidenceStrength(r.Corroboration, r.Confidence);
                        if (!best.TryGetValue(v, out var held) || s > held)
                        {
                            best[v] = s;
                        }
                    }
                }
            }

            var cut = NeighborhoodCut.Keep(best.Keys, v => best[v], NeighborhoodCut.Room(query.Limit, nodes.Count), StringComparer.Ordinal);
            truncated |= cut.Truncated;
            nodes.AddRange(cut.Kept);
            kept.UnionWith(cut.Kept);
            frontier = [.. cut.Kept];
        }

        var relationships = admitted.Where(r => kept.Contains(r.StartId) && kept.Contains(r.EndId)).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        return (nodes, relationships, truncated);
    }

    private static GraphSnapshot RandomGraph(Random random, int entities, int relationships)
    {
        var ids = Enumerable.Range(0, entities).Select(i => $"e{i}").ToArray();
        double[] confidences = [0.3, 0.5, 0.8];
        var rels = new List<Relationship>();
        for (var i = 0; i < relationships; i++)
        {
            // Skewed ends make hubs, so that layers overflow the limit.
            var start = ids[random.Next(random.Next(1, entities))];
            var end = ids[random.Next(entities)];
            rels.Add(new Relationship(
                $"r{i:D4}", Types[random.Next(Types.Length)], start, end, null, null, confidences[random.Next(confidences.Length)], true, random.Next(1, 3), false, []));
        }

        return new GraphSnapshot(
            $"random-{random.Next()}",
            "random",
            PredicateVocabulary.BuiltIns,
            [.. ids.Select(id => new Entity(id, EntityType.Person, id, [], null))],
            [],
            rels,
            []);
    }
}
