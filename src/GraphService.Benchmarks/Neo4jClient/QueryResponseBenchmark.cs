using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GraphService.Benchmarks.Measurement;
using GraphService.Storage.Neo4j;
using GraphService.Storage.Neo4j.Http;
using Microsoft.Extensions.Options;

namespace GraphService.Benchmarks.Neo4jClient;

/// <summary>
/// <c>neo4j-response</c>: what the Neo4j adapter's HTTP client spends reading one large Query API answer, the shape of
/// <c>read.cypher#name-table</c> (every entity's id, name, type and aliases, which the adapter loads once per graph): the
/// answer's typed JSON is made here for N entities and handed back by an HTTP handler in this process, with no server
/// and no Cypher read. It prints the answer's size, and per run the time and the bytes allocated, then this process's
/// peak RSS. The client's own cost is all that runs, so a change to how it reads answers shows in these figures.
/// </summary>
internal static class QueryResponseBenchmark
{
    public static readonly string[] Options = ["records", "runs"];

    public static async Task<int> RunAsync(BenchArguments args, CancellationToken ct)
    {
        RunHeader.Print("Neo4j Query API answer, read by the adapter's client");
        var records = args.Int("records", 1_000_000, min: 1);
        var runs = args.Int("runs", 3, min: 1);
        var answer = NameTableAnswer(records);
        GC.Collect();
        Console.WriteLine($"answer: {records:N0} records (id, name, type, aliases), {answer.Length / (1024.0 * 1024.0):N1} MiB of typed JSON; {ProcessMemory.Read()}");

        using var handler = new CannedAnswer(answer);
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:7474/") };
        var client = new Neo4jQueryClient(http, Microsoft.Extensions.Options.Options.Create(new Neo4jOptions
        {
            Uri = http.BaseAddress,
            User = "neo4j",
            Password = "benchmark",
        }));
        var statement = new CypherStatement("name-table", "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases");
        for (var run = 1; run <= runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var activity = CollectorActivity.Start();
            var watch = Stopwatch.StartNew();
            var result = await client.RunAsync(statement, ct).ConfigureAwait(false);
            watch.Stop();
            var spent = activity.Stop();
            if (result.Records.Count != records || result.Records[^1].String("id") != Id(records - 1))
            {
                Console.Error.WriteLine($"run {run}: read {result.Records.Count:N0} records, expected {records:N0}");
                return 1;
            }

            Console.WriteLine($"run {run}: {watch.Elapsed.TotalMilliseconds:N0} ms; {spent}");
        }

        // The peak is the process's: it includes the answer itself, held here for every run.
        Console.WriteLine($"after the runs: {ProcessMemory.Read()}");
        return 0;
    }

    private static string Id(int i) => $"e{i:D7}";

    /// <summary>The answer Neo4j gives (typed JSON, rows in field order), for names made up from the entity's number.</summary>
    private static byte[] NameTableAnswer(int records)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteStartArray("fields");
            foreach (var field in new[] { "id", "name", "type", "aliases" })
            {
                json.WriteStringValue(field);
            }

            json.WriteEndArray();
            json.WriteStartArray("values");
            for (var i = 0; i < records; i++)
            {
                json.WriteStartArray();
                Typed(json, Id(i));
                Typed(json, $"Entity {i} of the benchmark");
                Typed(json, (i % 3) switch { 0 => "Person", 1 => "Organization", _ => "Place" });
                json.WriteStartObject();
                json.WriteString("$type", "List");
                json.WriteStartArray("_value");
                for (var a = 0; a < i % 3; a++)
                {
                    Typed(json, $"Alias {a} of {i}");
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("bookmarks");
            json.WriteStringValue("FB:benchmark");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Typed(Utf8JsonWriter json, string value)
    {
        json.WriteStartObject();
        json.WriteString("$type", "String");
        json.WriteString("_value", value);
        json.WriteEndObject();
    }

    /// <summary>Answers every request with the same bytes, as Neo4j answers a read (200, the typed JSON media type).</summary>
    private sealed class CannedAnswer(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.neo4j.query");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
