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
    public static void Run(string directory, QueryPairs pairs, IReadOnlyList<FamilyResult> families, int warmUp, int measured, CancellationToken ct)
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
            long steps = 0, linked = 0;
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
        }
    }
}
