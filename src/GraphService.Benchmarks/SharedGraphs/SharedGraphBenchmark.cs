using System.Diagnostics;
using System.Runtime;
using GraphService.Benchmarks.Measurement;
using GraphService.Core.Queries;
using GraphService.Storage.Sqlite;

namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>
/// <c>graph --graph DIR</c>: GraphService's embedded store on a graph written by gen-graph.js, against a bare
/// bidirectional BFS on the same CSVs in the same process and run. The import runs in a child process (unless the
/// store already holds this graph), so this process's memory is that of a fresh store serving the file plus, after it
/// is measured, the reference's arrays. Prints figures; asserts nothing, except that the reference agrees with a plain
/// one-sided BFS (if it does not, the run stops: a wrong reference would make every ratio wrong).
/// </summary>
internal static class SharedGraphBenchmark
{
    public const int MaxHops = 6;
    public const int NeighbourhoodDepth = 2;
    public const int NeighbourhoodLimit = 500;

    public static readonly string[] Options = ["graph", "store", "pairs", "warmup", "breakdown", "keep-store"];

    public static async Task<int> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var directory = Path.GetFullPath(args.RequiredString("graph"));
        var measured = args.Int("pairs", 200, min: 1);
        var warmUp = args.Int("warmup", 20, min: 0);
        var givenStore = args.String("store");
        var storePath = Path.GetFullPath(givenStore ?? Path.Combine(Path.GetTempPath(), $"graphservice-bench-{Guid.NewGuid():N}.db"));
        var keepStore = givenStore is not null || args.Has("keep-store");

