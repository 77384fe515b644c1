using System.Diagnostics;
using System.Globalization;
using GraphService.Benchmarks;
using GraphService.Core.Queries;
using GraphService.Storage.Sqlite;

// dotnet run -c Release --project src/GraphService.Benchmarks -- embedded --entities N --relationships M [--store FILE] [--queries Q] [--seed S]
// Prints figures; asserts nothing. With --store FILE naming a store that already holds a graph, generation and import
// are skipped, so the memory figures are those of opening the file and building the index alone.
if (args.Length == 0 || args[0] != "embedded")
{
    Console.Error.WriteLine("usage: embedded --entities N --relationships M [--store FILE] [--queries Q] [--seed S]");
    return 2;
}

var options = ParseOptions(args.Skip(1).ToArray());
var entities = options.GetInt("entities", 100_000);
var relationships = options.GetInt("relationships", 500_000);
var queries = options.GetInt("queries", 300);
var seed = options.GetInt("seed", 7);
var storePath = options.TryGetValue("store", out var given) ? given : Path.Combine(Path.GetTempPath(), $"graphservice-bench-{Guid.NewGuid():N}.db");
var temporary = !options.ContainsKey("store");
var ct = CancellationToken.None;

Console.WriteLine($"embedded store benchmark: entities={entities:N0} relationships={relationships:N0} queries={queries} seed={seed}");
Console.WriteLine($"store file: {storePath}");

bool reuse;
using (var probe = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath }))
{
    reuse = (await probe.GetStatusAsync(ct)).Ready;
}

if (reuse)
{
    Console.WriteLine("the store file already holds a graph: skipping generation and import");
}
else
{
    // In a function of its own, so that the generated snapshot is garbage once the import is done (a local of the
    // top-level statements would live on in their state machine and inflate the memory figures below).
    await ImportAsync(storePath, entities, relationships, seed, ct);
}

GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var managedBefore = GC.GetTotalMemory(forceFullCollection: true);

using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath });
var buildCpu = Process.GetCurrentProcess().TotalProcessorTime;
var build = Stopwatch.StartNew();
var status = await store.GetStatusAsync(ct);
_ = await store.ResolveAsync(SyntheticGraph.EntityId(0), ct);
build.Stop();
var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
using (var self = Process.GetCurrentProcess())
{
    self.Refresh();
    Console.WriteLine($"index build from the file (fresh instance): {build.Elapsed.TotalSeconds:F1} s wall ({(self.TotalProcessorTime - buildCpu).TotalSeconds:F1} s CPU) for {status.Entities:N0} entities, {status.Relationships:N0} relationships");
    Console.WriteLine($"managed heap after build: {managedAfter / (1024.0 * 1024.0):N0} MiB (index alone: {(managedAfter - managedBefore) / (1024.0 * 1024.0):N0} MiB)");
    Console.WriteLine($"working set: {self.WorkingSet64 / (1024.0 * 1024.0):N0} MiB, peak working set of the process: {self.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MiB");
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
    var result = await store.FindPathsAsync(query, ct);
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
    var result = await store.FindPathsAsync(query, ct);
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
        var result = await store.GetNeighborhoodAsync(query, ct);
        times.Add(watch.Elapsed.TotalMilliseconds);
        truncated += result!.Truncated ? 1 : 0;
    }

    Report($"neighborhood (depth={depth}, limit=50)", times, truncated, "", Process.GetCurrentProcess().TotalProcessorTime - cpuMark);
}

if (temporary)
{
    store.Dispose();
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(storePath + suffix);
    }
}

return 0;

static async Task ImportAsync(string storePath, int entities, int relationships, int seed, CancellationToken ct)
{
    var generate = Stopwatch.StartNew();
    var snapshot = SyntheticGraph.Generate(entities, relationships, seed);
    Console.WriteLine($"generated in {generate.Elapsed.TotalSeconds:F1} s");
    var indexWatch = Stopwatch.StartNew();
    var traversal = GraphService.Core.Traversal.TraversalIndex.FromSnapshot(snapshot);
    var traversalSeconds = indexWatch.Elapsed.TotalSeconds;
    _ = GraphService.Core.Traversal.AliasIndex.Build(traversal);
    Console.WriteLine($"in-memory indexes from the snapshot: traversal {traversalSeconds:F1} s, aliases {indexWatch.Elapsed.TotalSeconds - traversalSeconds:F1} s");
    using var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath });
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var import = Stopwatch.StartNew();
    await writer.ReplaceGraphAsync(snapshot, ct);
    import.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    Console.WriteLine($"import: {import.Elapsed.TotalSeconds:F1} s wall ({cpu.TotalSeconds:F1} s CPU), {relationships / import.Elapsed.TotalSeconds:N0} relationships/s (includes building the in-memory index of the importing instance)");
    Console.WriteLine($"store file size: {new FileInfo(storePath).Length / (1024.0 * 1024.0):N0} MiB");
}

static void Report(string what, List<double> milliseconds, int truncated, string extra, TimeSpan cpu)
{
    milliseconds.Sort();
    double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
    Console.WriteLine(
        $"{what}: n={milliseconds.Count} p50={At(0.50).ToString("F2", CultureInfo.InvariantCulture)} ms " +
        $"p99={At(0.99).ToString("F2", CultureInfo.InvariantCulture)} ms max={milliseconds[^1].ToString("F2", CultureInfo.InvariantCulture)} ms " +
        $"mean CPU={(cpu.TotalMilliseconds / milliseconds.Count).ToString("F2", CultureInfo.InvariantCulture)} ms truncated={truncated}{(extra.Length > 0 ? " " + extra : "")}");
}

static Dictionary<string, string> ParseOptions(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"expected --name value, got '{args[i]}'");
        }

        options[args[i][2..]] = args[++i];
    }

    return options;
}

internal static class OptionExtensions
{
    public static int GetInt(this Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;
}
