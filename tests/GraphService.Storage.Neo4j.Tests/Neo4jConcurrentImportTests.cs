using System.Collections.Concurrent;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Core.Store;
using GraphService.Testing;
using Xunit.Abstractions;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// Reads against a live Neo4j while another store (as another process would) imports two graphs in turn. Every answer
/// must equal the answer known in advance for the graph version it names, and no read may fail: the consistency that
/// one transaction per read with the stamp checked at both ends promises (issue 8, item 8). Skips without a server.
/// </summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jConcurrentImportTests(Neo4jServerFixture server, ITestOutputHelper output)
{
    private const int Entities = 300;
    private const int Imports = 6;
    private const int Readers = 4;
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Func<IGraphStore, Task<string>>[] Questions =
    [
        async s => GraphJson.Serialize(await s.FindPathsAsync(new PathQuery(SyntheticGraph.Probes[0], SyntheticGraph.Probes[3]) { MaxHops = 3, K = 3 }, None)),
        async s => GraphJson.Serialize(await s.GetNeighborhoodAsync(new NeighborhoodQuery(SyntheticGraph.Probes[1]) { Depth = 2, Limit = 40 }, None)),
        async s => GraphJson.Serialize(await s.GetEntityAsync(new EntityQuery(SyntheticGraph.Probes[2]), None)),
        async s => GraphJson.Serialize(await s.GetDocumentAsync(new DocumentQuery(SyntheticGraph.DocumentId(3)) { Offset = 0, Length = 2_000, MentionLimit = 50 }, None)),
        async s => GraphJson.Serialize(await s.GetSchemaAsync(None)),
    ];

    [SkippableFact]
    public async Task Reads_during_repeated_imports_get_no_errors_and_answers_consistent_with_their_graph_version()
    {
        var reader = server.NewStore();
        var importer = server.NewStore();
        GraphSnapshot[] graphs = [SyntheticGraph.Build("left", Entities), SyntheticGraph.Build("right", Entities)];
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var graph in graphs)
        {
            await importer.ReplaceGraphAsync(graph, None);
            expected[graph.Version] = await Task.WhenAll(Questions.Select(q => q(reader)));
        }

        Assert.NotEqual(expected[graphs[0].Version], expected[graphs[1].Version]);
        using var done = new CancellationTokenSource();
        var reads = 0;
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var readers = Enumerable.Range(0, Readers).Select(n => Task.Run(async () =>
        {
            for (var i = n; !done.IsCancellationRequested; i++)
            {
                var question = i % Questions.Length;
                var answer = await Questions[question](reader);
                using var json = System.Text.Json.JsonDocument.Parse(answer);
                var version = json.RootElement.GetProperty("graphVersion").GetString()!;
                Assert.True(expected.ContainsKey(version), $"an answer names version {version}");
                Assert.Equal(expected[version][question], answer);
                seen.AddOrUpdate(version, 1, (_, c) => c + 1);
                Interlocked.Increment(ref reads);
            }
        })).ToList();

        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < Imports; i++)
            {
                await importer.ReplaceGraphAsync(graphs[i % 2], None);
                await Task.Delay(200);
            }
        }
        finally
        {
            await done.CancelAsync();
        }

        await Task.WhenAll(readers);
        output.WriteLine($"{Imports} imports of {Entities}+ entities in {started.Elapsed.TotalSeconds:F1} s with {Readers} readers: {reads} reads, 0 errors, " +
                         string.Join(", ", seen.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} on {s.Key}")));
        Assert.Equal(2, seen.Count);
    }
}
