using GraphService.Core.Queries;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// Paths on Neo4j's shortest-path planner (issue 10, part 6): SHORTEST g GROUPS with every filter inside the quantified
/// pattern, one more group only while fewer than k chains are known, rows grouped into chains of entities whose links
/// carry every parallel relationship strongest first, and the embedded store's order (Core's PathOrder).
/// </summary>
public sealed class PathStatementContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string Qais = Typed.Node("4:x:1", ["Entity", "Person"], ("id", Typed.S("qais")), ("name", Typed.S("Qais")), ("type", Typed.S("Person")));
    private static readonly string Hadi = Typed.Node("4:x:2", ["Entity", "Person"], ("id", Typed.S("hadi")), ("name", Typed.S("Hadi")), ("type", Typed.S("Person")));
    private static readonly string Aah = Typed.Node("4:x:3", ["Entity", "Organization"], ("id", Typed.S("aah")), ("name", Typed.S("AAH")), ("type", Typed.S("Organization")));
    private static readonly string Badr = Typed.Node("4:x:4", ["Entity", "Organization"], ("id", Typed.S("badr")), ("name", Typed.S("Badr")), ("type", Typed.S("Organization")));
    private static readonly string Iran = Typed.Node("4:x:5", ["Entity", "Place"], ("id", Typed.S("iran")), ("name", Typed.S("Iran")), ("type", Typed.S("Place")));

    // Two parallel relationships Qais -> AAH (the weaker listed first, as Neo4j may), then AAH -> Hadi: one chain.
    private static readonly string[] ViaAah = Chain([Qais, Aah, Hadi], [[Rel("r-b", "4:x:1", "4:x:3", "MEMBER_OF", 1, 0.5), Rel("r-z", "4:x:1", "4:x:3", "LEADS", 3, 0.9)], [Rel("r-y", "4:x:3", "4:x:2", "MEMBER_OF", 2, 0.8)]]);

    // A trail of the second group that passes AAH twice: not a chain of distinct entities.
    private static readonly string[] Revisiting = Chain([Qais, Aah, Badr, Aah, Hadi], [[Rel("r-z", "4:x:1", "4:x:3", "LEADS", 3, 0.9)], [Rel("r-k", "4:x:3", "4:x:4", "MEMBER_OF", 1, 0.7)], [Rel("r-k2", "4:x:4", "4:x:3", "MEMBER_OF", 1, 0.6)], [Rel("r-y", "4:x:3", "4:x:2", "MEMBER_OF", 2, 0.8)]]);

    private static readonly string[] ViaBadrAndIran = Chain([Qais, Badr, Iran, Hadi], [[Rel("r-m", "4:x:1", "4:x:4", "MEMBER_OF", 2, 0.9)], [Rel("r-f", "4:x:4", "4:x:5", "LEADS", 2, 0.9)], [Rel("r-l", "4:x:5", "4:x:2", "LEADS", 2, 0.9)]]);

    [Fact]
    public async Task Groups_are_asked_for_one_more_at_a_time_until_k_chains_with_the_filters_inside_the_pattern()
    {
        var replay = Graph()
            .On("shortest-path-groups", ["entities", "links"], ViaAah)
            .On("shortest-path-groups", ["entities", "links"], ViaAah, Revisiting, ViaBadrAndIran);
        var query = new PathQuery("qais", "hadi") { K = 2, MaxHops = 5, Types = new HashSet<string> { "MEMBER_OF", "LEADS" }, Direction = TraversalDirection.Out, AsOf = new DateOnly(2015, 6, 1) };

        var result = await StoreContractTests.Store(replay).FindPathsAsync(query, None);

        Assert.NotNull(result);
        Assert.Equal([["qais", "aah", "hadi"], ["qais", "badr", "iran", "hadi"]], result.Paths.Select(p => p.Nodes.Select(n => n.Id).ToArray()));
        // The parallel relationships form one link, strongest first, each with its citations.
        Assert.Equal([["r-z", "r-b"], ["r-y"]], result.Paths[0].Links.Select(l => l.Relationships.Select(r => r.Id).ToArray()));
        Assert.Equal("cit-r-b", Assert.Single(result.Paths[0].Links[0].Relationships[1].Citations).Id);
        Assert.False(result.Truncated);
        var sent = replay.Named("shortest-path-groups").ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains("MATCH p = SHORTEST 1 GROUPS (a:Entity {id: $fromId})", sent[0].Statement, StringComparison.Ordinal);
        Assert.Contains("MATCH p = SHORTEST 2 GROUPS (a:Entity {id: $fromId})", sent[1].Statement, StringComparison.Ordinal);
        Assert.All(sent, r => Assert.Contains("(()-[r:LEADS|MEMBER_OF WHERE r.confidence >= $minConfidence", r.Statement, StringComparison.Ordinal));
        Assert.All(sent, r => Assert.Contains("]->(x:Entity WHERE NOT x.id IN $exclude)){1,5}", r.Statement, StringComparison.Ordinal));
        Assert.All(sent, r => Assert.Equal(("qais", "hadi", "2015-06-01", 5001L), (r.Text("fromId"), r.Text("toId"), r.Text("asOf"), r.Integer("limit"))));
        Assert.Equal(["r-b", "r-f", "r-l", "r-m", "r-y", "r-z"], ClaimIdsAsked(replay));
    }

    [Fact]
    public async Task The_search_stops_when_an_answer_holds_fewer_lengths_than_groups_asked_for()
    {
        var replay = Graph().On("shortest-path-groups", ["entities", "links"], ViaAah);

        var result = await StoreContractTests.Store(replay).FindPathsAsync(new PathQuery("qais", "hadi") { K = 3, MaxHops = 6 }, None);

        Assert.Single(result!.Paths);
        // Group 1 gave one length; asking for two gave still one, so no longer path exists within maxHops.
        Assert.Equal(2, replay.Named("shortest-path-groups").Count());
    }

    [Fact]
    public async Task A_trail_that_passes_an_entity_twice_is_not_a_path()
    {
        // Lengths 2 and 4 exist; the only trail of length 4 passes AAH twice, so there is one path, not two.
        var replay = Graph()
            .On("shortest-path-groups", ["entities", "links"], ViaAah)
            .On("shortest-path-groups", ["entities", "links"], ViaAah, Revisiting);

        var result = await StoreContractTests.Store(replay).FindPathsAsync(new PathQuery("qais", "hadi") { K = 2, MaxHops = 4 }, None);

        Assert.Equal(["qais", "aah", "hadi"], Assert.Single(result!.Paths).Nodes.Select(n => n.Id));
        Assert.Equal(3, replay.Named("shortest-path-groups").Count());
    }

    [Fact]
    public async Task No_path_at_all_costs_one_statement_and_is_an_empty_untruncated_answer()
    {
        var replay = Graph().On("shortest-path-groups", ["entities", "links"]);

        var result = await StoreContractTests.Store(replay).FindPathsAsync(new PathQuery("qais", "hadi") { K = 3 }, None);

        Assert.Empty(result!.Paths);
        Assert.False(result.Truncated);
        Assert.Single(replay.Named("shortest-path-groups"));
        Assert.Empty(replay.Named("claims-by-ids"));
    }

    [Fact]
    public async Task A_typed_path_request_is_checked_against_the_cached_vocabulary_and_sends_no_schema_statement()
    {
        var replay = Graph([Typed.S("SHELTERED_BY"), Typed.S("is sheltered by"), Typed.B(false)]).On("shortest-path-groups", ["entities", "links"], ViaAah);
        var store = StoreContractTests.Store(replay);
        await store.PrepareAsync(None);
        var before = replay.Requests.Count;
        var queries = new GraphQueries(store);

        var admitted = await queries.PathsAsync("Qais", "Hadi", (from, to) => new PathQuery(from, to) { K = 1, Types = new HashSet<string> { "sheltered_by", "member_of" } }, None);
        var refused = await queries.PathsAsync("Qais", "Hadi", (from, to) => new PathQuery(from, to) { Types = new HashSet<string> { "HARBOURED_BY" } }, None);

        // The corpus's own predicate is admitted (the vocabulary is the graph's, not the built-ins), an unknown one is not.
        Assert.IsType<QueryOutcome<PathResult>.Ok>(admitted);
        Assert.Contains("HARBOURED_BY", Assert.Single(Assert.IsType<QueryOutcome<PathResult>.Invalid>(refused).Errors).Message, StringComparison.Ordinal);
        Assert.Contains("MEMBER_OF|SHELTERED_BY", Assert.Single(replay.Named("shortest-path-groups")).Statement, StringComparison.Ordinal);
        var sent = replay.Requests.Skip(before).ToList();
        Assert.DoesNotContain(sent, r => r.Name.StartsWith("schema-", StringComparison.Ordinal));
        // Names and vocabulary come from the cache of the stamp the path's own transaction checks: nothing is sent outside it.
        Assert.DoesNotContain(sent, r => r.Transaction is null);
    }

    private static IEnumerable<string> ClaimIdsAsked(StatementReplay replay) =>
        replay.Named("claims-by-ids").Single().Parameters.GetProperty("ids").GetProperty("_value").EnumerateArray().Select(v => v.GetProperty("_value").GetString()!);

    private static string Rel(string id, string start, string end, string type, int corroboration, double confidence) => Typed.Rel(
        "5:x:" + id, start, end, type, ("id", Typed.S(id)), ("confidence", Typed.F(confidence)), ("corroboration", Typed.I(corroboration)), ("contested", Typed.B(false)), ("since", Typed.Null), ("until", Typed.Null));

    /// <summary>A row of shortest-path-groups: the entities, and per step the relationships used there.</summary>
    private static string[] Chain(string[] entities, string[][] steps) =>
        [Typed.L(entities), Typed.L([.. steps.Select((rels, i) => Typed.M(("step", Typed.I(i)), ("relationships", Typed.L(rels))))])];

    private static StatementReplay Graph(params string[][] predicates)
    {
        string[] Entity(string id, string name, string type) => [Typed.S(id), Typed.S(name), Typed.S(type), Typed.L()];
        string[] Claim(string id, string type, string start, string end, int corroboration, double confidence) =>
            [Typed.S(id), Typed.S(type), Typed.S(type.ToLowerInvariant()), Typed.S(start), Typed.S(end), Typed.F(confidence), Typed.I(corroboration), Typed.B(false), Typed.Null, Typed.Null, Typed.L(Typed.M(("id", Typed.S("cit-" + id)), ("quote", Typed.S("q")), ("start", Typed.I(0)), ("end", Typed.I(1)), ("stance", Typed.S("supports")), ("documentId", Typed.S("doc")), ("title", Typed.S("T")), ("publisher", Typed.S("P")), ("published", Typed.S("2015")), ("url", Typed.Null))), Typed.I(corroboration)];
        return new StatementReplay()
            .On("graph-stamp", ["version", "importedAt"], [Typed.S("v-1"), Typed.S("t1")])
            .On("snapshot-predicates", ["type", "phrase", "builtIn"], predicates)
            .On("name-table", ["id", "name", "type", "aliases"], Entity("qais", "Qais", "Person"), Entity("hadi", "Hadi", "Person"), Entity("aah", "AAH", "Organization"), Entity("badr", "Badr", "Organization"), Entity("iran", "Iran", "Place"))
            .On(
                "claims-by-ids",
                ["id", "type", "phrase", "startId", "endId", "confidence", "corroboration", "contested", "since", "until", "citations", "publishers"],
                Claim("r-b", "MEMBER_OF", "qais", "aah", 1, 0.5),
                Claim("r-z", "LEADS", "qais", "aah", 3, 0.9),
                Claim("r-y", "MEMBER_OF", "aah", "hadi", 2, 0.8),
                Claim("r-m", "MEMBER_OF", "qais", "badr", 2, 0.9),
                Claim("r-f", "LEADS", "badr", "iran", 2, 0.9),
                Claim("r-l", "LEADS", "iran", "hadi", 2, 0.9));
    }
}
