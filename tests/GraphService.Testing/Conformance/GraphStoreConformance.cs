using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Core.Store;
using Xunit;
using static GraphService.Testing.Conformance.ConformanceGraph;

namespace GraphService.Testing.Conformance;

/// <summary>
/// What every <see cref="IGraphStore"/> backend must answer about <see cref="ConformanceGraph"/>. A backend's test
/// project subclasses this and supplies a store loaded with <see cref="ConformanceGraph.Snapshot"/>; the tests only
/// read (or replace the graph with itself), so one loaded store can serve the whole class.
/// The tests are skippable so that a backend needing an absent server (Neo4j) can skip them with the reason,
/// by calling Skip.If in its <see cref="Store"/>; for a backend that never skips they behave as plain facts.
/// </summary>
public abstract partial class GraphStoreConformance
{
    /// <summary>A store that holds exactly <see cref="ConformanceGraph.Snapshot"/>.</summary>
    protected abstract IGraphStore Store { get; }

    private static CancellationToken None => CancellationToken.None;

    private static GraphSnapshot Graph => Snapshot;

    // ---- status, snapshot, idempotent replace

    [SkippableFact]
    public async Task Status_reports_the_loaded_version_and_counts()
    {
        var status = await Store.GetStatusAsync(None);

        Assert.True(status.Ready);
        Assert.Equal(Graph.Version, status.GraphVersion);
        Assert.Equal(Graph.Entities.Count, status.Entities);
        Assert.Equal(Graph.Relationships.Count, status.Relationships);
        Assert.Equal(Graph.Documents.Count, status.Documents);
    }

