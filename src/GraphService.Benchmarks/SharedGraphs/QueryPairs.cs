namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>
/// pairs.csv of gen-graph.js (<c>kind,src,dst</c>): <c>u</c> pairs of uniformly random nodes and <c>d</c> pairs whose
/// ends are ends of uniformly random relationships (so hubs come up as often as they do in the graph).
/// The first <c>warmUp</c> pairs of a kind warm up, the next <c>measured</c> are timed.
/// </summary>
internal sealed class QueryPairs
{
    public const string File = "pairs.csv";

    private QueryPairs(IReadOnlyList<(int From, int To)> uniform, IReadOnlyList<(int From, int To)> degreeBiased)
    {
        Uniform = uniform;
        DegreeBiased = degreeBiased;
    }

    public IReadOnlyList<(int From, int To)> Uniform { get; }

    public IReadOnlyList<(int From, int To)> DegreeBiased { get; }

    public static QueryPairs Read(string directory, int nodeCount, int needed)
    {
        var path = Path.Combine(directory, File);
        CsvLines.CountDataLines(path);
        var uniform = new List<(int, int)>();
        var degreeBiased = new List<(int, int)>();
        Span<Range> fields = stackalloc Range[4];
        foreach (var (line, number) in CsvLines.Read(path, "kind,src,dst"))
        {
            CsvLines.Split(line, fields, 3, path, number);
            var kind = line.AsSpan(fields[0]);
            var pair = (CsvLines.NodeId(line.AsSpan(fields[1]), nodeCount, path, number), CsvLines.NodeId(line.AsSpan(fields[2]), nodeCount, path, number));
            if (kind.SequenceEqual("u"))
            {
                uniform.Add(pair);
            }
            else if (kind.SequenceEqual("d"))
            {
                degreeBiased.Add(pair);
            }
            else
            {
                throw new BenchInputException(path, number, $"kind '{kind}' is neither u (uniform) nor d (degree-biased)");
            }
        }

        foreach (var (name, list) in new[] { ("u", uniform), ("d", degreeBiased) })
        {
            if (list.Count < needed)
            {
                throw new BenchInputException(path, 0, $"{list.Count} pairs of kind {name}, fewer than the {needed} asked for (warm-up + measured); write more with gen-graph.js --pairs");
            }
        }

        return new QueryPairs(uniform, degreeBiased);
    }
}
