using GraphService.Core.Store;
using Microsoft.Extensions.Options;

namespace GraphService.Api.Http;

/// <summary>
/// The graph version the API is serving, read from the store at most once per <see cref="ApiOptions.StatusRefreshMilliseconds"/>
/// while a graph is loaded (every request while none is, so readiness is noticed at once). ETags and cached responses are
/// keyed by it, which is what ties them to an import.
/// </summary>
public sealed partial class GraphStatusMonitor(IGraphStore store, IOptions<ApiOptions> options, TimeProvider time, ILogger<GraphStatusMonitor> logger)
{
    private sealed record Reading(GraphStatus Status, long At);

    private Reading? _last;

    public async ValueTask<GraphStatus> CurrentAsync(CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref _last);
        var now = time.GetTimestamp();
        if (last is { Status.Ready: true } && time.GetElapsedTime(last.At, now).TotalMilliseconds < options.Value.StatusRefreshMilliseconds)
        {
            return last.Status;
        }

        var status = await store.GetStatusAsync(cancellationToken);
        if (status.GraphVersion != last?.Status.GraphVersion)
        {
            LogServing(logger, status.GraphVersion ?? "(none)", status.Backend, status.Entities, status.Relationships, status.Documents);
        }

        Volatile.Write(ref _last, new Reading(status, now));
        return status;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving graph version {Version} from the {Backend} store: {Entities} entities, {Relationships} relationships, {Documents} documents")]
    private static partial void LogServing(ILogger logger, string version, string backend, int entities, int relationships, int documents);
}