        RunHeader.Print($"shared graph benchmark: {directory}");
        Console.WriteLine($"   {measured} measured queries per family after {warmUp} warm-up; store {storePath}{(keepStore ? " (kept)" : " (temporary)")}");
        var version = CsvGraph.VersionOf(directory);
        var stats = Path.Combine(directory, "stats.json");
        if (File.Exists(stats))
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(stats));
            var root = json.RootElement;
            Console.WriteLine($"   stats.json: params {System.Text.Json.JsonSerializer.Serialize(root.GetProperty("params"))}; degree {System.Text.Json.JsonSerializer.Serialize(root.GetProperty("degree"))}");
        }

        try
        {
            var imported = await EnsureImportedAsync(directory, storePath, version, givenStore is not null, ct).ConfigureAwait(false);
            if (imported != 0)
            {
                Console.Error.WriteLine($"the import did not complete (exit code {imported}); nothing was measured");
                return imported;
            }

            await MeasureAsync(directory, storePath, measured, warmUp, args.Has("breakdown"), ct).ConfigureAwait(false);
        }
        finally
        {
            if (!keepStore)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(storePath + suffix);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"== done; {RunHeader.LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// The first path queries after PrepareAsync, one at a time, each with what the JIT compiled while it ran: whether
    /// the warm-up left the code a query runs compiled, and what a user's first queries cost.
    /// </summary>
    private static async Task<List<(TimeSpan Time, long JitMethods, TimeSpan JitTime)>> FirstQueriesAsync(ServiceQueries service, QueryPairs pairs, CancellationToken ct)
    {
        var queries = new List<(TimeSpan, long, TimeSpan)>();
        foreach (var pair in pairs.Uniform.Take(5))
        {
            var (methods, compiling) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            var watch = Stopwatch.StartNew();
            _ = await service.PathAsync(pair, 1, ct).ConfigureAwait(false);
            queries.Add((watch.Elapsed, JitInfo.GetCompiledMethodCount() - methods, JitInfo.GetCompilationTime() - compiling));
        }

        return queries;
    }

    /// <summary>0 when the store holds the graph (already, or after an import in a child process), else the child's exit code.</summary>
    private static async Task<int> EnsureImportedAsync(string directory, string storePath, string version, bool storeGiven, CancellationToken ct)
    {
        string? held;
        using (var probe = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath }))
        {
            held = (await probe.GetStatusAsync(ct).ConfigureAwait(false)).GraphVersion;
        }

        if (held == version)
        {
            Console.WriteLine($"   the store already holds this graph ({version}): import skipped");
            return 0;
        }

        if (held is not null && storeGiven)
        {
            throw new BenchInputException(storePath, 0, $"the store holds graph {held}, not {version} from {directory}; name another file or delete it");
        }

        Console.WriteLine($"-- import ({version}) in a child process");
        return await SelfProcess.RunAsync(["graph-import", "--graph", directory, "--store", storePath], ct).ConfigureAwait(false);
    }

    private static async Task MeasureAsync(string directory, string storePath, int measured, int warmUp, bool breakdown, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine("-- a fresh SqliteGraphStore on the file (this process has not held the graph before)");
        var before = ProcessMemory.Read();
        var pairsNeeded = warmUp + measured;
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath });
        var families = new List<FamilyResult>();
        ReferenceSearch? reference = null;
        QueryPairs pairs;
        using (store)
        {
            var status = await store.GetStatusAsync(ct).ConfigureAwait(false);
            pairs = QueryPairs.Read(directory, status.Entities, pairsNeeded);
            var service = new ServiceQueries(store);

            // The index is built by PrepareAsync, as the API does before /health/ready and the CLI before its first query.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            _ = await store.PrepareAsync(ct).ConfigureAwait(false);
            var build = watch.Elapsed;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var firstQueries = await FirstQueriesAsync(service, pairs, ct).ConfigureAwait(false);
            var first = firstQueries[0].Time;
            var serving = ProcessMemory.Read();
            Console.WriteLine($"index build (PrepareAsync, before ready): {build.TotalSeconds:F1} s wall ({cpu.TotalSeconds:F1} s CPU) for {status.Entities:N0} entities and {status.Relationships:N0} relationships");
            Console.WriteLine($"first path queries after it (k=1, the first {firstQueries.Count} uniform pairs; PrepareAsync answered a path query and a neighbourhood query to warm up): {string.Join(", ", firstQueries.Select(q => $"{Latencies.Ms(q.Time.TotalMilliseconds)} ms (JIT {q.JitMethods} methods, {Latencies.Ms(q.JitTime.TotalMilliseconds)} ms)"))}");
            Console.WriteLine($"process memory serving the graph: {serving} (before opening the store: RSS {ProcessMemory.Mib(before.ResidentBytes)} MiB)");

            Console.WriteLine();
            Console.WriteLine("-- the reference: CSR adjacency of the same CSVs");
            watch.Restart();
            reference = new ReferenceSearch(CsvGraph.Read(directory, withEntities: false));
            Console.WriteLine($"reference CSR built in {watch.Elapsed.TotalSeconds:F1} s (read and parse the CSVs, count, place); process now {ProcessMemory.Read()}");
            CheckReference(reference, pairs, pairsNeeded);

            var runner = new FamilyRunner(service, reference, warmUp, measured, ct);
            await runner.WarmUpJitAsync(pairs).ConfigureAwait(false);
            var k1Uniform = await runner.ShortestAsync("k=1 u", "shortest path k=1, maxHops 6, uniform pairs", pairs.Uniform).ConfigureAwait(false);
            var k1Biased = await runner.ShortestAsync("k=1 d", "shortest path k=1, maxHops 6, degree-biased pairs", pairs.DegreeBiased).ConfigureAwait(false);
            families.Add(k1Uniform);
            families.Add(k1Biased);
            families.Add(await runner.KShortestAsync("k=3 u", "k=3 shortest paths, maxHops 6, uniform pairs", pairs.Uniform, k1Uniform.Reference).ConfigureAwait(false));
            families.Add(await runner.KShortestAsync("k=3 d", "k=3 shortest paths, maxHops 6, degree-biased pairs", pairs.DegreeBiased, k1Biased.Reference).ConfigureAwait(false));
            families.Add(await runner.NeighbourhoodAsync("nbhd d", $"depth-{NeighbourhoodDepth} neighbourhood, limit {NeighbourhoodLimit}, from the first node of each degree-biased pair", pairs.DegreeBiased).ConfigureAwait(false));
            await runner.RequestOverheadAsync(pairs.Uniform).ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine("What the reference leaves out: hydration (reading each relationship's citations, quotes and documents from SQLite), which");
            Console.WriteLine("GraphService's times include; filters (these queries have none); ranking among equally short paths and, for the");
            Console.WriteLine("neighbourhood, ranking candidates by strength (every relationship here has one citation, so all are equally strong).");

            Console.WriteLine();
            Console.WriteLine($"-- summary (Markdown; times in ms; reference = bare bidirectional BFS k=1 on the same pairs, for k=3 too; for the neighbourhood, the depth-{NeighbourhoodDepth} ball count capped at {NeighbourhoodLimit})");
            Console.WriteLine(FamilyResult.Header);
            foreach (var family in families)
            {
                Console.WriteLine(family.Row());
            }

            Console.WriteLine($"index build {build.TotalSeconds:F1} s; first path query after it {Latencies.Ms(first.TotalMilliseconds)} ms; serving RSS {ProcessMemory.Mib(serving.ResidentBytes)} MiB, peak {ProcessMemory.Mib(serving.PeakResidentBytes)} MiB");
        }

        if (breakdown)
        {
            EngineBreakdown.Run(directory, pairs, families, reference, warmUp, measured, ct);
        }
    }

    /// <summary>The bidirectional search must agree with a plain one-sided BFS on every pair, and its paths must be real.</summary>
    private static void CheckReference(ReferenceSearch reference, QueryPairs pairs, int count)
    {
        var watch = Stopwatch.StartNew();
        var checkedPairs = 0;
        foreach (var list in new[] { pairs.Uniform, pairs.DegreeBiased })
        {
            foreach (var pair in list.Take(count))
            {
                var path = reference.ShortestPath(pair.From, pair.To, MaxHops);
                var distance = reference.Distance(pair.From, pair.To, MaxHops);
                if ((path?.Length ?? -1) != distance)
                {
                    throw new InvalidOperationException($"reference self-check failed: {pair.From}->{pair.To} bidirectional length {path?.Length.ToString() ?? "none"}, one-sided BFS {distance}");
                }

                if (path is not null && (path.Nodes[0] != CsvGraphSnapshot.EntityId(pair.From) || path.Nodes[^1] != CsvGraphSnapshot.EntityId(pair.To) || !reference.IsPath(path)))
                {
                    throw new InvalidOperationException($"reference self-check failed: path {string.Join(' ', path.Nodes)} does not join {pair.From} and {pair.To}");
                }

                checkedPairs++;
            }
        }

        Console.WriteLine($"reference self-check: on {checkedPairs} pairs the bidirectional BFS length equals a one-sided BFS's ({watch.Elapsed.TotalSeconds:F1} s, untimed)");
    }
}
