using System.Diagnostics;
using GraphService.Benchmarks.Measurement;
using GraphService.Core.Queries;
using GraphService.Core.Store;

namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>GraphService's queries of the benchmark, by node number: built outside the timed region, asked through the store port.</summary>
internal sealed class ServiceQueries(IGraphStore store)
{
    public IGraphStore Store => store;

    public static PathQuery Path((int From, int To) pair, int k) =>
        new(CsvGraphSnapshot.EntityId(pair.From), CsvGraphSnapshot.EntityId(pair.To)) { K = k, MaxHops = SharedGraphBenchmark.MaxHops };

    public static NeighborhoodQuery Neighbourhood(int center) =>
        new(CsvGraphSnapshot.EntityId(center)) { Depth = SharedGraphBenchmark.NeighbourhoodDepth, Limit = SharedGraphBenchmark.NeighbourhoodLimit };

    public Task<PathResult?> PathAsync((int From, int To) pair, int k, CancellationToken ct) => store.FindPathsAsync(Path(pair, k), ct);

    public Task<NeighborhoodResult?> NeighbourhoodAsync(int center, CancellationToken ct) => store.GetNeighborhoodAsync(Neighbourhood(center), ct);
}

/// <summary>
/// Runs one query family: warm-up pairs, then the measured pairs, first all through GraphService, then all through the
/// reference, each after a full garbage collection; then checks every answer against the reference's.
/// </summary>
internal sealed class FamilyRunner(ServiceQueries service, ReferenceSearch reference, int warmUp, int measured, CancellationToken ct)
{
    private const int MaxHops = SharedGraphBenchmark.MaxHops;

