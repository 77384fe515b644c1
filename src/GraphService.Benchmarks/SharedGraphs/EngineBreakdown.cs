using System.Diagnostics;
using GraphService.Benchmarks.Measurement;
using GraphService.Core.Traversal;

namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>
/// <c>--breakdown</c>: the same queries on Core's traversal engine alone (<see cref="PathFinder"/> and
/// <see cref="NeighborhoodExplorer"/> on a <see cref="TraversalIndex"/> built from the same CSVs, with the store's default
/// budget), beside the store's times. The difference is the store's own work: the read transaction and its version
/// check, and hydration (citations and quotes read from SQLite, views built). Also prints the engine's step counts.
/// </summary>
internal static class EngineBreakdown
{
    public static void Run(string directory, QueryPairs pairs, IReadOnlyList<FamilyResult> families, ReferenceSearch? reference, int warmUp, int measured, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine("-- breakdown: the traversal engine alone (PathFinder, NeighborhoodExplorer) on an index built from the CSVs, no store");
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var graph = CsvGraph.Read(directory, withEntities: true);
        var index = TraversalIndex.FromSnapshot(CsvGraphSnapshot.Build(graph, "breakdown", "breakdown"));
        Console.WriteLine($"index from the CSVs in {watch.Elapsed.TotalSeconds:F1} s");

        var finder = new PathFinder(index);
        var explorer = new NeighborhoodExplorer(index);

        // Tiered JIT: promote the engine's methods on pairs that are not measured before timing anything.
        foreach (var pair in pairs.Uniform.Skip(warmUp + measured).Take(40).Concat(pairs.DegreeBiased.Skip(warmUp + measured).Take(40)))
        {
            _ = finder.Find(ServiceQueries.Path(pair, 3), ct);
            _ = explorer.Explore(ServiceQueries.Neighbourhood(pair.From), ct);
        }

        // Building the index allocated about as much as the graph; a full collection now keeps that garbage from being
        // collected on the querying thread in the middle of the first family (this GC runs on the allocating thread, so
        // one query's CPU time held it: the first family's "engine share" read 617% to 1,988% in earlier runs).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Thread.Sleep(TimeSpan.FromSeconds(1));
        foreach (var family in families)
        {
            var (list, kind) = family.Label.EndsWith('u') ? (pairs.Uniform, "u") : (pairs.DegreeBiased, "d");
            var measuredPairs = list.Skip(warmUp).Take(measured).ToList();
            var times = new Latencies();
            long steps = 0, meetingSteps = 0, linked = 0;
            int minSteps = int.MaxValue, maxSteps = 0, truncated = 0;
            var sequence = list.Take(warmUp).Select(p => (Pair: p, Timed: false)).Concat(measuredPairs.Select(p => (Pair: p, Timed: true)));
            foreach (var (pair, timed) in sequence)
            {
                var start = Latencies.Now();
                if (family.Label.StartsWith("nbhd", StringComparison.Ordinal))
                {
                    var found = explorer.Explore(ServiceQueries.Neighbourhood(pair.From), ct)!;
                    if (timed)
                    {
                        times.Add(start);
                        linked += found.Relationships.Count;
                        truncated += found.Truncated ? 1 : 0;
                    }
                }
                else
                {
                    var found = finder.Find(ServiceQueries.Path(pair, family.Label.StartsWith("k=3", StringComparison.Ordinal) ? 3 : 1), ct)!;
                    if (timed)
                    {
                        times.Add(start);
                        steps += found.Steps;
                        meetingSteps += found.MeetingSteps;
                        minSteps = Math.Min(minSteps, found.Steps);
                        maxSteps = Math.Max(maxSteps, found.Steps);
                        linked += found.Paths.Sum(p => p.Length);
                        truncated += found.Truncated ? 1 : 0;
                    }
                }
            }

            var store = family.Service;
            var work = family.Label.StartsWith("nbhd", StringComparison.Ordinal)
                ? $"{linked / (double)times.Count:N0} relationships per answer to hydrate"
                : $"steps min {minSteps:N0}, mean {steps / (double)times.Count:N0}, max {maxSteps:N0}; {linked / (double)times.Count:N1} relationships per answer to hydrate";
            Console.WriteLine($"{family.Label,-7} engine wall p50 / p99 {Latencies.Ms(times.Percentile(0.5))} / {Latencies.Ms(times.Percentile(0.99))} ms, cpu {Latencies.Ms(times.CpuPercentile(0.5))} / {Latencies.Ms(times.CpuPercentile(0.99))} ms" +
                              $"   store wall {Latencies.Ms(store.Percentile(0.5))} / {Latencies.Ms(store.Percentile(0.99))} ms, cpu {Latencies.Ms(store.CpuPercentile(0.5))} / {Latencies.Ms(store.CpuPercentile(0.99))} ms" +
                              $"   engine share of store CPU (means) {times.CpuMean / store.CpuMean:P0}; truncated {truncated} ({kind} pairs); {work}");
            if (!family.Label.StartsWith("nbhd", StringComparison.Ordinal))
            {
                Console.WriteLine($"{family.Label,-7} of the steps, until the balls met: mean {meetingSteps / (double)times.Count:N0} (the reference's whole search: {family.ReferenceWork / (double)times.Count:N0}); choosing the paths in PathOrder after that: mean {(steps - meetingSteps) / (double)times.Count:N0}");
            }
        }

        if (reference is not null)
        {
            WarmComparison(finder, reference, families, pairs, warmUp, measured, ct);
        }
    }

