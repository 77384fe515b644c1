using System.Collections;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Core.Traversal;
using GraphService.Testing;
using GraphService.Testing.Conformance;
using Microsoft.Data.Sqlite;
using Xunit;
using static GraphService.Testing.Conformance.ConformanceGraph;

namespace GraphService.Storage.Sqlite.Tests;

public sealed class SqliteGraphStoreTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _folder = new();
    private readonly List<SqliteGraphStore> _stores = [];

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task An_empty_store_is_not_ready_and_its_queries_are_unavailable()
    {
        var store = Open("empty.db");

        var status = await store.GetStatusAsync(None);

        Assert.False(status.Ready);
        Assert.Null(status.GraphVersion);
        Assert.Equal("sqlite", status.Backend);
        Assert.Null(await store.ReadSnapshotAsync(None));
        Assert.False(await store.ReadGraphAsync((_, _) => throw new InvalidOperationException("an empty store has no graph to read"), None));
        var unavailable = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.ResolveAsync("anything", None));
        Assert.Equal("the store is empty; import a corpus first", unavailable.Message);
        await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.FindPathsAsync(new PathQuery(Ameri, Khazali), None));
        await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.GetSchemaAsync(None));
        await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.ListDocumentsAsync(new DocumentListQuery(), None));
    }

    [Fact]
    public async Task The_store_creates_its_folder_and_file()
    {
        var path = Path.Combine(_folder.Path, "nested", "deeper", "graph.db");
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        _stores.Add(store);

        await store.ReplaceGraphAsync(Snapshot, None);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_new_instance_on_an_existing_file_answers_queries()
    {
        var path = _folder.File("graph.db");
        using (var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await writer.ReplaceGraphAsync(Snapshot, None);
        }

        var reader = Open("graph.db");

        Assert.Equal(Snapshot.Version, (await reader.GetStatusAsync(None)).GraphVersion);
        var paths = await reader.FindPathsAsync(new PathQuery(Ameri, Khazali), None);
        Assert.Equal(3, paths!.Paths.Count);
    }

    [Fact]
    public async Task A_new_instance_loads_the_index_the_import_saved_and_without_it_builds_the_same_from_the_rows()
    {
        var path = _folder.File("graph.db");
        using (var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await writer.ReplaceGraphAsync(Snapshot, None);
        }

        var loaded = await AnswersOf(Open("graph.db"));
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM index_parts;";
            Assert.True((long)command.ExecuteScalar()! > 20);
            command.CommandText = "DELETE FROM index_parts;";
            command.ExecuteNonQuery();
        }

        Assert.Equal(loaded, await AnswersOf(Open("graph.db")));

        static async Task<string> AnswersOf(SqliteGraphStore store) => System.Text.Json.JsonSerializer.Serialize(new object?[]
        {
            await store.FindPathsAsync(new PathQuery(Ameri, Khazali) { K = 5 }, None),
            await store.GetNeighborhoodAsync(new NeighborhoodQuery(Khazali) { Depth = 2 }, None),
            await store.ResolveAsync("Abu Ali", None),
            await store.ResolveAsync("al-Ameri", None),
            await store.SearchEntitiesAsync(new EntitySearch("kataib"), None),
            await store.GetSchemaAsync(None),
            await store.GetMostConnectedAsync(5, [], None),
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_new_instance_answers_from_the_evidence_it_holds_in_memory_exactly_as_the_importing_instance_reads_it_from_the_file(bool relationshipsOutOfIdOrder)
    {
        // The importing instance keeps the graph it wrote with the evidence rows it encoded for the file; a new instance
        // copies every row into memory when it loads the graph, unless told not to (then it reads each row from the file).
        // All must give the same answers, also when the snapshot does not list its relationships in the index's (id) order.
        var writer = Open("graph.db");
        var snapshot = relationshipsOutOfIdOrder
            ? Snapshot with { Relationships = [.. Snapshot.Relationships.OrderByDescending(r => r.Id, StringComparer.Ordinal)] }
            : Snapshot;
        await writer.ReplaceGraphAsync(snapshot, None);
        var reader = Open("graph.db");
        var fromFile = new SqliteGraphStore(new SqliteStoreOptions { Path = _folder.File("graph.db"), EvidenceInMemory = false });
        _stores.Add(fromFile);

        var written = await AnswersOf(writer);
        Assert.Equal(written, await AnswersOf(reader));
        Assert.Equal(written, await AnswersOf(fromFile));

        static async Task<string> AnswersOf(SqliteGraphStore store)
        {
            var answers = new List<object?>();
            foreach (var entity in Snapshot.Entities)
            {
                answers.Add(await store.GetNeighborhoodAsync(new NeighborhoodQuery(entity.Id) { Depth = 2 }, None));
                answers.Add(await store.GetNeighborhoodAsync(new NeighborhoodQuery(entity.Id) { Depth = 1, Limit = 2 }, None));
                answers.Add(await store.GetEntityAsync(new EntityQuery(entity.Id), None));
            }

            answers.Add(await store.FindPathsAsync(new PathQuery(Ameri, Khazali) { K = 5 }, None));
            answers.Add(await store.GetMostConnectedAsync(10, [], None));
            foreach (var citation in Snapshot.Relationships.SelectMany(r => r.Citations).Select(c => c.Id).Distinct())
            {
                answers.Add(await store.GetCitationAsync(citation, None));
            }

            return System.Text.Json.JsonSerializer.Serialize(answers);
        }
    }

    [Fact]
    public async Task The_importing_instance_holds_the_evidence_rows_in_memory_as_an_instance_that_loads_the_file_does()
    {
        var path = _folder.File("graph.db");
        var writer = Open("graph.db");
        await writer.ReplaceGraphAsync(Snapshot, None);
        var center = Snapshot.Relationships[0].StartId;
        var before = System.Text.Json.JsonSerializer.Serialize(await writer.GetNeighborhoodAsync(new NeighborhoodQuery(center) { Depth = 2 }, None));

        // Rows taken out of the file behind the store's back: only an instance that reads them row by row notices.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM relationship_evidence;";
            Assert.Equal(Snapshot.Relationships.Count, command.ExecuteNonQuery());
        }

        var after = await writer.GetNeighborhoodAsync(new NeighborhoodQuery(center) { Depth = 2 }, None);
        Assert.NotEmpty(after!.Relationships);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(after));
    }

    [Fact]
    public async Task An_importing_instance_told_not_to_hold_the_evidence_in_memory_reads_it_from_the_file()
    {
        var path = _folder.File("graph.db");
        var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path, EvidenceInMemory = false });
        _stores.Add(writer);
        await writer.ReplaceGraphAsync(Snapshot, None);
        var relationship = Snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal).First();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM relationship_evidence;";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.GetNeighborhoodAsync(new NeighborhoodQuery(relationship.StartId) { Depth = 1 }, None));
        Assert.EndsWith("is in the index but not in the store file", error.Message);
    }

    [Fact]
    public async Task A_relationship_whose_evidence_row_is_missing_from_the_file_is_reported_by_id_and_the_others_still_answer()
    {
        var path = _folder.File("graph.db");
        using (var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await writer.ReplaceGraphAsync(Snapshot, None);
        }

        // Rows are keyed by the relationship's place in id order; remove one in the middle, so rows lie on both sides of the gap.
        var byId = Snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var missing = byId[byId.Count / 2];
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM relationship_evidence WHERE relationship = $r;";
            command.Parameters.AddWithValue("$r", byId.Count / 2);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var reader = Open("graph.db");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reader.GetNeighborhoodAsync(new NeighborhoodQuery(missing.StartId) { Depth = 1 }, None));
        Assert.Equal($"relationship '{missing.Id}' is in the index but not in the store file", error.Message);
        foreach (var other in new[] { byId[(byId.Count / 2) - 1], byId[(byId.Count / 2) + 1] })
        {
            var detail = await reader.GetCitationAsync(other.Citations[0].Id, None);
            Assert.Contains(detail!.Relationships, r => r.Id == other.Id && r.Citations.Count == other.Citations.Count);
        }
    }

    [Fact]
    public async Task A_replacement_with_a_new_version_is_seen_by_this_and_by_other_instances()
    {
        var first = Open("graph.db");
        var second = Open("graph.db");
        await first.ReplaceGraphAsync(Snapshot, None);
        Assert.Equal(Snapshot.Version, (await second.GetSchemaAsync(None)).GraphVersion);

        var changed = WithRivalry(Build("conformance-v2"), confidence: 0.99);
        await first.ReplaceGraphAsync(changed, None);

        var direct = await second.FindPathsAsync(new PathQuery(Khazali, Ameri) { MaxHops = 1 }, None);
        Assert.Equal("conformance-v2", direct!.GraphVersion);
        Assert.Equal(0.99, direct.Paths[0].Relationships[0].Confidence);
        Assert.Equal("conformance-v2", (await first.GetStatusAsync(None)).GraphVersion);
    }

    [Fact]
    public async Task A_path_query_by_name_resolves_the_name_in_the_graph_another_instance_imported_since_the_last_read()
    {
        const string NewAlias = "Qais the Second";
        var first = Open("graph.db");
        var second = Open("graph.db");
        await first.ReplaceGraphAsync(Snapshot, None);
        Assert.IsType<Resolution.NotFound>(await second.ResolveAsync(NewAlias, None));

        // v2 gives Khazali an alias v1 lacks; the second instance still holds v1's index when it is asked.
        var v2 = Build("conformance-v2");
        await first.ReplaceGraphAsync(v2 with { Entities = [.. v2.Entities.Select(e => e.Id == Khazali ? e with { Aliases = [.. e.Aliases, NewAlias] } : e)] }, None);
        var result = await second.FindPathsAsync(
            names => names.Resolve(NewAlias) is Resolution.Resolved from ? new PathQuery(from.Entity.Id, Ameri) { MaxHops = 1 } : null,
            None);

        Assert.Equal("conformance-v2", result!.GraphVersion);
        Assert.Equal(Khazali, result.From.Id);
    }

    [Fact]
    public async Task A_neighbourhood_entity_or_overview_query_by_name_resolves_the_name_in_the_graph_another_instance_imported_since_the_last_read()
    {
        const string NewAlias = "Qais the Second";
        var first = Open("graph.db");
        var second = Open("graph.db");
        await first.ReplaceGraphAsync(Snapshot, None);
        Assert.IsType<Resolution.NotFound>(await second.ResolveAsync(NewAlias, None));

        // As for paths: v2 gives Khazali an alias v1 lacks, and the second instance still holds v1's index when it is asked.
        var v2 = Build("conformance-v2");
        await first.ReplaceGraphAsync(v2 with { Entities = [.. v2.Entities.Select(e => e.Id == Khazali ? e with { Aliases = [.. e.Aliases, NewAlias] } : e)] }, None);
        var neighbourhood = await second.GetNeighborhoodAsync(
            names => names.Resolve(NewAlias) is Resolution.Resolved center ? new NeighborhoodQuery(center.Entity.Id) : null,
            None);
        var detail = await second.GetEntityAsync(names => names.Resolve(NewAlias) is Resolution.Resolved resolved ? new EntityQuery(resolved.Entity.Id) : null, None);
        var overview = await second.GetMostConnectedAsync(3, [NewAlias], None);

        Assert.Equal(("conformance-v2", Khazali), (neighbourhood!.GraphVersion, neighbourhood.Center.Id));
        Assert.Equal(("conformance-v2", Khazali), (detail!.GraphVersion, detail.Id));
        Assert.Contains(NewAlias, detail.Aliases);
        Assert.Equal(("conformance-v2", Khazali), (overview.GraphVersion, Assert.IsType<Resolution.Resolved>(Assert.Single(overview.Featured)).Entity.Id));
    }

    [Fact]
    public async Task No_more_reads_run_at_once_than_the_engine_keeps_working_memory_for()
    {
        // A read is CPU work on the index, and each search beyond TraversalIndex.SearchesKept at once would allocate marks
        // for every entity of its own. A neighbourhood's plan runs inside its read, so it counts the reads running with it.
        var store = Open("graph.db");
        await store.ReplaceGraphAsync(Snapshot, None);
        var (running, most) = (0, 0);
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), ports); // so that the 64 reads could all start at once
        try
        {
            var reads = Enumerable.Range(0, 64).Select(_ => Task.Run(() => store.GetNeighborhoodAsync(
                names =>
                {
                    var now = Interlocked.Increment(ref running);
                    for (var seen = Volatile.Read(ref most); now > seen && Interlocked.CompareExchange(ref most, now, seen) != seen; seen = Volatile.Read(ref most))
                    {
                    }

                    Thread.Sleep(20);
                    Interlocked.Decrement(ref running);
                    return new NeighborhoodQuery(Khazali);
                },
                None)));

            var answers = await Task.WhenAll(reads);

            Assert.All(answers, a => Assert.Equal(Khazali, a!.Center.Id));
            Assert.InRange(most, 2, TraversalIndex.SearchesKept);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, ports);
        }
    }

    [Fact]
    public async Task Document_suggestions_come_from_the_graph_held_now_after_this_or_another_instance_replaced_it()
    {
        var first = Open("graph.db");
        var second = Open("graph.db");
        await first.ReplaceGraphAsync(Snapshot, None);
        var before = (await first.SuggestDocumentsAsync("Delta reprot", 5, None)).Concat(await second.SuggestDocumentsAsync("Delta reprot", 5, None));

        // v2 retitles the alpha document; both instances built their documents' names for v1 when they were asked.
        var v2 = Build("conformance-v2");
        await first.ReplaceGraphAsync(v2 with { Documents = [.. v2.Documents.Select(d => d.Id == AlphaDocument ? d with { Title = "Delta report" } : d)] }, None);
        var fromSecond = await second.SuggestDocumentsAsync("Delta reprot", 5, None);
        var fromFirst = await first.SuggestDocumentsAsync("Delta reprot", 5, None);

        Assert.DoesNotContain(before, d => d.Id == AlphaDocument);
        Assert.Equal((AlphaDocument, "Delta report"), (fromSecond[0].Id, fromSecond[0].Title));
        Assert.Equal((AlphaDocument, "Delta report"), (fromFirst[0].Id, fromFirst[0].Title));
    }

    [Fact]
    public async Task A_failed_replacement_rolls_back_and_the_old_graph_stays_queryable()
    {
        var store = Open("graph.db");
        await store.ReplaceGraphAsync(Snapshot, None);
        var duplicateDocument = Build("conformance-broken") with
        {
            Documents = [.. Snapshot.Documents, Snapshot.Documents[0]],
        };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => store.ReplaceGraphAsync(duplicateDocument, None));

        Assert.Contains("previous graph is unchanged", failure.Message, StringComparison.Ordinal);
        await AssertHoldsTheConformanceGraph(store);
        await AssertHoldsTheConformanceGraph(Open("graph.db"));
    }

    [Fact]
    public async Task A_replacement_cancelled_mid_write_rolls_back()
    {
        var store = Open("graph.db");
        await store.ReplaceGraphAsync(Snapshot, None);
        using var cancellation = new CancellationTokenSource();
        // The documents are written after the entities; reading them cancels the import half-way through.
        var cancelling = Build("conformance-cancelled") with
        {
            Documents = new CancelOnRead<SourceDocument>(Snapshot.Documents, cancellation),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReplaceGraphAsync(cancelling, cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        await AssertHoldsTheConformanceGraph(store);
        await AssertHoldsTheConformanceGraph(Open("graph.db"));
    }

    [Fact]
    public async Task One_citation_id_naming_two_different_passages_is_refused()
    {
        var store = Open("graph.db");
        await store.ReplaceGraphAsync(Snapshot, None);
        var r01 = Snapshot.Relationships[0];
        var clash = r01 with { Citations = [.. r01.Citations, r01.Citations[0] with { Quote = "a different passage" }] };
        var broken = Build("conformance-clash") with { Relationships = [clash, .. Snapshot.Relationships.Skip(1)] };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => store.ReplaceGraphAsync(broken, None));

        Assert.Contains(r01.Citations[0].Id, failure.Message, StringComparison.Ordinal);
        await AssertHoldsTheConformanceGraph(store);
    }

    [Fact]
    public async Task A_relationship_to_an_unknown_entity_is_refused_before_anything_is_written()
    {
        var store = Open("graph.db");
        await store.ReplaceGraphAsync(Snapshot, None);
        var dangling = Snapshot.Relationships[0] with { Id = "r99", EndId = "nobody" };
        var broken = Build("conformance-dangling") with { Relationships = [.. Snapshot.Relationships, dangling] };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => store.ReplaceGraphAsync(broken, None));

        Assert.Contains("nobody", failure.Message, StringComparison.Ordinal);
        await AssertHoldsTheConformanceGraph(store);
    }

    [Fact]
    public async Task Readers_during_replacements_see_one_graph_or_the_other_never_a_mixture()
    {
        var store = Open("graph.db");
        var v1 = WithRivalry(Build("rivalry-v1"), confidence: 0.11);
        var v2 = WithRivalry(Build("rivalry-v2"), confidence: 0.22);
        await store.ReplaceGraphAsync(v1, None);
        using var stop = new CancellationTokenSource();
        var reads = 0;

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await store.ReplaceGraphAsync(i % 2 == 0 ? v2 : v1, None);

                // Let the reader finish a read that began after this replacement, so both versions are read while the
                // writer keeps switching; bounded, so a reader that stopped cannot hang the test.
                var before = Volatile.Read(ref reads);
                for (var wait = 0; wait < 2_000 && Volatile.Read(ref reads) < before + 2; wait++)
                {
                    await Task.Delay(1);
                }
            }

            await stop.CancelAsync();
        });
        var observed = new HashSet<string>();
        while (!stop.IsCancellationRequested)
        {
            var result = await store.FindPathsAsync(new PathQuery(Khazali, Ameri) { MaxHops = 1 }, None);
            var r = result!.Paths[0].Relationships[0];
            var expected = result.GraphVersion == "rivalry-v1" ? 0.11 : 0.22;
            Assert.Equal(expected, r.Confidence);
            Assert.All(r.Citations, c => Assert.EndsWith($"[{expected}]", c.Quote, StringComparison.Ordinal));
            observed.Add(result.GraphVersion);
            Interlocked.Increment(ref reads);
        }

        await writer;
        Assert.Equal(["rivalry-v1", "rivalry-v2"], observed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_a_large_graph_is_replaced_by_a_small_one_the_file_shrinks(bool writtenByThisBuild)
    {
        var path = _folder.File("shrink.db");
        var store = Open("shrink.db");
        var padding = new string('x', 4_000_000);
        var large = Build("conformance-large") with
        {
            Documents = [.. Snapshot.Documents.Select(d => d.Id == GammaDocument ? d with { Body = d.Body + padding } : d)],
        };
        await store.ReplaceGraphAsync(large, None);
        if (!writtenByThisBuild)
        {
            // A file from before incremental vacuum: the first replace converts it with one VACUUM.
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA auto_vacuum = NONE; VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        var before = new FileInfo(path).Length;

        await store.ReplaceGraphAsync(Snapshot, None);

        var after = new FileInfo(path).Length;
        Assert.True(before > 4_000_000, $"the large graph took {before} bytes");
        Assert.True(after < 1_000_000, $"the file is {after} bytes after the replacement (was {before})");
        await AssertHoldsTheConformanceGraph(store);
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var integrity = check.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", integrity.ExecuteScalar());
        integrity.CommandText = "PRAGMA auto_vacuum;";
        Assert.Equal(2L, integrity.ExecuteScalar());
    }

    [Fact]
    public async Task Health_details_of_the_store_name_no_file_path()
    {
        var store = Open("graph.db");
        var empty = await store.GetStatusAsync(None);
        await store.ReplaceGraphAsync(Snapshot, None);
        var loaded = await store.GetStatusAsync(None);

        Assert.DoesNotContain(_folder.Path, empty.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.Path, loaded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preparing_builds_the_index_for_the_graph_in_the_file_and_says_which()
    {
        var path = _folder.File("graph.db");
        Assert.Null(await Open("graph.db").PrepareAsync(None));
        using (var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await writer.ReplaceGraphAsync(Snapshot, None);
        }

        var reader = Open("graph.db");

        Assert.Equal(Snapshot.Version, await reader.PrepareAsync(None));
        Assert.Equal(Snapshot.Version, await reader.PrepareAsync(None));
    }

    [Fact]
    public async Task A_graph_read_in_passes_is_the_one_stored_when_the_read_began_though_it_is_replaced_between_passes()
    {
        var writer = Open("graph.db");
        await writer.ReplaceGraphAsync(Snapshot, None);
        var reader = Open("graph.db");
        var replacement = Snapshot with { Version = "replacement", Entities = [Snapshot.Entities[0]], Relationships = [], Mentions = [] };
        var counts = new List<int>();

        await reader.ReadGraphAsync(
            async (content, ct) =>
            {
                counts.Add(content.Entities.Count());
                await writer.ReplaceGraphAsync(replacement, ct);
                counts.Add(content.Entities.Count());
                counts.Add(content.Relationships.Count());
            },
            None);

        Assert.Equal([Snapshot.Entities.Count, Snapshot.Entities.Count, Snapshot.Relationships.Count], counts);
        Assert.Equal("replacement", (await reader.ReadSnapshotAsync(None))!.Version);
    }

    [Fact]
    public async Task Preparing_a_graph_of_one_entity_answers_its_version_though_there_is_no_pair_to_warm_up_with()
    {
        var single = Snapshot with
        {
            Version = "one-entity",
            Entities = [Snapshot.Entities[0]],
            Relationships = [],
            Mentions = [],
        };
        var store = Open("single.db");
        await store.ReplaceGraphAsync(single, None);

        var reader = Open("single.db");

        Assert.Equal("one-entity", await reader.PrepareAsync(None));
        Assert.Equal(Snapshot.Entities[0].Id, Assert.IsType<Resolution.Resolved>(await reader.ResolveAsync(Snapshot.Entities[0].Id, None)).Entity.Id);
    }

    [Fact]
    public async Task Preparing_warms_up_with_two_entities_a_path_joins_even_when_the_first_ids_are_isolated()
    {
        // Isolated entities sort first, so the first two ids (what the warm-up once took) are joined by no path.
        var graph = Snapshot with
        {
            Version = "isolated-first",
            Entities = [new("0-isolated-a", EntityType.Place, "Isolated A", [], null), new("0-isolated-b", EntityType.Place, "Isolated B", [], null), .. Snapshot.Entities],
        };
        var store = Open("isolated-first.db");
        await store.ReplaceGraphAsync(graph, None);

        var (from, to) = SqliteGraphStore.WarmUpPair(TraversalIndex.FromSnapshot(graph))!.Value;

        Assert.NotEqual(from, to);
        Assert.NotEmpty((await store.FindPathsAsync(new PathQuery(from, to), None))!.Paths);
        Assert.Equal("isolated-first", await Open("isolated-first.db").PrepareAsync(None));
    }

    [Fact]
    public void A_graph_without_relationships_has_no_pair_to_warm_up_with()
    {
        var graph = Snapshot with { Relationships = [], Mentions = [] };

        Assert.Null(SqliteGraphStore.WarmUpPair(TraversalIndex.FromSnapshot(graph)));
    }

    [Fact]
    public async Task A_span_outside_its_document_is_refused_as_corrupt_data()
    {
        var path = _folder.File("corrupt.db");
        var store = Open("corrupt.db");
        await store.ReplaceGraphAsync(Snapshot, None);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE citations SET end_offset = 1000000 WHERE id = $id;";
            command.Parameters.AddWithValue("$id", SharedCitation);
            command.ExecuteNonQuery();
        }

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetDocumentAsync(new DocumentQuery(AlphaDocument), None));

        Assert.Contains($"citation {SharedCitation}", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"'{AlphaDocument}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_search_that_exceeds_its_budget_stops_and_says_it_was_truncated()
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _folder.File("budget.db"), PathSearchBudget = 12 });
        _stores.Add(store);
        await store.ReplaceGraphAsync(Snapshot, None);

        var result = await store.FindPathsAsync(new PathQuery(Ameri, Khazali) { K = 25, MaxHops = 6 }, None);

        Assert.True(result!.Truncated);
        Assert.True(result.Paths.Count < 7);
        Assert.Equal(result.Paths, result.Paths.Order(PathOrder.Instance));
    }

    [Fact]
    public async Task A_store_file_of_a_newer_schema_version_is_refused_with_a_clear_message()
    {
        var path = _folder.File("future.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        _stores.Add(store);

        var failure = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.GetStatusAsync(None));
        Assert.Contains("schema version 99", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_file_of_schema_version_1_is_brought_up_to_date_with_publishers_copied_from_corroboration()
    {
        var path = _folder.File("old.db");
        var writer = Open("old.db");
        await writer.ReplaceGraphAsync(Snapshot, None);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            // Version 1 had no publishers column: corroboration then counted publishers.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE relationships DROP COLUMN publishers; PRAGMA user_version = 1;";
            command.ExecuteNonQuery();
            RowPerMention(connection, Snapshot);
        }

        SqliteConnection.ClearAllPools();
        var reader = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        _stores.Add(reader);
        var graph = await reader.ReadSnapshotAsync(None);

        Assert.NotNull(graph);
        Assert.All(graph.Relationships, r => Assert.Equal(r.Corroboration, r.Publishers));

        // The migrated file has no read model yet: the index is built from the rows and evidence joined from the tables,
        // and the answers are those of a file written by this build.
        await AssertHoldsTheConformanceGraph(reader);
        var fresh = Open("fresh.db");
        await fresh.ReplaceGraphAsync(Snapshot, None);
        var query = new NeighborhoodQuery(Ameri) { Depth = 2 };
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(await fresh.GetNeighborhoodAsync(query, None)),
            System.Text.Json.JsonSerializer.Serialize(await reader.GetNeighborhoodAsync(query, None)));
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal(3L, version.ExecuteScalar());
    }

    [Fact]
    public async Task A_store_file_of_schema_version_2_keeps_every_mention_in_order_when_packed_into_version_3()
    {
        var path = _folder.File("v2.db");
        var writer = Open("v2.db");
        await writer.ReplaceGraphAsync(Snapshot, None);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            RowPerMention(connection, Snapshot);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 2;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var reader = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        _stores.Add(reader);
        var graph = await reader.ReadSnapshotAsync(None);

        Assert.NotNull(graph);
        Assert.NotEmpty(Snapshot.Mentions);
        Assert.Equal(Snapshot.Mentions, graph.Mentions);
        var mentioned = Snapshot.Mentions[0];
        var entity = await reader.GetEntityAsync(new EntityQuery(mentioned.EntityId), None);
        Assert.NotNull(entity);
        Assert.Equal(Snapshot.Mentions.Count(m => m.EntityId == mentioned.EntityId), entity.MentionCount);
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal(3L, version.ExecuteScalar());
        version.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'mentions';";
        Assert.Equal(0L, version.ExecuteScalar());
    }

    [Fact]
    public async Task A_sqlite_file_that_is_not_a_store_is_refused()
    {
        var path = _folder.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE something_else (x INTEGER);";
            command.ExecuteNonQuery();
        }

        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        _stores.Add(store);

        var failure = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.GetStatusAsync(None));
        Assert.Contains("not a GraphService store", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_file_records_its_schema_version_and_uses_write_ahead_logging()
    {
        var path = _folder.File("graph.db");
        var store = Open("graph.db");
        await store.ReplaceGraphAsync(Snapshot, None);

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        Assert.Equal(3L, command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task A_hubs_citation_count_is_the_same_on_every_page_and_follows_the_graph_that_replaced_it()
    {
        // A hub's count is kept for the graph once counted; a replaced graph must count afresh (here: half as many passages).
        const string hub = "e00000";
        var store = Open("hub-citations.db");
        foreach (var (variant, relationshipsPerPassage) in new[] { ("a", 1), ("b", 2) })
        {
            var graph = WithHub(SyntheticGraph.Build(variant, 8), hub, SqliteGraphStore.HubDegree, relationshipsPerPassage);
            await store.ReplaceGraphAsync(graph, None);
            var expected = graph.Relationships.Where(r => r.StartId == hub || r.EndId == hub).SelectMany(r => r.Citations).Select(c => c.Id).Distinct().Count();

            var first = await store.GetEntityAsync(new EntityQuery(hub) { Limit = 1 }, None);
            var later = await store.GetEntityAsync(new EntityQuery(hub) { Limit = 1, Offset = 500 }, None);

            Assert.True(first!.Truncated);
            Assert.Equal((expected, expected), (first.CitationCount, later!.CitationCount));
        }
    }

    /// <summary><paramref name="graph"/> with <paramref name="count"/> more relationships from <paramref name="hub"/>, each passage cited by <paramref name="relationshipsPerPassage"/> of them.</summary>
    private static GraphSnapshot WithHub(GraphSnapshot graph, string hub, int count, int relationshipsPerPassage)
    {
        var document = graph.Documents[0];
        var others = graph.Entities.Where(e => e.Id != hub).Select(e => e.Id).ToArray();
        var added = Enumerable.Range(0, count).Select(i =>
        {
            var passage = i / relationshipsPerPassage;
            var citation = new Citation($"c-hub-{passage}", document.Id, document.Body[..1], 0, 1, passage % 2 == 0 ? Stance.Supports : Stance.Disputes);
            return new Relationship($"r-hub-{i:D5}", "MET_WITH", hub, others[i % others.Length], null, null, 0.5, true, 1, false, [citation]);
        });
        return graph with { Relationships = [.. graph.Relationships, .. added] };
    }

    [Fact]
    public async Task An_entitys_documents_come_in_the_order_SQLite_gives_their_ids_by_code_point()
    {
        // U+FF5E sorts before U+1F600 by code point (and in UTF-8, as SQLite compares), after its surrogates in UTF-16.
        var entity = Snapshot.Entities[0].Id;
        var wide = new SourceDocument("zz-\uFF5E", "Wide", "Publisher", null, null, null, null, "Alpha beta gamma.");
        var astral = wide with { Id = "zz-\U0001F600", Title = "Astral" };
        var graph = Snapshot with
        {
            Version = Snapshot.Version + "-code-points",
            Documents = [.. Snapshot.Documents, astral, wide],
            Mentions = [.. Snapshot.Mentions, new Mention(entity, astral.Id, 0, 5), new Mention(entity, wide.Id, 6, 10), new Mention(entity, astral.Id, 11, 16)],
        };
        var store = Open("code-points.db");
        await store.ReplaceGraphAsync(graph, None);

        var detail = await store.GetEntityAsync(new EntityQuery(entity), None);

        Assert.NotNull(detail);
        Assert.Equal(graph.Mentions.Count(m => m.EntityId == entity), detail.MentionCount);
        var ours = detail.MentionedIn.Select(d => d.Id).Where(id => id.StartsWith("zz-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["zz-\uFF5E", "zz-\U0001F600"], ours);
        Assert.Equal(graph.Mentions, (await store.ReadSnapshotAsync(None))!.Mentions);
    }

    /// <summary>Turns the packed mentions of a file back into version 2's row per mention (the file is otherwise the same).</summary>
    private static void RowPerMention(SqliteConnection connection, GraphSnapshot graph)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            DROP TABLE document_mentions; DROP TABLE entity_mentions;
            CREATE TABLE mentions (entity_id TEXT NOT NULL, document_id TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL);
            CREATE INDEX mentions_by_document ON mentions (document_id, start_offset);
            CREATE INDEX mentions_by_entity ON mentions (entity_id);
            """;
        command.ExecuteNonQuery();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO mentions VALUES ($e, $d, $s, $x);";
        foreach (var m in graph.Mentions)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$e", m.EntityId);
            insert.Parameters.AddWithValue("$d", m.DocumentId);
            insert.Parameters.AddWithValue("$s", m.Start);
            insert.Parameters.AddWithValue("$x", m.End);
            insert.ExecuteNonQuery();
        }
    }

    private SqliteGraphStore Open(string name)
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _folder.File(name) });
        _stores.Add(store);
        return store;
    }

    private static async Task AssertHoldsTheConformanceGraph(SqliteGraphStore store)
    {
        var status = await store.GetStatusAsync(None);
        Assert.Equal(Snapshot.Version, status.GraphVersion);
        Assert.Equal(Snapshot.Entities.Count, status.Entities);
        var paths = await store.FindPathsAsync(new PathQuery(Ameri, Khazali), None);
        Assert.Equal(["r11", "r04", "r10"], paths!.Paths.Select(p => p.Relationships[0].Id));
        Assert.Equal(3, (await store.ListDocumentsAsync(new DocumentListQuery(), None)).Count);
        Assert.Equal(["r04", "r06"], (await store.GetCitationAsync(SharedCitation, None))!.Relationships.Select(r => r.Id));
        var read = await store.ReadSnapshotAsync(None);
        Assert.Equal(Snapshot.Relationships.Count, read!.Relationships.Count);
        Assert.Equal(Snapshot.Documents.Count, read.Documents.Count);
    }

    /// <summary>The conformance graph with the contested rivalry (r11) at another confidence, its quotes marked with it.</summary>
    private static GraphSnapshot WithRivalry(GraphSnapshot graph, double confidence) => graph with
    {
        Relationships =
        [
            .. graph.Relationships.Select(r => r.Id != "r11" ? r : r with
            {
                Confidence = confidence,
                Citations = [.. r.Citations.Select(c => c with { Id = $"{c.Id}-{confidence}", Quote = $"{c.Quote} [{confidence}]" })],
            }),
        ],
    };

    /// <summary>A list that cancels a token when it is enumerated, to interrupt an import at a known point.</summary>
    private sealed class CancelOnRead<T>(IReadOnlyList<T> items, CancellationTokenSource cancellation) : IReadOnlyList<T>
    {
        public int Count => items.Count;

        public T this[int index] => items[index];

        public IEnumerator<T> GetEnumerator()
        {
            cancellation.Cancel();
            return items.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
