using System.Diagnostics;
using GraphService.Core.Domain;
using GraphService.Core.Progress;
using GraphService.Core.Queries;
using GraphService.Core.Store;

namespace GraphService.Hosting.Observability;

/// <summary>
/// The configured store, measured: the one place where query durations, truncated answers and the served graph's size
/// are recorded (<see cref="GraphServiceMetrics"/>), for every host and both backends. It wraps the store at composition
/// (<see cref="ObservabilityRegistration.AddGraphServiceMetrics"/>) and otherwise forwards every call unchanged.
/// Durations are those of the store's answer, after names were resolved; a call that throws is not recorded.
/// </summary>
public sealed class MeteredGraphStore(IGraphStore inner, GraphServiceMetrics metrics, string backend) : IGraphStore
{
    public async Task<GraphStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var status = await inner.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        metrics.RecordGraphSize(status.GraphVersion is not null, status.Entities, status.Relationships);
        return status;
    }

    public Task<string?> PrepareAsync(CancellationToken cancellationToken) => inner.PrepareAsync(cancellationToken);

    public Task ReplaceGraphAsync(GraphSnapshot graph, CancellationToken cancellationToken) =>
        ReplaceGraphAsync(graph, null, cancellationToken);

    public async Task ReplaceGraphAsync(GraphSnapshot graph, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        await inner.ReplaceGraphAsync(graph, progress, cancellationToken).ConfigureAwait(false);
        metrics.RecordGraphSize(true, graph.Entities.Count, graph.Relationships.Count);
    }

    public Task<GraphSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken) => inner.ReadSnapshotAsync(cancellationToken);

    public Task<bool> ReadGraphAsync(Func<GraphContent, CancellationToken, Task> read, CancellationToken cancellationToken) => inner.ReadGraphAsync(read, cancellationToken);

    public Task<DraftingSource?> GetDraftingSourceAsync(string documentId, CancellationToken cancellationToken) => inner.GetDraftingSourceAsync(documentId, cancellationToken);

    public Task<Resolution> ResolveAsync(string text, CancellationToken cancellationToken) => inner.ResolveAsync(text, cancellationToken);

    public async Task<IReadOnlyList<EntityHit>> SearchEntitiesAsync(EntitySearch search, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var hits = await inner.SearchEntitiesAsync(search, cancellationToken).ConfigureAwait(false);
        metrics.RecordQuery(QueryKind.Search, backend, Stopwatch.GetElapsedTime(started), truncated: false);
        return hits;
    }

    public async Task<PathResult?> FindPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await inner.FindPathsAsync(query, cancellationToken).ConfigureAwait(false);
        metrics.RecordQuery(QueryKind.Path, backend, Stopwatch.GetElapsedTime(started), result?.Truncated == true);
        return result;
    }

    /// <summary>Recorded as a path query; its duration includes resolving the names, which share the path search's read.</summary>
    public async Task<PathResult?> FindPathsAsync(Func<IGraphNames, PathQuery?> plan, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await inner.FindPathsAsync(plan, cancellationToken).ConfigureAwait(false);
        metrics.RecordQuery(QueryKind.Path, backend, Stopwatch.GetElapsedTime(started), result?.Truncated == true);
        return result;
    }

    public async Task<NeighborhoodResult?> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await inner.GetNeighborhoodAsync(query, cancellationToken).ConfigureAwait(false);
        metrics.RecordQuery(QueryKind.Neighbourhood, backend, Stopwatch.GetElapsedTime(started), result?.Truncated == true);
        return result;
    }

    /// <summary>Recorded as a neighbourhood query; its duration includes resolving the centre's name, which shares the read.</summary>
    public async Task<NeighborhoodResult?> GetNeighborhoodAsync(Func<IGraphNames, NeighborhoodQuery?> plan, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await inner.GetNeighborhoodAsync(plan, cancellationToken).ConfigureAwait(false);
        metrics.RecordQuery(QueryKind.Neighbourhood, backend, Stopwatch.GetElapsedTime(started), result?.Truncated == true);
        return result;
    }

    public async Task<EntityDetail?> GetEntityAsync(EntityQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var detail = await inner.GetEntityAsync(query, cancellationToken).ConfigureAwait(false);
        metrics.RecordQuery(QueryKind.Detail, backend, Stopwatch.GetElapsedTime(started), detail?.Truncated == true);
        return detail;
    }

    /// <summary>Recorded as a detail query; its duration includes resolving the name, which shares the detail's read.</summary>
    public async Task<EntityDetail?> GetEntityAsync(Func<IGraphNames, EntityQuery?> plan, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var detail = await inner.GetEntityAsync(plan, cancellationToken).ConfigureAwait(false);
        metrics.RecordQuery(QueryKind.Detail, backend, Stopwatch.GetElapsedTime(started), detail?.Truncated == true);
        return detail;
    }

    public async Task<MostConnected> GetMostConnectedAsync(int limit, IReadOnlyList<string> featured, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var overview = await inner.GetMostConnectedAsync(limit, featured, cancellationToken).ConfigureAwait(false);
        metrics.RecordQuery(QueryKind.Overview, backend, Stopwatch.GetElapsedTime(started), truncated: false);
        return overview;
    }

    public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentListQuery query, CancellationToken cancellationToken) => inner.ListDocumentsAsync(query, cancellationToken);

    public Task<DocumentDetail?> GetDocumentAsync(DocumentQuery query, CancellationToken cancellationToken) => inner.GetDocumentAsync(query, cancellationToken);

    public Task<IReadOnlyList<DocumentSummary>> SuggestDocumentsAsync(string asked, int count, CancellationToken cancellationToken) => inner.SuggestDocumentsAsync(asked, count, cancellationToken);

    public Task<CitationDetail?> GetCitationAsync(string id, CancellationToken cancellationToken) => inner.GetCitationAsync(id, cancellationToken);

    public Task<GraphSchema> GetSchemaAsync(CancellationToken cancellationToken) => inner.GetSchemaAsync(cancellationToken);

    public Task<PredicateVocabulary> GetVocabularyAsync(CancellationToken cancellationToken) => inner.GetVocabularyAsync(cancellationToken);
}
