using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GraphService.Api.Tests.Support;
using GraphService.Core.Store;
using GraphService.Hosting;
using GraphService.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Api.Tests;

/// <summary>One API over the sample corpus, with the default observability settings, for the tests that read its /metrics.</summary>
public sealed class ObservedApi : IAsyncLifetime
{
    public ApiServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync() =>
        Server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus }, waitUntilReady: true);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public Task<MetricsScrape> ScrapeAsync() => MetricsScrape.ReadAsync(Client);
}

/// <summary>
/// The tests that read metrics run alone, after the others: the OpenTelemetry SDK subscribes to meters by name across the
/// process, so an API host of another test stopping meanwhile would end the series of this one (a process runs one host
/// in production).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObservabilityCollection
{
    public const string Name = "Observability (run alone)";
}

/// <summary>
/// The service's own metrics, scraped at /metrics as Prometheus does (docs/observability.md). Each test reads the counters
/// before and after its requests, so the tests of this class may run in any order.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class MetricsEndpointTests(ObservedApi api) : IClassFixture<ObservedApi>
{
    private const string Duration = "graphservice_query_duration_seconds";
    private const string Hits = "graphservice_response_cache_hits_total";
    private const string Misses = "graphservice_response_cache_misses_total";
    private static readonly (string, string) Sqlite = ("backend", "sqlite");

    [Fact]
    public async Task A_path_query_is_timed_by_kind_and_backend_and_its_repeat_is_a_cache_hit()
    {
        const string url = "/api/paths?from=Khazali&to=al-Ameri&maxHops=4&k=2";
        var before = await api.ScrapeAsync();

        using (var first = await api.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var afterFirst = await api.ScrapeAsync();
        Assert.Equal(before.CountOf($"{Duration}_count", ("kind", "path"), Sqlite) + 1, afterFirst.Value($"{Duration}_count", ("kind", "path"), Sqlite));
        Assert.True(afterFirst.Value($"{Duration}_sum", ("kind", "path"), Sqlite) > before.CountOf($"{Duration}_sum", ("kind", "path"), Sqlite));
        Assert.Equal(before.CountOf(Misses) + 1, afterFirst.Value(Misses));
        Assert.Equal(before.CountOf(Hits), afterFirst.CountOf(Hits));
        // The histogram has the documented buckets, in seconds, and +Inf counts every query.
        Assert.Equal(afterFirst.Value($"{Duration}_count", ("kind", "path"), Sqlite), afterFirst.Value($"{Duration}_bucket", ("kind", "path"), Sqlite, ("le", "+Inf")));
        Assert.NotNull(afterFirst.Find($"{Duration}_bucket", ("kind", "path"), Sqlite, ("le", "0.001")));

        using (var second = await api.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var afterSecond = await api.ScrapeAsync();
        Assert.Equal(afterFirst.Value($"{Duration}_count", ("kind", "path"), Sqlite), afterSecond.Value($"{Duration}_count", ("kind", "path"), Sqlite));
        Assert.Equal(afterFirst.Value(Misses), afterSecond.Value(Misses));
        Assert.Equal(afterFirst.CountOf(Hits) + 1, afterSecond.Value(Hits));
    }

    [Fact]
    public async Task A_not_modified_answer_counts_as_a_cache_hit()
    {
        const string url = "/api/paths?from=Khazali&to=al-Ameri&maxHops=3&k=1";
        using var first = await api.Client.GetAsync(url);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("a 200 from /api carries an ETag");
        var before = await api.ScrapeAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        var after = await api.ScrapeAsync();
        Assert.Equal(before.CountOf(Hits) + 1, after.Value(Hits));
        Assert.Equal(before.Value(Misses), after.Value(Misses));
    }

    [Fact]
    public async Task A_neighbourhood_cut_at_its_limit_counts_as_truncated()
    {
        const string url = "/api/entities/qais-al-khazali/neighborhood?depth=2&limit=2";
        var before = await api.ScrapeAsync();

        var body = await api.Client.GetStringAsync(url);

        var truncated = JsonDocument.Parse(body).RootElement.GetProperty("truncated").GetBoolean();
        Assert.True(truncated, $"two entities cannot hold Khazali's two-hop neighbourhood: {body}");
        var after = await api.ScrapeAsync();
        var labels = new[] { ("kind", "neighbourhood"), Sqlite };
        Assert.Equal(before.CountOf("graphservice_answers_truncated_total", labels) + 1, after.Value("graphservice_answers_truncated_total", labels));
        Assert.Equal(before.CountOf($"{Duration}_count", labels) + 1, after.Value($"{Duration}_count", labels));
    }

    [Fact]
    public async Task An_answer_within_its_limits_is_not_counted_as_truncated()
    {
        const string url = "/api/paths?from=Khazali&to=al-Ameri&maxHops=2&k=1";
        var before = await api.ScrapeAsync();

        var body = await api.Client.GetStringAsync(url);

        Assert.False(JsonDocument.Parse(body).RootElement.GetProperty("truncated").GetBoolean());
        var after = await api.ScrapeAsync();
        Assert.Equal(before.CountOf("graphservice_answers_truncated_total", ("kind", "path")), after.CountOf("graphservice_answers_truncated_total", ("kind", "path")));
        Assert.Equal(before.CountOf($"{Duration}_count", ("kind", "path")) + 1, after.Value($"{Duration}_count", ("kind", "path")));
    }

    [Theory]
    [InlineData("/api/entities?search=Khazal&limit=3", "search")]
    [InlineData("/api/entities/hadi-al-ameri", "detail")]
    public async Task Searches_and_entity_details_are_timed_under_their_own_kind(string url, string kind)
    {
        var before = await api.ScrapeAsync();

        using var response = await api.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await api.ScrapeAsync();
        Assert.Equal(before.CountOf($"{Duration}_count", ("kind", kind), Sqlite) + 1, after.Value($"{Duration}_count", ("kind", kind), Sqlite));
    }

    [Fact]
    public async Task The_graph_gauges_show_the_size_of_the_graph_the_store_serves()
    {
        var status = await api.Server.Services.GetRequiredService<IGraphStore>().GetStatusAsync(CancellationToken.None);

        var scrape = await api.ScrapeAsync();

        Assert.True(status.Entities > 0 && status.Relationships > 0);
        Assert.Equal(status.Entities, scrape.Value("graphservice_graph_entities"));
        Assert.Equal(status.Relationships, scrape.Value("graphservice_graph_relationships"));
    }

    [Fact]
    public async Task Imports_are_counted_by_outcome()
    {
        var import = api.Server.Services.GetRequiredService<CorpusImport>();
        var before = await api.ScrapeAsync();
        // The start-up import of the sample corpus into the empty store.
        Assert.True(before.Value("graphservice_imports_total", ("outcome", "succeeded")) >= 1);

        var again = await import.ImportAsync(RepositoryPaths.SampleCorpus, CancellationToken.None);
        using var missing = new TempDirectory();
        var broken = await import.ImportAsync(missing.File("no-such-corpus"), CancellationToken.None);

        Assert.True(again.Succeeded && !again.Changed);
        Assert.False(broken.Succeeded);
        var after = await api.ScrapeAsync();
        Assert.Equal(before.CountOf("graphservice_imports_total", ("outcome", "unchanged")) + 1, after.Value("graphservice_imports_total", ("outcome", "unchanged")));
        Assert.Equal(before.CountOf("graphservice_imports_total", ("outcome", "failed")) + 1, after.Value("graphservice_imports_total", ("outcome", "failed")));
        Assert.Equal(before.Value("graphservice_imports_total", ("outcome", "succeeded")), after.Value("graphservice_imports_total", ("outcome", "succeeded")));
    }

    [Fact]
    public async Task The_scrape_is_Prometheus_text_with_the_http_server_metrics_too()
    {
        using var response = await api.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var scrape = MetricsScrape.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("# TYPE graphservice_query_duration_seconds histogram", scrape.Text, StringComparison.Ordinal);
        Assert.Contains("# TYPE graphservice_response_cache_hits_total counter", scrape.Text, StringComparison.Ordinal);
        Assert.Contains("# TYPE graphservice_graph_entities gauge", scrape.Text, StringComparison.Ordinal);
        // ASP.NET Core's request metrics are exported as well; scrapes themselves are left out of them.
        Assert.Contains(scrape.LabelsOf("http_server_request_duration_seconds_count"), l => l.TryGetValue("http_route", out var r) && r == "/health/ready");
        Assert.DoesNotContain(scrape.LabelsOf("http_server_request_duration_seconds_count"), l => l.TryGetValue("http_route", out var r) && r == "/metrics");
    }

    [Fact]
    public async Task Every_metric_of_the_document_is_scraped_with_its_type_and_labels_and_the_example_scrape_is_real()
    {
        foreach (var url in new[]
        {
            "/api/paths?from=Khazali&to=al-Ameri", "/api/paths?from=Khazali&to=al-Ameri",
            "/api/entities/qais-al-khazali/neighborhood?limit=2", "/api/entities?search=Ameri", "/api/entities/hadi-al-ameri",
        })
        {
            using var response = await api.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var scrape = await api.ScrapeAsync();
        var document = File.ReadAllLines(Path.Combine(RepositoryPaths.Docs, "observability.md"));

        var rows = document.Where(l => l.StartsWith("| `graphservice_", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, rows.Count);
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries)[1..^1];
            var name = cells[0].Trim('`');
            var type = cells[1];
            Assert.Contains($"# TYPE {name} {type}", scrape.Text, StringComparison.Ordinal);
            var series = type == "histogram" ? $"{name}_count" : name;
            foreach (var label in cells[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => l != "none").Select(l => l.Trim('`')))
            {
                Assert.Contains(scrape.LabelsOf(series), labels => labels.ContainsKey(label));
            }
        }

        var start = Array.FindIndex(document, l => l.StartsWith("## Example scrape", StringComparison.Ordinal));
        var open = Array.FindIndex(document, start, l => l.Trim() == "```text");
        var close = Array.FindIndex(document, open + 1, l => l.Trim() == "```");
        var example = MetricsScrape.Parse(string.Join("\n", document[(open + 1)..close]));
        Assert.NotEmpty(example.Series);
        foreach (var (name, labels) in example.Series)
        {
            Assert.True(scrape.Find(name, [.. labels.Select(l => (l.Key, l.Value))]) is not null,
                $"The example's {name}{{{string.Join(",", labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} is not in a live scrape:\n{scrape.Text}");
        }
    }
}

