using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// Names and ids are looked up in the name table the store caches per graph stamp (Core's AliasIndex), not by Cypher
/// round trips (issue 9): once it is loaded, resolution and search cost one statement, the stamp check.
/// </summary>
public sealed class NameResolutionContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Resolution_by_id_by_name_key_and_without_articles_follows_core_with_ambiguity_by_name_then_id()
    {
        var store = StoreContractTests.Store(Names());

        var byId = await store.ResolveAsync(" hadi-al-ameri ", None);
        var byAlias = await store.ResolveAsync("AMERI", None);
        var withoutArticle = await store.ResolveAsync("Qais Khazali", None);
        var ambiguous = await store.ResolveAsync("abu ali", None);
        var unknown = await store.ResolveAsync("Hadi al-Amari", None);

        Assert.Equal("hadi-al-ameri", Assert.IsType<Resolution.Resolved>(byId).Entity.Id);
        Assert.Equal("hadi-al-ameri", Assert.IsType<Resolution.Resolved>(byAlias).Entity.Id);
        Assert.Equal("qais-al-khazali", Assert.IsType<Resolution.Resolved>(withoutArticle).Entity.Id);
        Assert.Equal(["abu-ali-1", "abu-ali-2"], Assert.IsType<Resolution.Ambiguous>(ambiguous).Candidates.Select(c => c.Id));
        Assert.Equal("hadi-al-ameri", Assert.IsType<Resolution.NotFound>(unknown).Suggestions[0].Id);
    }

    [Fact]
    public async Task Once_the_names_are_loaded_resolution_and_search_send_only_the_stamp_check()
    {
        var replay = Names();
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);
        var before = replay.Requests.Count;

        await store.ResolveAsync("Ameri", None);
        await store.ResolveAsync("nobody at all", None);
        var hits = await store.SearchEntitiesAsync(new EntitySearch("ali") { Type = EntityType.Person }, None);

        Assert.NotEmpty(hits);
        Assert.All(replay.Requests.Skip(before), r => Assert.Equal(("graph-stamp", TxStep.Implicit), (r.Name, r.Step)));
        Assert.Equal(3, replay.Requests.Count - before);
    }

    [Fact]
    public async Task Unknown_ids_are_answered_from_the_name_table_without_asking_neo4j_for_them()
    {
        var replay = Names();
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);
        var before = replay.Requests.Count;

        Assert.Null(await store.GetEntityAsync(new EntityQuery("nobody"), None));
        Assert.Null(await store.FindPathsAsync(new PathQuery("nobody", "hadi-al-ameri"), None));
        Assert.Null(await store.GetNeighborhoodAsync(new NeighborhoodQuery("nobody"), None));

        Assert.All(replay.Requests.Skip(before), r => Assert.Equal("graph-stamp", r.Name));
    }

    [Fact]
    public async Task A_new_graph_stamp_reloads_the_names_so_resolution_follows_the_graph_neo4j_holds()
    {
        string[] Stamp(string version) => [Typed.S(version), Typed.S("t-" + version)];
        var replay = new StatementReplay()
            .On("graph-stamp", ["version", "importedAt"], Stamp("v-1"))
            .On("graph-stamp", ["version", "importedAt"], Stamp("v-1"))
            .On("graph-stamp", ["version", "importedAt"], Stamp("v-1"))
            .On("graph-stamp", ["version", "importedAt"], Stamp("v-2"))
            .On("snapshot-predicates", ["type", "phrase", "builtIn"])
            .On("name-table", ["id", "name", "type", "aliases"], [Typed.S("old"), Typed.S("Old Name"), Typed.S("Person"), Typed.L()])
            .On("name-table", ["id", "name", "type", "aliases"], [Typed.S("new"), Typed.S("New Name"), Typed.S("Person"), Typed.L()]);
        var store = StoreContractTests.Store(replay);

        var before = await store.ResolveAsync("Old Name", None);
        var after = await store.ResolveAsync("New Name", None);

        Assert.Equal("old", Assert.IsType<Resolution.Resolved>(before).Entity.Id);
        Assert.Equal("new", Assert.IsType<Resolution.Resolved>(after).Entity.Id);
        Assert.Equal(2, replay.Named("name-table").Count());
    }

    private static StatementReplay Names() => new StatementReplay()
        .On("graph-stamp", ["version", "importedAt"], [Typed.S("v-1"), Typed.S("t1")])
        .On("snapshot-predicates", ["type", "phrase", "builtIn"])
        .On(
            "name-table",
            ["id", "name", "type", "aliases"],
            [Typed.S("hadi-al-ameri"), Typed.S("Hadi al-Ameri"), Typed.S("Person"), Typed.L(Typed.S("Ameri"))],
            [Typed.S("qais-al-khazali"), Typed.S("Qais al-Khazali"), Typed.S("Person"), Typed.L()],
            [Typed.S("abu-ali-2"), Typed.S("Abu Ali"), Typed.S("Person"), Typed.L()],
            [Typed.S("abu-ali-1"), Typed.S("Abu Ali"), Typed.S("Person"), Typed.L()],
            [Typed.S("badr"), Typed.S("Badr Organization"), Typed.S("Organization"), Typed.L()]);
}
