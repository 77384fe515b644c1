using System.Globalization;
using GraphService.Benchmarks.Measurement;

namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>
/// The figures of one query family (for example k=1 on the uniform pairs): GraphService's times, the reference's times
/// on the same queries, and what the checks of the answers counted (truncated, wrong lengths, …), in the order first counted.
/// </summary>
internal sealed class FamilyResult(string label, string description, string referenceName, Latencies reference)
{
    public const string Truncated = "truncated";
    public const string WrongLengths = "wrong lengths";
    public const string NoPath = "of which no path returned";
    public const string Invalid = "invalid answers";
    public const string Unreachable = "unreachable within 6 hops (reference)";

    private readonly List<(string What, int Count)> _counts = [];
    private readonly List<string> _examples = [];

    public string Label { get; } = label;

    public Latencies Service { get; } = new();

    public Latencies Reference { get; } = reference;

    /// <summary>A second reference shown beside the first (the neighbourhood's ball with its relationships).</summary>
    public (string Name, Latencies Times)? Extra { get; init; }

    /// <summary>What the garbage collector did while GraphService's measured queries ran.</summary>
    public CollectorActivity? Collector { get; set; }

    /// <summary>Adjacency entries the reference looked at, over all measured queries.</summary>
    public long ReferenceWork { get; set; }

    /// <summary>Starts a count at zero so that it is printed even if nothing adds to it.</summary>
    public void Track(params string[] what)
    {
        foreach (var w in what)
        {
            Count(w, 0);
        }
    }

    public void Count(string what, int add = 1)
    {
        var i = _counts.FindIndex(c => c.What == what);
        if (i < 0)
        {
            _counts.Add((what, add));
        }
        else
        {
            _counts[i] = (what, _counts[i].Count + add);
        }
    }

    /// <summary>Keeps the first few examples of a problem for the output.</summary>
    public void Example(string text)
    {
        if (_examples.Count < 5)
        {
            _examples.Add(text);
        }
    }

    public void Print(int warmUp)
    {
        Console.WriteLine();
        Console.WriteLine($"-- {Label}: {description}");
        Console.WriteLine($"{Label,-7} {Service.Count} queries after {warmUp} warm-up; {string.Join(", ", _counts.Select(c => $"{c.What} {c.Count}"))}");
        foreach (var example in _examples)
        {
            Console.WriteLine($"{Label,-7} e.g. {example}");
        }

        foreach (var (name, q) in new[] { ("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("max", 1.0) })
        {
            Console.WriteLine($"{Label,-7} {name}  {Figures(Service.Percentile(q), Reference.Percentile(q))}   cpu {Figures(Service.CpuPercentile(q), Reference.CpuPercentile(q))}" +
                              (Extra is var (extraName, extra) ? $"   {extraName} {Latencies.Ms(extra.Percentile(q)),8} ms  ratio {Latencies.Ratio(Service.Percentile(q), extra.Percentile(q)),7}" : ""));
        }

        Console.WriteLine($"{Label,-7} mean {Figures(Service.Mean, Reference.Mean)}   cpu {Figures(Service.CpuMean, Reference.CpuMean)}");
        Console.WriteLine($"{Label,-7} reference: {referenceName}; it looked at {ReferenceWork / (double)Service.Count:N0} adjacency entries per query" +
                          (Service.CpuUnmeasured > 0 ? $"; CPU time not measurable for {Service.CpuUnmeasured} GraphService queries (continued on another thread)" : ""));
        if (Collector is { } collector)
        {
            Console.WriteLine($"{Label,-7} collector during GraphService's measured queries: {collector}");
        }
    }

    /// <summary>
    /// The pairs on which GraphService took longest, each with the reference's time on the same pair (its own queries,
    /// also cold): whether a tail is a pair that is slow for any search or one that is slow for GraphService alone.
    /// </summary>
    public void PrintSlowest(IReadOnlyList<(int From, int To)> pairs, int count)
    {
        var slowest = Enumerable.Range(0, Service.Count).OrderByDescending(Service.WallAt).Take(count)
            .Select(i => $"{CsvGraphSnapshot.EntityId(pairs[i].From)} -> {CsvGraphSnapshot.EntityId(pairs[i].To)} {Latencies.Ms(Service.WallAt(i))} ms (ref {Latencies.Ms(Reference.WallAt(i))} ms)");
        Console.WriteLine($"{Label,-7} slowest for GraphService: {string.Join("; ", slowest)}");
    }

    private static string Figures(double service, double reference) =>
        $"{Latencies.Ms(service),8} ms  ref {Latencies.Ms(reference),8} ms  ratio {Latencies.Ratio(service, reference),7}";

    /// <summary>A row of the Markdown summary table.</summary>
    public string Row() =>
        string.Create(CultureInfo.InvariantCulture, $"| {Label} | {Latencies.Ms(Service.Percentile(0.5))} / {Latencies.Ms(Service.Percentile(0.9))} / {Latencies.Ms(Service.Percentile(0.99))} / {Latencies.Ms(Service.Max)} | {Latencies.Ms(Reference.Percentile(0.5))} / {Latencies.Ms(Reference.Percentile(0.99))} | {Latencies.Ratio(Service.Percentile(0.5), Reference.Percentile(0.5))} / {Latencies.Ratio(Service.Percentile(0.99), Reference.Percentile(0.99))} | {Latencies.Ms(Service.CpuPercentile(0.99))} / {Latencies.Ms(Reference.CpuPercentile(0.99))} ({Latencies.Ratio(Service.CpuPercentile(0.99), Reference.CpuPercentile(0.99))}) | {Get(Truncated)} | {Get(WrongLengths)} | {Get(Unreachable)} |");

    public const string Header =
        "| query | GraphService p50 / p90 / p99 / max | reference p50 / p99 | ratio p50 / p99 | CPU p99 GraphService / reference (ratio) | truncated | wrong lengths | unreachable (ref) |\n" +
        "|---|---|---|---|---|---|---|---|";

    private string Get(string what) => _counts.FindIndex(c => c.What == what) is var i && i >= 0 ? _counts[i].Count.ToString(CultureInfo.InvariantCulture) : "—";
}
