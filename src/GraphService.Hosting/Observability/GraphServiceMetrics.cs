using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GraphService.Hosting.Observability;

/// <summary>The kinds of query the service answers, as the <c>kind</c> label of the query metrics names them.</summary>
public enum QueryKind
{
    Path,
    Neighbourhood,
    Search,
    Detail,
    Overview,
}

/// <summary>How an import ended, as the <c>outcome</c> label of the import counter names it.</summary>
public enum ImportOutcome
{
    /// <summary>The corpus verified and the store now serves a new graph version.</summary>
    Succeeded,

    /// <summary>The corpus verified and is the graph already served (same version): nothing was written.</summary>
    Unchanged,

    /// <summary>The corpus had problems, or the store or the process failed during the import: the store kept its graph.</summary>
    Failed,
}

/// <summary>
/// The one home of the service's own metrics (docs/observability.md lists them): a single <see cref="Meter"/> named
/// <see cref="MeterName"/> and every instrument on it. Exporters (the API's /metrics, OTLP) subscribe to the meter by
/// name; without one, recording costs next to nothing. Instrument names use OpenTelemetry's dotted form; the Prometheus
/// exporter writes them with underscores and unit and <c>_total</c> suffixes (graphservice_query_duration_seconds).
/// </summary>
public sealed class GraphServiceMetrics
{
    public const string MeterName = "GraphService";

    /// <summary>
    /// Seconds. A query of the embedded store takes well under a millisecond to tens of milliseconds, a Neo4j round trip a
    /// few milliseconds to seconds; OpenTelemetry's default buckets (0 to 10 000) are meant for milliseconds.
    /// </summary>
    public static readonly IReadOnlyList<double> DurationBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram<double> _queryDuration;
    private readonly Counter<long> _truncated;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _imports;
    private GraphSize? _size;

    public GraphServiceMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _queryDuration = meter.CreateHistogram(
            "graphservice.query.duration",
            unit: "s",
            description: "Time the store took to answer a query, by query kind and backend (answered queries only).",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _truncated = meter.CreateCounter<long>(
            "graphservice.answers.truncated",
            unit: "{answer}",
            description: "Answers cut at a limit (path search budget, neighbourhood node limit), by query kind and backend.");
        _cacheHits = meter.CreateCounter<long>(
            "graphservice.response_cache.hits",
            unit: "{response}",
            description: "/api answers sent from the response cache without running the query.");
        _cacheMisses = meter.CreateCounter<long>(
            "graphservice.response_cache.misses",
            unit: "{response}",
            description: "/api requests the response cache did not hold, so the query ran.");
        _imports = meter.CreateCounter<long>(
            "graphservice.imports",
            unit: "{import}",
            description: "Corpus imports run by this process (start-up or command line), by outcome.");
        meter.CreateObservableGauge(
            "graphservice.graph.entities",
            () => Observe(s => s.Entities),
            unit: "{entity}",
            description: "Entities in the graph the store serves, as of the store's last status reading.");
        meter.CreateObservableGauge(
            "graphservice.graph.relationships",
            () => Observe(s => s.Relationships),
            unit: "{relationship}",
            description: "Relationships in the graph the store serves, as of the store's last status reading.");
    }

    public void RecordQuery(QueryKind kind, string backend, TimeSpan duration, bool truncated)
    {
        var tags = new TagList { { "kind", Label(kind) }, { "backend", backend } };
        _queryDuration.Record(duration.TotalSeconds, tags);
        if (truncated)
        {
            _truncated.Add(1, tags);
        }
    }

    public void RecordCacheLookup(bool hit) => (hit ? _cacheHits : _cacheMisses).Add(1);

    public void RecordImport(ImportOutcome outcome) =>
        _imports.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));

    /// <summary>The size of the graph now served (nothing is reported while the store is empty).</summary>
    public void RecordGraphSize(bool loaded, int entities, int relationships) =>
        Volatile.Write(ref _size, loaded ? new GraphSize(entities, relationships) : null);

    private static string Label(QueryKind kind) => kind.ToString().ToLowerInvariant();

    private IEnumerable<Measurement<int>> Observe(Func<GraphSize, int> value) =>
        Volatile.Read(ref _size) is { } size ? [new Measurement<int>(value(size))] : [];

    private sealed record GraphSize(int Entities, int Relationships);
}
