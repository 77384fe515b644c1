using System.Diagnostics;
using GraphService.Benchmarks.Measurement;
using GraphService.Storage.Sqlite;

namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>
/// <c>graph-import --graph DIR --store FILE</c>: reads gen-graph.js's CSVs, builds the snapshot and replaces the store's
/// graph with it through <c>IGraphStore.ReplaceGraphAsync</c>, printing the time of each step and the peak memory.
/// The shared-graph benchmark runs it as a child process; the HTTP benchmark runs it to prepare the API's store.
/// </summary>
internal static class SharedGraphImport
{
    public static readonly string[] Options = ["graph", "store"];

    public static async Task<int> RunAsync(BenchArguments args, CancellationToken cancellationToken)
    {
        var directory = args.RequiredString("graph");
        var storePath = Path.GetFullPath(args.RequiredString("store"));
        var total = Stopwatch.StartNew();
        var version = CsvGraph.VersionOf(directory);
        using (var probe = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath }))
        {
            if ((await probe.GetStatusAsync(cancellationToken).ConfigureAwait(false)).GraphVersion == version)
            {
                Console.WriteLine($"import: {storePath} already holds this graph ({version}); nothing to do");
                return 0;
            }
        }

        var graph = CsvGraph.Read(directory, withEntities: true);
        var read = total.Elapsed;
        var snapshot = CsvGraphSnapshot.Build(graph, version, $"gen-graph {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))}");
        var built = total.Elapsed;
        Console.WriteLine($"import: read and hashed the CSVs in {Seconds(read)}, built the snapshot in {Seconds(built - read)}: {snapshot.Entities.Count:N0} entities, {snapshot.Relationships.Count:N0} relationships, {graph.Citation.Max():N0} sources in {snapshot.Documents.Count:N0} documents, {graph.TypeNames.Length} types ({snapshot.Predicates.Count(p => !p.BuiltIn)} declared beside the built-ins)");

        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath }))
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var replace = Stopwatch.StartNew();
            await store.ReplaceGraphAsync(snapshot, cancellationToken).ConfigureAwait(false);
            replace.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"import: ReplaceGraphAsync {Seconds(replace.Elapsed)} wall ({cpu.TotalSeconds:F1} s CPU, includes building the importing instance's index), {snapshot.Relationships.Count / replace.Elapsed.TotalSeconds:N0} relationships/s");
        }

        Console.WriteLine($"import: store file {storePath}, {ProcessMemory.Mib(new FileInfo(storePath).Length)} MiB; total {Seconds(total.Elapsed)}; import process {ProcessMemory.Read()}");
        return 0;
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:F1} s";
}
