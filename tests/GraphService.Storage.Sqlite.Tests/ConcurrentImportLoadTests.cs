using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Testing;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace GraphService.Storage.Sqlite.Tests;

/// <summary>
/// Imports while many readers query: two generated graphs are imported in turn while readers, on the importing store
/// and on a second store over the same file (as another process would be), ask the same questions. Every answer must
/// equal the answer known in advance for the graph version it names, and no read may fail.
/// </summary>
[Collection(StressTests.Collection)]
public sealed class ConcurrentImportLoadTests(ITestOutputHelper output) : IDisposable
{
    private const int Entities = 2_000;
    private const int Imports = 8;
    private const int ReadersPerStore = 3;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Readers_during_repeated_imports_get_no_errors_and_answers_consistent_with_their_graph_version()
    {
        GraphSnapshot[] graphs = [SyntheticGraph.Build("left", Entities), SyntheticGraph.Build("right", Entities)];
        var expected = await StressTests.ReferenceAnswersAsync(_folder, graphs, store => Task.WhenAll(Questions.Select(q => q(store))));
        Assert.NotEqual(expected[graphs[0].Version], expected[graphs[1].Version]);
        var path = _folder.File("graph.db");
        using var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        using var other = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await writer.ReplaceGraphAsync(graphs[0], None);

        using var done = new CancellationTokenSource();
        var reads = 0;
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var readers = Enumerable.Range(0, 2 * ReadersPerStore).Select(n => Task.Run(async () =>
        {
            var store = n % 2 == 0 ? writer : other;
            for (var i = n; !done.IsCancellationRequested; i++)
            {
                var question = i % Questions.Length;
                var answer = await Questions[question](store);
                var version = VersionOf(answer);
                Assert.True(expected.ContainsKey(version), $"an answer names version {version}");
                Assert.Equal(expected[version][question], answer);
                seen.AddOrUpdate(version, 1, (_, c) => c + 1);
                Interlocked.Increment(ref reads);

                // The reads complete synchronously; yielding keeps eight readers from starving the importer of threads.
                await Task.Yield();
            }
        })).ToList();

        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 1; i <= Imports; i++)
        {
            await writer.ReplaceGraphAsync(graphs[i % 2], None);
            await Task.Delay(50);
        }

        await done.CancelAsync();
        await Task.WhenAll(readers);
        output.WriteLine($"{Imports} imports of {graphs[0].Entities.Count} entities / {graphs[0].Relationships.Count} relationships in " +
                         $"{started.Elapsed.TotalSeconds:F1} s with {2 * ReadersPerStore} readers: {reads} reads, 0 errors, " +
                         string.Join(", ", seen.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} on {s.Key}")));
        Assert.Equal(2, seen.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static readonly Func<SqliteGraphStore, Task<string>>[] Questions =
    [
        async s => GraphJson.Serialize(await s.FindPathsAsync(new PathQuery(SyntheticGraph.Probes[0], SyntheticGraph.Probes[3]) { MaxHops = 3, K = 5 }, None)),
        async s => GraphJson.Serialize(await s.GetNeighborhoodAsync(new NeighborhoodQuery(SyntheticGraph.Probes[1]) { Depth = 2, Limit = 40 }, None)),
        async s => GraphJson.Serialize(await s.GetEntityAsync(new EntityQuery(SyntheticGraph.Probes[2]), None)),
        async s => GraphJson.Serialize(await s.GetDocumentAsync(new DocumentQuery(SyntheticGraph.DocumentId(3)) { Offset = 500, Length = 3_000, MentionLimit = 50 }, None)),
        async s => GraphJson.Serialize(await s.GetCitationAsync("c-r00002-0", None)),
        async s => GraphJson.Serialize(await s.GetSchemaAsync(None)),
    ];

    private static string VersionOf(string answer)
    {
        using var json = System.Text.Json.JsonDocument.Parse(answer);
        return json.RootElement.GetProperty("graphVersion").GetString()!;
    }
}
