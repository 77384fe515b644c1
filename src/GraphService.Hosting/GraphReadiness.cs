using GraphService.Core.Store;
using Microsoft.Extensions.Logging;

namespace GraphService.Hosting;

/// <summary>Whether the service can answer now, and why (or why not) in words that name no file path and no secret.</summary>
public sealed record Readiness(bool Ready, string Description);

/// <summary>
/// Ready means ready: the store holds a graph and that graph is prepared (<see cref="IGraphStore.PrepareAsync"/>: the
/// embedded store's index is built and its query code compiled, Neo4j's name table loaded) and the host's warm-ups have
/// run (<see cref="IGraphWarmUp"/>), so the first query does not load or compile them. Start-up prepares after its
/// import and reports here when the import failed; that failure is the reason given while there is no graph to serve.
/// When the graph changes under the service (another process imported), the check starts preparing the new graph and
/// answers not ready until it is done.
/// </summary>
public sealed partial class GraphReadiness(IGraphStore store, IEnumerable<IGraphWarmUp> warmUps, ILogger<GraphReadiness> logger)
{
    private readonly Lock _gate = new();
    private Task<string?>? _preparing;
    private volatile string? _prepared;
    private volatile string? _importFailure;

    /// <summary>The graph version last prepared, or null.</summary>
    public string? PreparedVersion => _prepared;

    /// <summary>Prepares the store's graph; callers at the same time share one preparation.</summary>
    public Task<string?> PrepareAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_preparing is null || _preparing.IsCompleted)
            {
                // Shared by every caller, so one caller's cancellation must not end it; each caller stops waiting on its own token.
                _preparing = PrepareCoreAsync();
            }

            return _preparing.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Records why the start-up import failed (a reason fit for a health answer; the details go to the log).</summary>
    public void ReportImportFailure(string reason) => _importFailure = reason;

    public async Task<Readiness> CheckAsync(CancellationToken cancellationToken)
    {
        GraphStatus status;
        try
        {
            status = await store.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreUnavailableException)
        {
            // Its message may name the store file; the log of the failing request has it.
            return new Readiness(false, "the store is unavailable" + FailureNote());
        }

        if (status.GraphVersion is not { } version)
        {
            return new Readiness(false, _importFailure is { } failure
                ? $"the {status.Backend} store holds no graph: the start-up import failed ({failure})"
                : $"the {status.Backend} store holds no graph yet");
        }

        if (_prepared != version)
        {
            if (_preparing is { IsFaulted: true } failed)
            {
                LogPreparationFailed(logger, failed.Exception);
            }

            // Starts (or joins) a preparation in the background: an orchestrator's probe must not wait for an index build.
            var preparing = PrepareAsync(CancellationToken.None);
            if (!preparing.IsCompletedSuccessfully || _prepared != version)
            {
                return new Readiness(false, $"preparing graph {version} (loading its index, warming up)");
            }
        }

        return new Readiness(
            true,
            $"{status.Backend} store holds graph {version}: {status.Entities} entities, {status.Relationships} relationships, {status.Documents} documents" +
            (_importFailure is { } f ? $"; the start-up import failed ({f}), so this earlier graph is served" : string.Empty));
    }

    private string FailureNote() => _importFailure is { } failure ? $"; the start-up import failed ({failure})" : string.Empty;

    private async Task<string?> PrepareCoreAsync()
    {
        var version = await store.PrepareAsync(CancellationToken.None).ConfigureAwait(false);
        if (version is not null)
        {
            foreach (var warmUp in warmUps)
            {
                await warmUp.WarmUpAsync(version, CancellationToken.None).ConfigureAwait(false);
            }
        }

        _prepared = version;
        if (version is not null)
        {
            LogPrepared(logger, version);
        }

        return version;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph {Version} is prepared; the service is ready")]
    private static partial void LogPrepared(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Preparing the graph failed")]
    private static partial void LogPreparationFailed(ILogger logger, Exception? exception);
}
