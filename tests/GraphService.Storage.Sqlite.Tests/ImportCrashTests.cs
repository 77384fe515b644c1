using System.Diagnostics;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Testing;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace GraphService.Storage.Sqlite.Tests;

/// <summary>
/// kill -9 during an import: a child process imports a generated graph into the store file and is killed (SIGKILL) at
/// seeded random moments of its write. Afterwards the file must pass <c>PRAGMA integrity_check</c> and serve exactly the
/// old graph, or exactly the new one when the commit happened, with every answer equal to that graph's.
/// </summary>
[Collection(StressTests.Collection)]
public sealed class ImportCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Entities = 3_000;
    private const int Runs = 8;
    private const int Seed = 20_260_122;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task An_import_killed_at_any_moment_leaves_an_intact_file_serving_the_old_graph_or_the_new_one()
    {
        var path = _folder.File("graph.db");
        var graphs = new Dictionary<string, GraphSnapshot>
        {
            ["a"] = SyntheticGraph.Build("a", Entities),
            ["b"] = SyntheticGraph.Build("b", Entities),
        };
        var expected = await StressTests.ReferenceAnswersAsync(_folder, graphs.Values, AnswersAsync);
        Assert.NotEqual(expected[graphs["a"].Version], expected[graphs["b"].Version]);

        // The store starts with graph a; two uninterrupted child runs measure how long a write takes.
        using (var seed = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await seed.ReplaceGraphAsync(graphs["a"], None);
        }

        SqliteConnection.ClearAllPools();
        var (_, first) = await RunChildAsync(path, "b", killAfter: null);
        await AssertServesAsync(path, graphs["b"], expected);
        var (_, second) = await RunChildAsync(path, "a", killAfter: null);
        await AssertServesAsync(path, graphs["a"], expected);
        var writeTime = first < second ? first : second;
        var current = "a";

        var random = new Random(Seed);
        var (oldServed, newServed, finished) = (0, 0, 0);
        var runs = 0;
        // A few more runs when none of the first landed before the commit (timings vary with the machine's load).
        for (; runs < Runs || (oldServed == 0 && runs < 3 * Runs); runs++)
        {
            var target = current == "a" ? "b" : "a";
            var killAfter = TimeSpan.FromMilliseconds(random.NextDouble() * writeTime.TotalMilliseconds);
            var (killed, _) = await RunChildAsync(path, target, killAfter);
            var served = await AssertServesOneOfAsync(path, graphs[current], graphs[target], expected);
            if (!killed)
            {
                Assert.Equal(graphs[target].Version, served);
                finished++;
            }
            else if (served == graphs[target].Version)
            {
                newServed++;
            }
            else
            {
                oldServed++;
            }

            current = served == graphs[target].Version ? target : current;
        }

        output.WriteLine($"{runs} runs (seed {Seed}, uninterrupted writes {first.TotalMilliseconds:F0} and {second.TotalMilliseconds:F0} ms for {graphs["a"].Entities.Count} entities, " +
                         $"{graphs["a"].Relationships.Count} relationships): {runs - finished} killed ({oldServed} before the commit, " +
                         $"{newServed} after it), {finished} finished before the kill; every file intact");
        Assert.True(oldServed > 0, "no kill landed before the commit, so the test proved nothing about rollback");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>
    /// Runs the child; kills it <paramref name="killAfter"/> after it starts writing, unless it finished first.
    /// </summary>
    private async Task<(bool Killed, TimeSpan Writing)> RunChildAsync(string store, string variant, TimeSpan? killAfter)
    {
        var marker = _folder.File($"writing-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ChildAssembly(), store, variant, Entities.ToString(System.Globalization.CultureInfo.InvariantCulture), marker })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("the import child did not start");
        var errors = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!File.Exists(marker))
        {
            if (child.HasExited)
            {
                Assert.Fail($"the child ended before it wrote: {await errors}");
            }

            await Task.Delay(2, timeout.Token);
        }

        var writing = Stopwatch.StartNew();
        var exited = child.WaitForExitAsync(timeout.Token);
        if (killAfter is { } delay && await Task.WhenAny(exited, Task.Delay(delay, timeout.Token)) != exited)
        {
            child.Kill(entireProcessTree: true); // SIGKILL: no finally block, no rollback code runs in the child
            await child.WaitForExitAsync(timeout.Token);
            return (true, writing.Elapsed);
        }

        await exited;
        if (child.ExitCode != 0)
        {
            Assert.Fail($"the child failed ({child.ExitCode}): {await errors}");
        }

        return (false, writing.Elapsed);
    }

    /// <summary>The child's assembly, built beside this project's output (same configuration and framework).</summary>
    private static string ChildAssembly()
    {
        const string name = "GraphService.Storage.Sqlite.ImportChild";
        var own = new DirectoryInfo(AppContext.BaseDirectory);
        var tail = Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "tests", "GraphService.Storage.Sqlite.Tests"), own.FullName);
        var dll = Path.Combine(RepositoryPaths.Root, "tests", name, tail, name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build {name} first", dll);
    }

    private static async Task<string> AssertServesOneOfAsync(string path, GraphSnapshot old, GraphSnapshot @new, Dictionary<string, string> expected)
    {
        AssertIntact(path);
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        var status = await store.GetStatusAsync(None);
        Assert.Contains(status.GraphVersion, new[] { old.Version, @new.Version });
        var graph = status.GraphVersion == old.Version ? old : @new;
        Assert.Equal((graph.Entities.Count, graph.Relationships.Count, graph.Documents.Count), (status.Entities, status.Relationships, status.Documents));
        Assert.Equal(expected[graph.Version], await AnswersAsync(store));
        SqliteConnection.ClearAllPools();
        return graph.Version;
    }

    private static async Task AssertServesAsync(string path, GraphSnapshot graph, Dictionary<string, string> expected) =>
        Assert.Equal(graph.Version, await AssertServesOneOfAsync(path, graph, graph, expected));

    private static void AssertIntact(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", command.ExecuteScalar());
    }

    /// <summary>A few answers that depend on every table: paths (relationships, citations, documents), an entity, a document page.</summary>
    private static async Task<string> AnswersAsync(SqliteGraphStore store)
    {
        var probes = SyntheticGraph.Probes;
        var paths = await store.FindPathsAsync(new PathQuery(probes[0], probes[3]) { MaxHops = 3 }, None);
        var entity = await store.GetEntityAsync(new EntityQuery(probes[1]), None);
        var document = await store.GetDocumentAsync(new DocumentQuery(SyntheticGraph.DocumentId(1)) { Length = 2_000 }, None);
        var schema = await store.GetSchemaAsync(None);
        return GraphJson.Serialize(new object?[] { paths, entity, document, schema });
    }
}
