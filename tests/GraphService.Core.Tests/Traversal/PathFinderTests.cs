using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Traversal;
using GraphService.Testing.Conformance;
using Xunit;

namespace GraphService.Core.Tests.Traversal;

public sealed class PathFinderTests
{
    private static readonly string[] Types = ["ALLIED_WITH", "FUNDED_BY", "MEMBER_OF"];

    /// <summary>
    /// On small random multigraphs, the search returns exactly what enumerating every simple relationship path, filtering
    /// with <see cref="PathQuery.Admits"/>, grouping into chains of entities with <see cref="PathLinks.Group"/> and sorting
    /// with <see cref="PathOrder"/> returns.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Finds_the_same_k_best_paths_as_exhaustive_enumeration(int seed)
    {
        var random = new Random(seed);
        AgreesWithExhaustiveEnumeration(random, RandomGraph(random, entities: 9, relationships: 26, hubShare: 0, equalStrengths: false));
    }

    /// <summary>
    /// As above with every relationship equally strong, so that the order of paths is their order of ids alone: the walk in
    /// id order then decides by itself, without the pass that computes exact bottlenecks.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void With_equally_strong_relationships_finds_the_same_paths_as_exhaustive_enumeration(int seed)
    {
        var random = new Random(seed);
        AgreesWithExhaustiveEnumeration(random, RandomGraph(random, entities: 10, relationships: 30, hubShare: 0, equalStrengths: true));
    }

    /// <summary>
    /// As above on graphs where two entities hold about half of the relationships, so that walks meet hubs whose
    /// neighbours are looked up in the layers near the target instead of scanned.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Around_hubs_finds_the_same_paths_as_exhaustive_enumeration(int seed)
    {
        var random = new Random(seed);
        AgreesWithExhaustiveEnumeration(random, RandomGraph(random, entities: 16, relationships: 44, hubShare: 0.5, equalStrengths: seed % 2 == 0));
    }

    /// <summary>
    /// As above on larger graphs around two hubs, where the target's ball often meets the source's while one of its layers
    /// is half grown with a hub still to scan: the walk then learns which of the source's outer entities that layer holds
    /// by looking each up towards the hub, and a later phase (exact bottlenecks, longer paths) scans the hub after all.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Where_a_hub_is_left_unscanned_at_the_meeting_finds_the_same_paths_as_exhaustive_enumeration(int seed)
    {
        var random = new Random(seed);
        AgreesWithExhaustiveEnumeration(random, RandomGraph(random, entities: 28, relationships: 70, hubShare: 0.6, equalStrengths: seed % 3 != 0));
    }

    [Fact]
    public void The_strongest_of_many_shortest_paths_wins_even_when_its_ids_come_last()
    {
        // Forty two-step paths from a to z, each stronger than the one before by id (m07 has one strong link only). The
        // walk in id order finds a better path at every step, so the exact-bottleneck pass has to decide.
        var rels = new List<Relationship>();
        for (var i = 0; i < 40; i++)
        {
            var m = $"m{i:D2}";
            var confidence = 0.3 + (i / 100.0);
            rels.Add(new Relationship($"r{i:D2}a", "ALLIED_WITH", "a", m, null, null, i == 7 ? 0.95 : confidence, false, 1, false, []));
            rels.Add(new Relationship($"r{i:D2}b", "ALLIED_WITH", m, "z", null, null, confidence, false, 1, false, []));
        }

        string[] ids = ["a", "z", .. Enumerable.Range(0, 40).Select(i => $"m{i:D2}")];
        var graph = new GraphSnapshot("many", "many", PredicateVocabulary.BuiltIns, [.. ids.Select(id => new Entity(id, EntityType.Person, id, [], null))], [], rels, []);
        var index = TraversalIndex.FromSnapshot(graph);

        var one = new PathFinder(index).Find(new PathQuery("a", "z") { K = 1 })!;
        var three = new PathFinder(index).Find(new PathQuery("a", "z") { K = 3 })!;

        Assert.Equal([["a", "m39", "z"]], one.Paths.Select(p => p.Nodes.Select(n => index.EntityIds[n])));
        Assert.Equal([["a", "m39", "z"], ["a", "m38", "z"], ["a", "m37", "z"]], three.Paths.Select(p => p.Nodes.Select(n => index.EntityIds[n])));
        Assert.False(three.Truncated);
    }