    /// <summary>
    /// Runs every query kind on up to 100 pairs per kind that are never measured (past the measured ones in pairs.csv,
    /// else the warm-up pairs), then pauses, so that tiered compilation has promoted the hot methods of both GraphService
    /// and the reference (30 calls, then a background compilation) before anything is timed.
    /// </summary>
    public async Task WarmUpJitAsync(QueryPairs pairs)
    {
        const int Rounds = 100;
        var watch = Stopwatch.StartNew();
        var spareCount = 0;
        foreach (var list in new[] { pairs.Uniform, pairs.DegreeBiased })
        {
            var spare = list.Skip(warmUp + measured).Take(Rounds).ToList();
            spareCount += spare.Count;
            var jitPairs = spare.Count > 0 ? spare : [.. list.Take(warmUp)];
            for (var i = 0; i < Rounds && jitPairs.Count > 0; i++)
            {
                var pair = jitPairs[i % jitPairs.Count];
                _ = await service.PathAsync(pair, 1, ct).ConfigureAwait(false);
                _ = await service.PathAsync(pair, 3, ct).ConfigureAwait(false);
                _ = await service.NeighbourhoodAsync(pair.From, ct).ConfigureAwait(false);
                _ = reference.ShortestPath(pair.From, pair.To, MaxHops);
                _ = reference.Ball(pair.From, SharedGraphBenchmark.NeighbourhoodDepth, SharedGraphBenchmark.NeighbourhoodLimit, withRelationships: false);
                _ = reference.Ball(pair.From, SharedGraphBenchmark.NeighbourhoodDepth, SharedGraphBenchmark.NeighbourhoodLimit, withRelationships: true);
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
        Console.WriteLine($"JIT warm-up: every query kind {2 * Rounds} times on {(spareCount > 0 ? $"{spareCount} unmeasured pairs" : "the warm-up pairs")}, then a 2 s pause ({watch.Elapsed.TotalSeconds:F1} s)");
    }

    public async Task<FamilyResult> ShortestAsync(string label, string description, IReadOnlyList<(int From, int To)> list)
    {
        var pairs = list.Skip(warmUp).Take(measured).ToList();
        var referenceTimes = new Latencies();
        var result = new FamilyResult(label, description, "bidirectional BFS, one shortest path", referenceTimes);
        var answers = await TimeServiceAsync(result, list, pairs, pair => service.PathAsync(pair, 1, ct)).ConfigureAwait(false);
        var expected = TimeReference(list, pairs, referenceTimes, result);
        CheckPaths(result, pairs, answers, expected, k: 1);
        result.Print(warmUp);
        result.PrintSlowest(pairs, 5);
        return result;
    }

    /// <summary>k=3 has no reference of its own: its ratio is to the k=1 reference on the same pairs, the least any answer costs.</summary>
    public async Task<FamilyResult> KShortestAsync(string label, string description, IReadOnlyList<(int From, int To)> list, Latencies k1Reference)
    {
        var pairs = list.Skip(warmUp).Take(measured).ToList();
        var result = new FamilyResult(label, description, "the k=1 bidirectional BFS on the same pairs", k1Reference);
        var answers = await TimeServiceAsync(result, list, pairs, pair => service.PathAsync(pair, 3, ct)).ConfigureAwait(false);
        var expected = new List<ReferencePath?>(pairs.Count);
        foreach (var pair in pairs)
        {
            expected.Add(reference.ShortestPath(pair.From, pair.To, MaxHops));
            result.ReferenceWork += reference.Scanned;
        }

        CheckPaths(result, pairs, answers, expected, k: 3);
        result.Print(warmUp);
        result.PrintSlowest(pairs, 5);
        return result;
    }

    public async Task<FamilyResult> NeighbourhoodAsync(string label, string description, IReadOnlyList<(int From, int To)> list)
    {
        const int depth = SharedGraphBenchmark.NeighbourhoodDepth, limit = SharedGraphBenchmark.NeighbourhoodLimit;
        var pairs = list.Skip(warmUp).Take(measured).ToList();
        var ball = new Latencies();
        var withRelationships = new Latencies();
        var result = new FamilyResult(label, description, $"depth-{depth} ball count capped at {limit}", ball) { Extra = ("ref+rels", withRelationships) };
        result.Track(FamilyResult.Truncated, "node count differs from the reference's", "relationship count differs (untruncated answers)");
        var answers = await TimeServiceAsync(result, list, pairs, pair => service.NeighbourhoodAsync(pair.From, ct)).ConfigureAwait(false);

        var balls = new ReferenceBall[pairs.Count];
        foreach (var timed in new[] { false, true })
        {
            foreach (var pair in list.Take(warmUp))
            {
                _ = reference.Ball(pair.From, depth, limit, timed);
            }

            Collect();
            for (var i = 0; i < pairs.Count; i++)
            {
                var start = Latencies.Now();
                var found = reference.Ball(pairs[i].From, depth, limit, timed);
                (timed ? withRelationships : ball).Add(start);
                if (timed)
                {
                    balls[i] = found;
                }
                else
                {
                    result.ReferenceWork += reference.Scanned;
                }
            }
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            var (answer, expected) = (answers[i], balls[i]);
            if (answer is null)
            {
                result.Count(FamilyResult.Invalid);
                result.Example($"{pairs[i].From}: the store did not find the centre");
                continue;
            }

            result.Count(FamilyResult.Truncated, answer.Truncated ? 1 : 0);
            if (answer.Nodes.Count != expected.Nodes || answer.Truncated != expected.Truncated)
            {
                result.Count("node count differs from the reference's");
                result.Example($"centre {pairs[i].From}: GraphService {answer.Nodes.Count} nodes{(answer.Truncated ? " (truncated)" : "")}, reference {expected.Nodes}{(expected.Truncated ? " (truncated)" : "")}");
            }
            else if (!answer.Truncated && answer.Relationships.Count != expected.Relationships)
            {
                result.Count("relationship count differs (untruncated answers)");
                result.Example($"centre {pairs[i].From}: GraphService {answer.Relationships.Count} relationships, reference {expected.Relationships}");
            }
        }

        result.Print(warmUp);
        // How much each answer had to hydrate, and which centres were slowest with their sizes: whether the tail follows the
        // answer's size or not. Percentiles by the nearest-rank rule, as Latencies prints them.
        double[] sizes = [.. answers.Select(a => (double)(a?.Relationships.Count ?? 0)).Order()];
        Console.WriteLine($"{label,-7} relationships per answer p50 / p99 / max {Latencies.Rank(sizes, 0.5):F0} / {Latencies.Rank(sizes, 0.99):F0} / {sizes[^1]:F0}");
        var slowest = Enumerable.Range(0, pairs.Count).OrderByDescending(result.Service.WallAt).Take(5)
            .Select(i => $"{CsvGraphSnapshot.EntityId(pairs[i].From)} {Latencies.Ms(result.Service.WallAt(i))} ms ({answers[i]?.Nodes.Count} nodes, {answers[i]?.Relationships.Count} relationships)");
        Console.WriteLine($"{label,-7} slowest for GraphService: {string.Join("; ", slowest)}");
        return result;
    }

    /// <summary>
    /// What GraphQueries.PathsAsync asks the store for on a path request besides the search (so /api/paths and the CLI's
    /// path): both names resolved, and, when the query names relationship types, the predicate whitelist to check them.
    /// </summary>
    public async Task RequestOverheadAsync(IReadOnlyList<(int From, int To)> list)
    {
        var pairs = list.Skip(warmUp).Take(measured).ToList();
        var resolve = new Latencies();
        var vocabulary = new Latencies();
        foreach (var pair in list.Take(warmUp))
        {
            _ = await service.Store.GetVocabularyAsync(ct).ConfigureAwait(false);
            _ = await service.Store.ResolveAsync(CsvGraphSnapshot.EntityId(pair.From), ct).ConfigureAwait(false);
        }

        Collect();
        foreach (var pair in pairs)
        {
            var start = Latencies.Now();
            _ = await service.Store.ResolveAsync(CsvGraphSnapshot.EntityId(pair.From), ct).ConfigureAwait(false);
            _ = await service.Store.ResolveAsync(CsvGraphSnapshot.EntityId(pair.To), ct).ConfigureAwait(false);
            resolve.Add(start);
            start = Latencies.Now();
            _ = await service.Store.GetVocabularyAsync(ct).ConfigureAwait(false);
            vocabulary.Add(start);
        }

        Console.WriteLine();
        Console.WriteLine("-- per path request, GraphQueries.PathsAsync also resolves both names, and reads the predicate whitelist if it names types; not in the times above");
        foreach (var (name, times) in new[] { ("2x ResolveAsync", resolve), ("GetVocabularyAsync", vocabulary) })
        {
            Console.WriteLine($"{name,-18} p50 {Latencies.Ms(times.Percentile(0.5))} ms  p99 {Latencies.Ms(times.Percentile(0.99))} ms  (cpu p50 {Latencies.Ms(times.CpuPercentile(0.5))} ms, p99 {Latencies.Ms(times.CpuPercentile(0.99))} ms)");
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private async Task<List<T?>> TimeServiceAsync<T>(FamilyResult result, IReadOnlyList<(int From, int To)> list, List<(int From, int To)> pairs, Func<(int From, int To), Task<T?>> ask)
    {
        foreach (var pair in list.Take(warmUp))
        {
            _ = await ask(pair).ConfigureAwait(false);
        }

        Collect();
        var answers = new List<T?>(pairs.Count);
        var collector = CollectorActivity.Start();
        foreach (var pair in pairs)
        {
            var start = Latencies.Now();
            var answer = await ask(pair).ConfigureAwait(false);
            result.Service.Add(start);
            answers.Add(answer);
        }

        result.Collector = collector.Stop();
        return answers;
    }

    private List<ReferencePath?> TimeReference(IReadOnlyList<(int From, int To)> list, List<(int From, int To)> pairs, Latencies times, FamilyResult result)
    {
        foreach (var pair in list.Take(warmUp))
        {
            _ = reference.ShortestPath(pair.From, pair.To, MaxHops);
        }

        Collect();
        var paths = new List<ReferencePath?>(pairs.Count);
        foreach (var pair in pairs)
        {
            var start = Latencies.Now();
            var path = reference.ShortestPath(pair.From, pair.To, MaxHops);
            times.Add(start);
            result.ReferenceWork += reference.Scanned;
            paths.Add(path);
        }

        return paths;
    }

    private static void CheckPaths(FamilyResult result, List<(int From, int To)> pairs, List<PathResult?> answers, List<ReferencePath?> expected, int k)
    {
        result.Track(FamilyResult.Truncated, FamilyResult.WrongLengths, FamilyResult.NoPath, FamilyResult.Invalid, FamilyResult.Unreachable);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (from, to) = (CsvGraphSnapshot.EntityId(pairs[i].From), CsvGraphSnapshot.EntityId(pairs[i].To));
            var answer = answers[i];
            var shortest = expected[i];
            result.Count(FamilyResult.Unreachable, shortest is null ? 1 : 0);
            if (answer is null)
            {
                result.Count(FamilyResult.Invalid);
                result.Example($"{from}->{to}: the store did not find an end");
                continue;
            }

            result.Count(FamilyResult.Truncated, answer.Truncated ? 1 : 0);
            var problem = answer.Paths.Count > k ? $"{answer.Paths.Count} paths for k={k}" : null;
            for (var p = 0; p < answer.Paths.Count && problem is null; p++)
            {
                problem = PathProblem(answer.Paths[p], from, to) ?? (p > 0 && answer.Paths[p].Length < answer.Paths[p - 1].Length ? "paths not shortest first" : null);
            }

            if (problem is not null)
            {
                result.Count(FamilyResult.Invalid);
                result.Example($"{from}->{to}: {problem}");
            }

            var length = answer.Paths.Count > 0 ? answer.Paths[0].Length : -1;
            if (length != (shortest?.Length ?? -1))
            {
                result.Count(FamilyResult.WrongLengths);
                result.Count(FamilyResult.NoPath, length < 0 ? 1 : 0);
                result.Example($"{from}->{to}: GraphService {(length < 0 ? "no path" : $"length {length}")}{(answer.Truncated ? " (truncated)" : "")}, reference length {shortest?.Length.ToString() ?? "none within 6"}");
            }
        }
    }

    /// <summary>What is wrong with a path of an answer, or null: it must join the two ends through distinct entities, every link cited.</summary>
    private static string? PathProblem(GraphPath path, string from, string to)
    {
        if (path.Nodes.Count != path.Length + 1 || path.Relationships.Count != path.Length || path.Length < 1)
        {
            return $"a path of length {path.Length} has {path.Nodes.Count} nodes and {path.Relationships.Count} relationships";
        }

        if (path.Nodes[0].Id != from || path.Nodes[^1].Id != to)
        {
            return $"a path runs from {path.Nodes[0].Id} to {path.Nodes[^1].Id}";
        }

        if (path.Nodes.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count() != path.Nodes.Count)
        {
            return "a path visits an entity twice";
        }

        for (var i = 0; i < path.Length; i++)
        {
            var r = path.Relationships[i];
            var (a, b) = (path.Nodes[i].Id, path.Nodes[i + 1].Id);
            if (!((r.StartNodeId == a && r.EndNodeId == b) || (r.StartNodeId == b && r.EndNodeId == a)))
            {
                return $"link {i} ({r.Id}) does not join {a} and {b}";
            }

            if (r.Citations.Count == 0 || r.Citations.Any(c => c.Quote.Length == 0))
            {
                return $"link {i} ({r.Id}) has no quote";
            }
        }

        return null;
    }
}
