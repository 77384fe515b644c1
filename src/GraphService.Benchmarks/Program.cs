using GraphService.Benchmarks;
using GraphService.Benchmarks.Embedded;
using GraphService.Benchmarks.Neo4jClient;
using GraphService.Benchmarks.SharedGraphs;

// Benchmarks that print figures and assert nothing. See docs/benchmarks.md.
//   graph        GraphService on a gen-graph.js graph against a bare bidirectional BFS, in one run
//   graph-import the import step of "graph" alone: a gen-graph.js graph into a store file (used by .ci/bench-http.sh)
//   corpus       the verified import of a corpus (made by gen-corpus.py or given)
//   embedded     the synthetic workload: hubs joined by thousands of parallel relationships
//   neo4j-response  one large Query API answer read by the Neo4j adapter's client (no server)
var modes = new Dictionary<string, (string[] Options, Func<BenchArguments, CancellationToken, Task<int>> Run, string Usage)>(StringComparer.Ordinal)
{
    ["graph"] = (SharedGraphBenchmark.Options, SharedGraphBenchmark.RunAsync,
        "graph --graph DIR [--pairs 200] [--warmup 20] [--store FILE] [--keep-store] [--breakdown]"),
    ["graph-import"] = (SharedGraphImport.Options, SharedGraphImport.RunAsync, "graph-import --graph DIR --store FILE"),
    ["corpus"] = (CorpusImportBenchmark.Options, CorpusImportBenchmark.RunAsync,
        "corpus (--corpus DIR | --claims C --entities E --docs D [--seed S] [--out DIR | --keep] [--generator gen-corpus.py])"),
    ["embedded"] = (EmbeddedBenchmark.Options, EmbeddedBenchmark.RunAsync,
        "embedded --entities N --relationships M [--store FILE] [--queries Q] [--seed S]"),
    ["neo4j-response"] = (QueryResponseBenchmark.Options, QueryResponseBenchmark.RunAsync, "neo4j-response [--records 1000000] [--runs 3]"),
};

if (args.Length == 0 || !modes.TryGetValue(args[0], out var mode))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project src/GraphService.Benchmarks -- MODE [options]");
    foreach (var (_, m) in modes)
    {
        Console.Error.WriteLine($"  {m.Usage}");
    }

    return 2;
}

try
{
    return await mode.Run(new BenchArguments(args[1..], mode.Options), CancellationToken.None);
}
catch (BenchInputException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{args[0]}: {e.Message}");
    Console.Error.WriteLine($"usage: {mode.Usage}");
    return 2;
}