    /// <summary>
    /// The k=1 families again, each measured pair searched <see cref="WarmRepeats"/> times in a row by the engine and then
    /// by the reference, the fastest of each kept: with the pair's memory already in the caches, what is left is the work
    /// itself. Set beside the single cold searches above, it tells how much of a ratio is cache misses. Prints the pairs
    /// slowest for the engine, with both sides' entries, so that a tail can be traced to what the search did there.
    /// </summary>
    private static void WarmComparison(PathFinder finder, ReferenceSearch reference, IReadOnlyList<FamilyResult> families, QueryPairs pairs, int warmUp, int measured, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"-- k=1 warm: each measured pair {WarmRepeats} times in a row, engine then reference, the fastest of each (not the figures of the targets, which are single searches)");
        foreach (var family in families.Where(f => f.Label.StartsWith("k=1", StringComparison.Ordinal)))
        {
            var list = family.Label.EndsWith('u') ? pairs.Uniform : pairs.DegreeBiased;
            var engine = new List<double>();
            var bare = new List<double>();
            var rows = new List<(double Engine, double Reference, IndexedPathSearch Found, long Scanned, (int From, int To) Pair)>();
            foreach (var pair in list.Skip(warmUp).Take(measured))
            {
                var query = ServiceQueries.Path(pair, 1);
                double fastest = double.MaxValue, fastestReference = double.MaxValue;
                IndexedPathSearch found = null!;
                for (var i = 0; i < WarmRepeats; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    found = finder.Find(query, ct)!;
                    fastest = Math.Min(fastest, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                for (var i = 0; i < WarmRepeats; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    _ = reference.ShortestPath(pair.From, pair.To, SharedGraphBenchmark.MaxHops);
                    fastestReference = Math.Min(fastestReference, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                engine.Add(fastest);
                bare.Add(fastestReference);
                rows.Add((fastest, fastestReference, found, reference.Scanned, pair));
            }

            engine.Sort();
            bare.Sort();
            Console.WriteLine($"{family.Label,-7} engine p50 / p99 / max {Latencies.Ms(Latencies.Rank(engine, 0.5))} / {Latencies.Ms(Latencies.Rank(engine, 0.99))} / {Latencies.Ms(engine[^1])} ms   reference {Latencies.Ms(Latencies.Rank(bare, 0.5))} / {Latencies.Ms(Latencies.Rank(bare, 0.99))} / {Latencies.Ms(bare[^1])} ms   p99 ratio {Latencies.Ratio(Latencies.Rank(engine, 0.99), Latencies.Rank(bare, 0.99))}");
            foreach (var (fast, fastReference, found, scanned, pair) in rows.OrderByDescending(r => r.Engine).Take(SlowestShown))
            {
                Console.WriteLine($"{family.Label,-7}   {CsvGraphSnapshot.EntityId(pair.From)} -> {CsvGraphSnapshot.EntityId(pair.To)}: engine {Latencies.Ms(fast)} ms, {found.Steps:N0} steps ({found.MeetingSteps:N0} until the balls met); reference {Latencies.Ms(fastReference)} ms, {scanned:N0} entries; degrees {reference.Degree(pair.From):N0} and {reference.Degree(pair.To):N0}");
            }
        }
    }

    private const int WarmRepeats = 5;

    private const int SlowestShown = 5;
}