    private static void AgreesWithExhaustiveEnumeration(Random random, GraphSnapshot graph)
    {
        var index = TraversalIndex.FromSnapshot(graph);
        var pathsSeen = 0;
        for (var q = 0; q < 25; q++)
        {
            var query = RandomQuery(random, graph);

            var found = new PathFinder(index).Find(query)!;
            var expected = Exhaustive(graph, query);

            Assert.False(found.Truncated);
            Assert.Equal(
                expected.Select(p => string.Join(",", p.Nodes.Select(n => n.Id)) + " | " + string.Join(";", p.Links.Select(l => string.Join(",", l.Relationships.Select(r => r.Id))))),
                found.Paths.Select(p => string.Join(",", p.Nodes.Select(n => index.EntityIds[n])) + " | " + string.Join(";", p.Links.Select(l => string.Join(",", l.Select(r => index.RelationshipIds[r]))))));
            Assert.All(found.Paths, p => Assert.Equal(p.Nodes.Length, p.Nodes.Distinct().Count()));
            pathsSeen += found.Paths.Count;
        }

        Assert.True(pathsSeen > 0, "the random queries should find some paths, or the comparison proves little");
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Fact]
    public void A_search_around_a_hub_stops_at_its_budget_and_says_so()
    {
        var index = TraversalIndex.FromSnapshot(Star(spokes: 300));
        var query = new PathQuery("leaf-000", "leaf-299") { MaxHops = 4, K = 25 };

        var tight = new PathFinder(index, budget: 100).Find(query)!;
        var ample = new PathFinder(index).Find(query)!;

        Assert.True(tight.Truncated);
        Assert.True(tight.Steps <= 101);
        Assert.False(ample.Truncated);
        Assert.Equal(["leaf-000", "hub", "leaf-299"], ample.Paths[0].Nodes.Select(n => index.EntityIds[n]));
    }

    [Fact]
    public void A_hub_between_the_balls_is_looked_up_in_the_other_ball_instead_of_scanned()
    {
        // a - h - (l000 … l199); z - l120, l150, y; y - (x000 … x299). The target's ball reaches {l120, l150, y}, whose
        // entries outnumber the hub's, so the source's ball grows from the hub: its three possible meetings are looked
        // up in the hub's 201 entries rather than found by scanning them, and the walk looks them up again.
        var rels = new List<Relationship> { new("ah", "ALLIED_WITH", "a", "h", null, null, 0.5, false, 1, false, []) };
        var leaves = Enumerable.Range(0, 200).Select(i => $"l{i:D3}").ToList();
        var others = Enumerable.Range(0, 300).Select(i => $"x{i:D3}").ToList();
        rels.AddRange(leaves.Select(l => new Relationship($"h-{l}", "MEMBER_OF", l, "h", null, null, 0.5, false, 1, false, [])));
        rels.AddRange(others.Select(x => new Relationship($"y-{x}", "MEMBER_OF", x, "y", null, null, 0.5, false, 1, false, [])));
        rels.AddRange(new[] { "l150", "l120", "y" }.Select(e => new Relationship($"z-{e}", "ALLIED_WITH", "z", e, null, null, 0.5, false, 1, false, [])));
        string[] ids = ["a", "h", "y", "z", .. leaves, .. others];
        var graph = new GraphSnapshot("hub", "hub", PredicateVocabulary.BuiltIns, [.. ids.Select(id => new Entity(id, EntityType.Person, id, [], null))], [], rels, []);
        var index = TraversalIndex.FromSnapshot(graph);

        var one = new PathFinder(index).Find(new PathQuery("a", "z") { K = 1 })!;
        var two = new PathFinder(index).Find(new PathQuery("a", "z") { K = 2 })!;

        Assert.Equal([["a", "h", "l120", "z"]], one.Paths.Select(p => p.Nodes.Select(n => index.EntityIds[n])));
        Assert.Equal([["a", "h", "l120", "z"], ["a", "h", "l150", "z"]], two.Paths.Select(p => p.Nodes.Select(n => index.EntityIds[n])));
        Assert.False(one.Truncated);
        Assert.True(one.Steps < 50, $"the hub's 201 entries should not be scanned, but the search took {one.Steps} steps");
    }