    [SkippableFact]
    public async Task Reading_the_snapshot_back_gives_the_imported_graph()
    {
        var read = await Store.ReadSnapshotAsync(None);

        Assert.NotNull(read);
        Assert.Equal(Graph.Version, read.Version);
        Assert.Equal(GraphJson.Serialize(Graph.Entities), GraphJson.Serialize(read.Entities));
        Assert.Equal(GraphJson.Serialize(Graph.Documents), GraphJson.Serialize(read.Documents));
        Assert.Equal(
            GraphJson.Serialize(Graph.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal)),
            GraphJson.Serialize(read.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal)));
        Assert.Equal(
            GraphJson.Serialize(Graph.Predicates.OrderBy(p => p.Type, StringComparer.Ordinal)),
            GraphJson.Serialize(read.Predicates.OrderBy(p => p.Type, StringComparer.Ordinal)));
        Assert.Equal(Graph.Mentions.Count, read.Mentions.Count);
        Assert.Equal(Graph.Mentions.ToHashSet(), read.Mentions.ToHashSet());
    }

    [SkippableFact]
    public async Task Reading_the_graph_in_passes_gives_the_snapshot_in_every_pass()
    {
        var snapshot = (await Store.ReadSnapshotAsync(None))!;
        var passes = 0;

        var found = await Store.ReadGraphAsync(
            (content, _) =>
            {
                Assert.Equal(snapshot.Version, content.Version);
                Assert.Equal(snapshot.CorpusName, content.CorpusName);
                Assert.Equal(GraphJson.Serialize(snapshot.Predicates), GraphJson.Serialize(content.Predicates));
                Assert.Equal((snapshot.Entities.Count, snapshot.Documents.Count, snapshot.Relationships.Count), (content.EntityCount, content.DocumentCount, content.RelationshipCount));
                for (passes = 0; passes < 2; passes++)
                {
                    Assert.Equal(GraphJson.Serialize(snapshot.Entities), GraphJson.Serialize(content.Entities.ToList()));
                    Assert.Equal(GraphJson.Serialize(snapshot.Documents), GraphJson.Serialize(content.Documents.ToList()));
                    Assert.Equal(GraphJson.Serialize(snapshot.Relationships), GraphJson.Serialize(content.Relationships.ToList()));
                    Assert.Equal(snapshot.Mentions, content.Mentions.ToList());
                }

                return Task.CompletedTask;
            },
            None);

        Assert.True(found);
        Assert.Equal(2, passes);
    }

    [SkippableFact]
    public async Task Replacing_the_graph_with_the_same_version_changes_nothing()
    {
        var before = await Store.GetStatusAsync(None);

        await Store.ReplaceGraphAsync(Snapshot, None);

        Assert.Equal(before, await Store.GetStatusAsync(None));
        Assert.IsType<Resolution.Resolved>(await Store.ResolveAsync("Qasem Suleimani", None));
    }

    // ---- resolution

    [SkippableTheory]
    [InlineData("qasem-suleimani", Suleimani)]
    [InlineData("Qasem Suleimani", Suleimani)]
    [InlineData("QasemSuleimani", Suleimani)]
    [InlineData("qasem  SULEIMANI", Suleimani)]
    [InlineData("Suleimani", Suleimani)]
    [InlineData("Qasem Soleimani", Suleimani)]
    [InlineData("QĀSEM SOLEIMĀNĪ", Suleimani)]
    [InlineData("al-Ameri", Ameri)]
    [InlineData("Hadi Al Ameri", Ameri)]
    [InlineData("Al Khazali", Khazali)]
    [InlineData("AL-KHAZALI", Khazali)]
    [InlineData("Qais Khazali", Khazali)]
    [InlineData("Jose Munoz", Munoz)]
    [InlineData("Kataib Hezbollah", Kh)]
    [InlineData("Kata’ib Hezbollah", Kh)]
    [InlineData("irgc qf", QudsForce)]
    [InlineData("Asaib Ahl al Haq", Aah)]
    public async Task Resolve_finds_an_entity_by_id_name_or_alias_in_any_spelling(string text, string expectedId)
    {
        var resolution = await Store.ResolveAsync(text, None);

        var resolved = Assert.IsType<Resolution.Resolved>(resolution);
        Assert.Equal(expectedId, resolved.Entity.Id);
        Assert.Equal(text, resolved.Text);
    }

    [SkippableFact]
    public async Task Resolve_reports_ambiguity_with_the_candidates_sorted_by_name_then_id()
    {
        var resolution = await Store.ResolveAsync("abu ali", None);

        var ambiguous = Assert.IsType<Resolution.Ambiguous>(resolution);
        Assert.Equal([AbuAliNorth, AbuAliSouth], ambiguous.Candidates.Select(c => c.Id));
        Assert.All(ambiguous.Candidates, c => Assert.Equal("Abu Ali", c.Name));
    }

    [SkippableFact]
    public async Task Resolve_by_exact_id_wins_over_a_shared_name()
    {
        var resolution = await Store.ResolveAsync(AbuAliSouth, None);

        Assert.Equal(AbuAliSouth, Assert.IsType<Resolution.Resolved>(resolution).Entity.Id);
    }

    [SkippableFact]
    public async Task Resolve_of_a_misspelling_is_not_found_with_the_closest_names_suggested()
    {
        var resolution = await Store.ResolveAsync("Suleymani", None);

        var notFound = Assert.IsType<Resolution.NotFound>(resolution);
        Assert.Equal(Suleimani, notFound.Suggestions[0].Id);
        Assert.True(notFound.Suggestions.Count <= 5);
    }

    [SkippableFact]
    public async Task Resolve_of_something_unknown_suggests_nothing()
    {
        var resolution = await Store.ResolveAsync("zzzz qqqq", None);

        Assert.Empty(Assert.IsType<Resolution.NotFound>(resolution).Suggestions);
    }

    // ---- search

    [SkippableFact]
    public async Task Search_ranks_an_exact_alias_first_and_says_what_matched()
    {
        var hits = await Store.SearchEntitiesAsync(new EntitySearch("badr"), None);

        Assert.Equal(Badr, hits[0].Id);
        Assert.Equal("Badr", hits[0].MatchedText);
        Assert.Equal(1.0, hits[0].Score);
        Assert.Equal(["Badr"], hits[0].Aliases);
        Assert.All(hits, h => Assert.True(h.Score >= 0.5));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Id), hits.Select(h => h.Id));
    }

    [SkippableFact]
    public async Task Search_tolerates_a_typo()
    {
        var hits = await Store.SearchEntitiesAsync(new EntitySearch("Kataib Hezbolah"), None);

        Assert.Contains(hits, h => h.Id == Kh);
    }

    [SkippableFact]
    public async Task Search_without_text_lists_every_entity_by_name()
    {
        var hits = await Store.SearchEntitiesAsync(new EntitySearch(null) { Limit = 100 }, None);

        Assert.Equal(
            Graph.Entities.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Id),
            hits.Select(h => h.Id));
    }

    [SkippableFact]
    public async Task Search_filters_by_entity_type()
    {
        var hits = await Store.SearchEntitiesAsync(new EntitySearch("") { Type = EntityType.Place }, None);

        Assert.Equal([Baghdad, LonelyIsland], hits.Select(h => h.Id));
    }

    [SkippableFact]
    public async Task Search_pages_with_offset_and_limit()
    {
        var all = await Store.SearchEntitiesAsync(new EntitySearch(null) { Limit = 100 }, None);
        var page = await Store.SearchEntitiesAsync(new EntitySearch(null) { Offset = 2, Limit = 3 }, None);

        Assert.Equal(all.Skip(2).Take(3).Select(h => h.Id), page.Select(h => h.Id));
    }

    // ---- paths

    [SkippableFact]
    public async Task Paths_are_shortest_first_then_strongest_weakest_link_then_by_entity_ids()
    {
        var result = await Paths(Ameri, Khazali, q => q with { K = 25, MaxHops = 6 });

        // Every distinct chain of entities once; the parallel MET_WITH pair (r09, r10) is one link, counted by r10.
        Assert.Equal(
            [
                ["r11"],
                ["r04", "r06", "r07", "r05"],
                ["r10", "r01", "r03", "r05"],
                ["r10", "r01", "r02", "r08", "r07", "r05"],
                ["r04", "r06", "r08", "r02", "r03", "r05"],
            ],
            RelationshipIds(result));
        Assert.False(result.Truncated);
        Assert.Equal(result.Paths, result.Paths.Order(PathOrder.Instance));
    }

    [SkippableFact]
    public async Task Paths_default_to_three_of_at_most_four_hops()
    {
        var result = await Paths(Ameri, Khazali);

        Assert.Equal([["r11"], ["r04", "r06", "r07", "r05"], ["r10", "r01", "r03", "r05"]], RelationshipIds(result));
    }

    [SkippableFact]
    public async Task A_path_lists_its_nodes_in_walking_order_joined_by_its_relationships()
    {
        var result = await Paths(Ameri, Khazali);

        var hubPath = result.Paths[1];
        Assert.Equal(4, hubPath.Length);
        Assert.Equal([Ameri, Badr, Hub, Aah, Khazali], hubPath.Nodes.Select(n => n.Id));
        for (var i = 0; i < hubPath.Length; i++)
        {
            var r = hubPath.Relationships[i];
            Assert.Equal(
                new[] { hubPath.Nodes[i].Id, hubPath.Nodes[i + 1].Id }.Order(StringComparer.Ordinal),
                new[] { r.StartNodeId, r.EndNodeId }.Order(StringComparer.Ordinal));
        }

        Assert.Equal(Ameri, result.From.Id);
        Assert.Equal("Qais al-Khazali", result.To.Name);
        Assert.Equal(Graph.Version, result.GraphVersion);
    }

    [SkippableFact]
    public async Task Parallel_relationships_form_one_link_strongest_first()
    {
        var result = await Paths(Ameri, Suleimani, q => q with { Types = Set("MET_WITH") });

        var path = Assert.Single(result.Paths);
        var link = Assert.Single(path.Links);
        Assert.Equal((Ameri, Suleimani), (link.FromId, link.ToId));
        Assert.Equal(["r10", "r09"], link.Relationships.Select(r => r.Id));
        Assert.Equal(["r10"], path.Relationships.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task K_limits_the_number_of_paths()
    {
        var result = await Paths(Ameri, Khazali, q => q with { K = 1 });

        Assert.Equal([["r11"]], RelationshipIds(result));
    }

    [SkippableFact]
    public async Task MaxHops_limits_the_path_length()
    {
        var result = await Paths(Ameri, Khazali, q => q with { MaxHops = 3 });

        Assert.Equal([["r11"]], RelationshipIds(result));
    }

    [SkippableFact]
    public async Task Contested_relationships_can_be_excluded()
    {
        var result = await Paths(Ameri, Khazali, q => q with { Contested = ContestedFilter.Exclude });

        Assert.Equal([["r04", "r06", "r07", "r05"], ["r10", "r01", "r03", "r05"]], RelationshipIds(result));
    }

    [SkippableFact]
    public async Task No_path_within_the_limits_is_an_empty_untruncated_answer()
    {
        var result = await Paths(Ameri, Khazali, q => q with { MaxHops = 3, Contested = ContestedFilter.Exclude });

        Assert.Empty(result.Paths);
        Assert.False(result.Truncated);
    }

    [SkippableFact]
    public async Task Excluded_entities_are_routed_around()
    {
        var result = await Paths(Ameri, Khazali, q => q with { Exclude = Set(Hub) });

        Assert.Equal([["r11"], ["r10", "r01", "r03", "r05"]], RelationshipIds(result));
        Assert.DoesNotContain(result.Paths.SelectMany(p => p.Nodes), n => n.Id == Hub);
    }

    [SkippableFact]
    public async Task Excluding_an_end_leaves_no_paths()
    {
        var result = await Paths(Ameri, Khazali, q => q with { Exclude = Set(Khazali) });

        Assert.Empty(result.Paths);
    }

    [SkippableFact]
    public async Task Types_restrict_the_relationships_followed()
    {
        var result = await Paths(Ameri, Khazali, q => q with { MaxHops = 6, Types = Set("LEADS", "MET_WITH", "COMMANDS", "ARMED_BY") });

        Assert.Equal([["r10", "r01", "r03", "r05"]], RelationshipIds(result));
        Assert.Equal(["r10", "r09"], result.Paths[0].Links[0].Relationships.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task AsOf_keeps_only_relationships_that_held_on_that_day()
    {
        var result = await Paths(Ameri, Khazali, q => q with
        {
            Types = Set("LEADS", "MET_WITH", "COMMANDS", "ARMED_BY"),
            AsOf = new DateOnly(2015, 3, 1),
        });

        Assert.Equal([["r10", "r01", "r03", "r05"]], RelationshipIds(result));
    }

    [SkippableFact]
    public async Task AsOf_after_an_until_date_drops_the_relationship()
    {
        var result = await Paths(Suleimani, QudsForce, q => q with { AsOf = new DateOnly(2020, 1, 4), MaxHops = 1 });

        Assert.Empty(result.Paths);
    }

    [SkippableFact]
    public async Task MinConfidence_drops_weaker_relationships()
    {
        var result = await Paths(Ameri, Khazali, q => q with { MinConfidence = 0.6, MaxHops = 6, K = 25 });

        Assert.Equal([["r04", "r06", "r07", "r05"], ["r10", "r01", "r02", "r08", "r07", "r05"]], RelationshipIds(result));
    }

    [SkippableFact]
    public async Task Direction_out_follows_relationships_as_written()
    {
        var result = await Paths(Khazali, Hub, q => q with { Direction = TraversalDirection.Out });

        Assert.Equal([["r05", "r07"], ["r11", "r04", "r06"]], RelationshipIds(result));
    }

    [SkippableFact]
    public async Task Direction_in_follows_relationships_against_their_direction()
    {
        var toward = await Paths(Hub, Khazali, q => q with { Direction = TraversalDirection.In });
        var against = await Paths(Khazali, Hub, q => q with { Direction = TraversalDirection.In });

        Assert.Equal([["r07", "r05"], ["r06", "r04", "r11"]], RelationshipIds(toward));
        Assert.Empty(against.Paths);
    }

    [SkippableFact]
    public async Task Direction_any_follows_relationships_either_way()
    {
        var result = await Paths(Khazali, Hub);

        Assert.Equal([["r05", "r07"], ["r11", "r04", "r06"], ["r05", "r03", "r02", "r08"]], RelationshipIds(result));
    }

    [SkippableFact]
    public async Task Paths_never_repeat_an_entity()
    {
        var result = await Paths(Munoz, AbuAliNorth, q => q with { K = 25, MaxHops = 6 });

        Assert.NotEmpty(result.Paths);
        Assert.All(result.Paths, p => Assert.Equal(p.Nodes.Count, p.Nodes.Select(n => n.Id).Distinct().Count()));
    }

    [SkippableFact]
    public async Task A_disconnected_entity_has_no_paths()
    {
        var result = await Paths(Ameri, LonelyIsland, q => q with { MaxHops = 6 });

        Assert.Empty(result.Paths);
        Assert.False(result.Truncated);
    }

    [SkippableFact]
    public async Task An_entity_has_no_path_to_itself()
    {
        var result = await Paths(Ameri, Ameri);

        Assert.Empty(result.Paths);
        Assert.False(result.Truncated);
    }

    [SkippableFact]
    public async Task Paths_from_an_unknown_entity_are_null()
    {
        Assert.Null(await Store.FindPathsAsync(new PathQuery("no-such-entity", Ameri), None));
        Assert.Null(await Store.FindPathsAsync(new PathQuery(Ameri, "no-such-entity"), None));
    }

    [SkippableFact]
    public async Task Paths_planned_from_names_are_the_paths_between_the_entities_the_names_resolve_to()
    {
        var byIds = await Paths(Suleimani, QudsForce, q => q with { MaxHops = 2 });
        PredicateVocabulary? planned = null;

        var byNames = await Required(Store.FindPathsAsync(
            names =>
            {
                planned = names.Vocabulary;
                return names.Resolve("Qasem Suleimani") is Resolution.Resolved from && names.Resolve(QudsForce) is Resolution.Resolved to
                    ? new PathQuery(from.Entity.Id, to.Entity.Id) { MaxHops = 2 }
                    : null;
            },
            None));

        Assert.Equal(byIds.GraphVersion, byNames.GraphVersion);
        Assert.Equal(Suleimani, byNames.From.Id);
        Assert.Equal(RelationshipIds(byIds), RelationshipIds(byNames));
        Assert.Equal((await Store.GetVocabularyAsync(None)).All.Select(p => p.Type), planned!.All.Select(p => p.Type));
    }

    [SkippableFact]
    public async Task Paths_whose_plan_answers_nothing_are_null()
    {
        Assert.Null(await Store.FindPathsAsync(names => names.Resolve("zzzz qqqq") is Resolution.Resolved r ? new PathQuery(r.Entity.Id, Ameri) : null, None));
    }

    [SkippableFact]
    public async Task Relationships_in_a_path_carry_their_evidence()
    {
        var result = await Paths(Suleimani, QudsForce, q => q with { MaxHops = 1 });

        var r = Assert.Single(Assert.Single(result.Paths).Relationships);
        Assert.Equal("r01", r.Id);
        Assert.Equal("COMMANDS", r.Type);
        Assert.Equal("commands", r.Phrase);
        Assert.Equal(Suleimani, r.StartNodeId);
        Assert.Equal(QudsForce, r.EndNodeId);
        Assert.Equal(0.9, r.Confidence);
        Assert.Equal(3, r.Corroboration);
        Assert.False(r.Contested);
        Assert.Equal("1998", r.Since);
        Assert.Equal("2020-01-03", r.Until);
        Assert.Equal(["Alpha Wire", "Beta Monitor", "Gamma Review"], r.Citations.Select(c => c.Publisher));
        var first = r.Citations[0];
        var document = Graph.Documents.Single(d => d.Id == first.DocumentId);
        Assert.Equal(first.Quote, document.Body[first.Start..first.End]);
        Assert.Equal("Alpha report", first.Title);
        Assert.Equal("2020-01", first.Published);
        Assert.Equal("https://alpha.example/report", first.Url);
        Assert.Equal(Stance.Supports, first.Stance);
    }

    [SkippableFact]
    public async Task A_contested_relationship_shows_its_disputing_citation()
    {
        var result = await Paths(Khazali, Ameri, q => q with { MaxHops = 1 });

        var r = Assert.Single(Assert.Single(result.Paths).Relationships);
        Assert.True(r.Contested);
        Assert.Equal([Stance.Supports, Stance.Disputes], r.Citations.Select(c => c.Stance));
    }

    private Task<PathResult> Paths(string from, string to, Func<PathQuery, PathQuery>? shape = null) =>
        Required(Store.FindPathsAsync((shape ?? (q => q))(new PathQuery(from, to)), None));

    private Task<NeighborhoodResult> Neighborhood(string center, Func<NeighborhoodQuery, NeighborhoodQuery>? shape = null) =>
        Required(Store.GetNeighborhoodAsync((shape ?? (q => q))(new NeighborhoodQuery(center)), None));

    private static async Task<T> Required<T>(Task<T?> task)
        where T : class =>
        await task ?? throw new Xunit.Sdk.XunitException("the store answered null for entities that exist");

    private static string[][] RelationshipIds(PathResult result) =>
        [.. result.Paths.Select(p => p.Relationships.Select(r => r.Id).ToArray())];

    private static HashSet<string> Set(params string[] items) => new(items, StringComparer.Ordinal);
}
