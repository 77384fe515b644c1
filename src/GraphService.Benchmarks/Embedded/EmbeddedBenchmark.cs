using System.Diagnostics;
using System.Globalization;
using GraphService.Benchmarks.Measurement;
using GraphService.Core.Queries;
using GraphService.Core.Traversal;
using GraphService.Storage.Sqlite;

namespace GraphService.Benchmarks.Embedded;

/// <summary>
/// <c>embedded --entities N --relationships M [--store FILE] [--queries Q] [--seed S]</c>: the synthetic workload (a few
/// hubs joined by thousands of parallel relationships; see <see cref="SyntheticGraph"/>), imported into a temporary
/// SQLite file, then served by a fresh store instance: index build, memory, random path and neighbourhood queries.
/// With --store FILE naming a store that already holds a graph, generation and import are skipped, so the memory
/// figures are those of opening the file and building the index alone. Prints figures; asserts nothing.
/// </summary>
internal static class EmbeddedBenchmark
{
    public static readonly string[] Options = ["entities", "relationships", "store", "queries", "seed"];

    public static async Task<int> RunAsync(BenchArguments options, CancellationToken ct)
    {
        var entities = options.Int("entities", 100_000, min: 10);
        var relationships = options.Int("relationships", 500_000, min: 1);
        var queries = options.Int("queries", 300, min: 1);
        var seed = options.Int("seed", 7);
        var given = options.String("store");
        var storePath = given ?? Path.Combine(Path.GetTempPath(), $"graphservice-bench-{Guid.NewGuid():N}.db");

        RunHeader.Print($"embedded store benchmark (synthetic graph): entities={entities:N0} relationships={relationships:N0} queries={queries} seed={seed}");
        Console.WriteLine($"store file: {storePath}");

        bool reuse;
        using (var probe = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath }))
        {
            reuse = (await probe.GetStatusAsync(ct).ConfigureAwait(false)).Ready;
        }

        if (reuse)
        {
            Console.WriteLine("the store file already holds a graph: skipping generation and import");
        }
        else
        {
            // In a function of its own, so that the generated snapshot is garbage once the import is done.
            await ImportAsync(storePath, entities, relationships, seed, ct).ConfigureAwait(false);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);

        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath });
        var buildCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var build = Stopwatch.StartNew();
        var status = await store.GetStatusAsync(ct).ConfigureAwait(false);
        _ = await store.ResolveAsync(SyntheticGraph.EntityId(0), ct).ConfigureAwait(false);
        build.Stop();
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        using (var self = Process.GetCurrentProcess())
        {
            Console.WriteLine($"index build from the file (fresh instance): {build.Elapsed.TotalSeconds:F1} s wall ({(self.TotalProcessorTime - buildCpu).TotalSeconds:F1} s CPU) for {status.Entities:N0} entities, {status.Relationships:N0} relationships");
            Console.WriteLine($"managed heap after build: {managedAfter / (1024.0 * 1024.0):N0} MiB (index alone: {(managedAfter - managedBefore) / (1024.0 * 1024.0):N0} MiB)");
            Console.WriteLine($"process memory: {ProcessMemory.Read()}");
        }

        var random = new Random(seed + 1);
        var entityCount = status.Entities;
        var pathTimes = new List<double>();
        var cpuMark = Process.GetCurrentProcess().TotalProcessorTime;
        var pathTruncated = 0;
        var pathsFound = 0;
        for (var i = 0; i < queries; i++)
        {
            var query = new PathQuery(SyntheticGraph.EntityId(random.Next(entityCount)), SyntheticGraph.EntityId(random.Next(entityCount)));
            var watch = Stopwatch.StartNew();
            var result = await store.FindPathsAsync(query, ct).ConfigureAwait(false);
            pathTimes.Add(watch.Elapsed.TotalMilliseconds);
            pathTruncated += result!.Truncated ? 1 : 0;
            pathsFound += result.Paths.Count;
        }

        Report("paths (k=3, maxHops=4, any direction)", pathTimes, pathTruncated, $"{pathsFound} paths found", Process.GetCurrentProcess().TotalProcessorTime - cpuMark);

        var hubTimes = new List<double>();
        cpuMark = Process.GetCurrentProcess().TotalProcessorTime;
        var hubTruncated = 0;
        for (var i = 0; i < Math.Max(10, queries / 10); i++)
        {
            var query = new PathQuery(SyntheticGraph.EntityId(random.Next(SyntheticGraph.HubCount)), SyntheticGraph.EntityId(random.Next(entityCount))) { MaxHops = 6, K = 10 };
            var watch = Stopwatch.StartNew();
            var result = await store.FindPathsAsync(query, ct).ConfigureAwait(false);
            hubTimes.Add(watch.Elapsed.TotalMilliseconds);
            hubTruncated += result!.Truncated ? 1 : 0;
        }

        Report("paths from a hub (k=10, maxHops=6)", hubTimes, hubTruncated, "", Process.GetCurrentProcess().TotalProcessorTime - cpuMark);

        foreach (var depth in new[] { 1, 2 })
        {
            var times = new List<double>();
            var truncated = 0;
            cpuMark = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < queries; i++)
            {
                var query = new NeighborhoodQuery(SyntheticGraph.EntityId(random.Next(entityCount))) { Depth = depth, Limit = 50 };
                var watch = Stopwatch.StartNew();
                var result = await store.GetNeighborhoodAsync(query, ct).ConfigureAwait(false);
                times.Add(watch.Elapsed.TotalMilliseconds);
                truncated += result!.Truncated ? 1 : 0;
            }

            Report($"neighborhood (depth={depth}, limit=50)", times, truncated, "", Process.GetCurrentProcess().TotalProcessorTime - cpuMark);
        }

        if (given is null)
        {
            store.Dispose();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(storePath + suffix);
            }
        }

        Console.WriteLine($"== done; {RunHeader.LoadAverage()}");
        return 0;
    }

    private static async Task ImportAsync(string storePath, int entities, int relationships, int seed, CancellationToken ct)
    {
        var generate = Stopwatch.StartNew();
        var snapshot = SyntheticGraph.Generate(entities, relationships, seed);
        Console.WriteLine($"generated in {generate.Elapsed.TotalSeconds:F1} s");
        var indexWatch = Stopwatch.StartNew();
        var traversal = TraversalIndex.FromSnapshot(snapshot);
        var traversalSeconds = indexWatch.Elapsed.TotalSeconds;
        _ = AliasIndex.Build(traversal);
        Console.WriteLine($"in-memory indexes from the snapshot: traversal {traversalSeconds:F1} s, aliases {indexWatch.Elapsed.TotalSeconds - traversalSeconds:F1} s");
        using var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath });
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var import = Stopwatch.StartNew();
        await writer.ReplaceGraphAsync(snapshot, ct).ConfigureAwait(false);
        import.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"import: {import.Elapsed.TotalSeconds:F1} s wall ({cpu.TotalSeconds:F1} s CPU), {relationships / import.Elapsed.TotalSeconds:N0} relationships/s (includes building the in-memory index of the importing instance)");
        Console.WriteLine($"store file size: {new FileInfo(storePath).Length / (1024.0 * 1024.0):N0} MiB");
    }

    private static void Report(string what, List<double> milliseconds, int truncated, string extra, TimeSpan cpu)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        Console.WriteLine(
            $"{what}: n={milliseconds.Count} p50={At(0.50).ToString("F2", CultureInfo.InvariantCulture)} ms " +
            $"p99={At(0.99).ToString("F2", CultureInfo.InvariantCulture)} ms max={milliseconds[^1].ToString("F2", CultureInfo.InvariantCulture)} ms " +
            $"mean CPU={(cpu.TotalMilliseconds / milliseconds.Count).ToString("F2", CultureInfo.InvariantCulture)} ms truncated={truncated}{(extra.Length > 0 ? " " + extra : "")}");
    }
}