    [Fact]
    public void The_steps_until_the_balls_meet_are_counted_apart_from_those_that_choose_the_path()
    {
        // a - x0 … x9, each xi - yi, and z - y9 only. The target's side is the smaller, so its ball finds the whole path
        // (z, y9, x9, a) before the source's grows; choosing the path then looks at entries of its own (the bound's, the
        // walk's). With no path at all, every step went into growing the balls.
        var rels = new List<Relationship>();
        for (var i = 0; i < 10; i++)
        {
            rels.Add(new Relationship($"a-x{i}", "ALLIED_WITH", "a", $"x{i}", null, null, 0.5, false, 1, false, []));
            rels.Add(new Relationship($"x{i}-y{i}", "ALLIED_WITH", $"x{i}", $"y{i}", null, null, 0.5, false, 1, false, []));
        }

        rels.Add(new Relationship("y9-z", "ALLIED_WITH", "y9", "z", null, null, 0.5, false, 1, false, []));
        rels.Add(new Relationship("q-r", "ALLIED_WITH", "q", "r", null, null, 0.5, false, 1, false, []));
        string[] ids = ["a", "q", "r", "z", .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"x{i}", $"y{i}" })];
        var graph = new GraphSnapshot("steps", "steps", PredicateVocabulary.BuiltIns, [.. ids.Select(id => new Entity(id, EntityType.Person, id, [], null))], [], rels, []);
        var index = TraversalIndex.FromSnapshot(graph);
        var finder = new PathFinder(index);

        var found = finder.Find(new PathQuery("a", "z") { K = 1 })!;
        var none = finder.Find(new PathQuery("a", "q") { K = 1 })!;

        Assert.Equal([["a", "x9", "y9", "z"]], found.Paths.Select(p => p.Nodes.Select(n => index.EntityIds[n])));
        Assert.InRange(found.MeetingSteps, 1, found.Steps - 1);
        Assert.Empty(none.Paths);
        Assert.Equal(none.Steps, none.MeetingSteps);
    }

    [Fact]
    public void Two_entities_joined_by_thousands_of_parallel_relationships_are_one_link_of_one_path()
    {
        string[] ids = ["a", "b", "c"];
        var rels = new List<Relationship>();
        for (var i = 0; i < 5000; i++)
        {
            rels.Add(new Relationship($"p{i:D4}", "ALLIED_WITH", i % 2 == 0 ? "a" : "b", i % 2 == 0 ? "b" : "a", null, null, (i % 7) / 7.0, false, 1 + (i % 4), false, []));
        }

        rels.Add(new Relationship("x1", "MEMBER_OF", "a", "c", null, null, 0.5, false, 1, false, []));
        rels.Add(new Relationship("x2", "MEMBER_OF", "c", "b", null, null, 0.5, false, 1, false, []));
        var graph = new GraphSnapshot("parallel", "parallel", PredicateVocabulary.BuiltIns, [.. ids.Select(id => new Entity(id, EntityType.Person, id, [], null))], [], rels, []);
        var index = TraversalIndex.FromSnapshot(graph);

        var found = new PathFinder(index).Find(new PathQuery("a", "b") { K = 5, MaxHops = 4 })!;

        Assert.False(found.Truncated);
        Assert.Equal([["a", "b"], ["a", "c", "b"]], found.Paths.Select(p => p.Nodes.Select(n => index.EntityIds[n])));
        var link = Assert.Single(found.Paths[0].Links);
        Assert.Equal(5000, link.Length);
        var strengths = link.Select(r => new EvidenceStrength(index.RelationshipCorroboration[r], index.RelationshipConfidence[r])).ToList();
        Assert.Equal(strengths, strengths.OrderDescending());
        Assert.Equal(new EvidenceStrength(4, 6 / 7.0), strengths[0]);
    }

    [Fact]
    public void With_direction_out_a_link_carries_only_the_relationships_written_the_way_walked()
    {
        var rels = new List<Relationship>
        {
            new("r1", "ALLIED_WITH", "a", "b", null, null, 0.5, false, 1, false, []),
            new("r2", "ALLIED_WITH", "b", "a", null, null, 0.9, false, 3, false, []),
        };
        var graph = new GraphSnapshot("dir", "dir", PredicateVocabulary.BuiltIns, [new("a", EntityType.Person, "a", [], null), new("b", EntityType.Person, "b", [], null)], [], rels, []);
        var index = TraversalIndex.FromSnapshot(graph);

        var any = new PathFinder(index).Find(new PathQuery("a", "b"))!;
        var outward = new PathFinder(index).Find(new PathQuery("a", "b") { Direction = TraversalDirection.Out })!;

        Assert.Equal(["r2", "r1"], Assert.Single(any.Paths).Links[0].Select(r => index.RelationshipIds[r]));
        Assert.Equal(["r1"], Assert.Single(outward.Paths).Links[0].Select(r => index.RelationshipIds[r]));
    }

    [Fact]
    public void Unknown_ends_give_null()
    {
        var index = TraversalIndex.FromSnapshot(ConformanceGraph.Snapshot);

        Assert.Null(new PathFinder(index).Find(new PathQuery("nobody", ConformanceGraph.Ameri)));
    }

    [Fact]
    public void A_cancelled_search_throws()
    {
        var index = TraversalIndex.FromSnapshot(Star(spokes: 3000));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new PathFinder(index).Find(new PathQuery("leaf-0000", "leaf-2999") { MaxHops = 6, K = 25 }, cancellation.Token));
    }

    private static List<GraphPath> Exhaustive(GraphSnapshot graph, PathQuery query)
    {
        var paths = new List<GraphPath>();
        if (query.FromId == query.ToId || query.Exclude.Contains(query.FromId) || query.Exclude.Contains(query.ToId))
        {
            return paths;
        }

        var nodes = new List<string> { query.FromId };
        var rels = new List<Relationship>();

        void Walk(string at)
        {
            if (at == query.ToId)
            {
                paths.Add(new GraphPath(
                    rels.Count,
                    [.. nodes.Select(n => new NodeView(n, n, EntityType.Person))],
                    [.. rels.Select(r => new RelationshipView(r.Id, r.Type, "", r.StartId, r.EndId, r.Confidence, r.Corroboration, r.Contested, null, null, []))]));
                return;
            }

            if (rels.Count == query.MaxHops)
            {
                return;
            }

            foreach (var r in graph.Relationships.Where(query.Admits))
            {
                string? next = null;
                if (r.StartId == at && query.Direction != TraversalDirection.In)
                {
                    next = r.EndId;
                }
                else if (r.EndId == at && query.Direction != TraversalDirection.Out)
                {
                    next = r.StartId;
                }

                if (next is null || nodes.Contains(next) || (next != query.ToId && query.Exclude.Contains(next)))
                {
                    continue;
                }

                nodes.Add(next);
                rels.Add(r);
                Walk(next);
                nodes.RemoveAt(nodes.Count - 1);
                rels.RemoveAt(rels.Count - 1);
            }
        }

        Walk(query.FromId);
        return [.. PathLinks.Group(paths).Take(query.K)];
    }

    /// <summary>Random relationships; <paramref name="hubShare"/> of them touch e0 or e1 (hubs).</summary>
    private static GraphSnapshot RandomGraph(Random random, int entities, int relationships, double hubShare, bool equalStrengths)
    {
        var ids = Enumerable.Range(0, entities).Select(i => $"e{i}").ToArray();
        double[] confidences = equalStrengths ? [0.67] : [0.3, 0.5, 0.67, 0.8, 0.9];
        var rels = new List<Relationship>();
        for (var i = 0; i < relationships; i++)
        {
            var start = random.NextDouble() < hubShare ? ids[random.Next(2)] : ids[random.Next(entities)];
            var end = ids[random.Next(entities)];
            if (random.Next(2) == 0)
            {
                (start, end) = (end, start);
            }

            PartialDate? since = random.Next(3) == 0 ? new PartialDate(2000 + random.Next(10)) : null;
            PartialDate? until = random.Next(3) == 0 ? new PartialDate(2005 + random.Next(10), random.Next(1, 13)) : null;
            rels.Add(new Relationship(
                $"r{random.Next(1000):D3}-{i}",
                Types[random.Next(Types.Length)],
                start,
                end,
                since,
                until,
                confidences[random.Next(confidences.Length)],
                true,
                equalStrengths ? 1 : random.Next(1, 4),
                random.Next(5) == 0,
                []));
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

    private static PathQuery RandomQuery(Random random, GraphSnapshot graph)
    {
        var ids = graph.Entities.Select(e => e.Id).ToArray();
        var types = new HashSet<string>(Types.Where(_ => random.Next(3) == 0), StringComparer.Ordinal);
        var exclude = new HashSet<string>(StringComparer.Ordinal);
        if (random.Next(3) == 0)
        {
            exclude.Add(ids[random.Next(ids.Length)]);
        }

        return new PathQuery(ids[random.Next(ids.Length)], ids[random.Next(ids.Length)])
        {
            MaxHops = random.Next(1, 6),
            K = random.Next(1, 12),
            Types = types,
            Direction = (TraversalDirection)random.Next(3),
            MinConfidence = random.Next(3) == 0 ? 0.5 : 0,
            Exclude = exclude,
            AsOf = random.Next(3) == 0 ? new DateOnly(2003 + random.Next(10), 6, 1) : null,
            Contested = random.Next(3) == 0 ? ContestedFilter.Exclude : ContestedFilter.Include,
        };
    }

    /// <summary>A hub joined to every leaf twice (two parallel relationships), and each leaf to the next.</summary>
    private static GraphSnapshot Star(int spokes)
    {
        var width = spokes.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var leaves = Enumerable.Range(0, spokes).Select(i => "leaf-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0')).ToArray();
        var rels = new List<Relationship>();
        foreach (var leaf in leaves)
        {
            rels.Add(new Relationship($"{leaf}-a", "MEMBER_OF", leaf, "hub", null, null, 0.5, false, 1, false, []));
            rels.Add(new Relationship($"{leaf}-b", "ALLIED_WITH", leaf, "hub", null, null, 0.5, false, 1, false, []));
        }

        for (var i = 1; i < leaves.Length; i++)
        {
            rels.Add(new Relationship($"{leaves[i]}-chain", "ALLIED_WITH", leaves[i - 1], leaves[i], null, null, 0.5, false, 1, false, []));
        }

        return new GraphSnapshot(
            "star",
            "star",
            PredicateVocabulary.BuiltIns,
            [new Entity("hub", EntityType.Organization, "Hub", [], null), .. leaves.Select(l => new Entity(l, EntityType.Person, l, [], null))],
            [],
            rels,
            []);
    }
}
