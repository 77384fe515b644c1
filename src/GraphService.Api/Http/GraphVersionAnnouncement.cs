using GraphService.Core.Store;

namespace GraphService.Api.Http;

/// <summary>
/// Logs at start-up which graph version the store serves, or that it is empty; while empty (a start-up import is
/// running), waits for the first graph and logs its version once it is there.
/// </summary>
public sealed partial class GraphVersionAnnouncement(IGraphStore store, TimeProvider time, ILogger<GraphVersionAnnouncement> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var announcedEmpty = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var status = await store.GetStatusAsync(stoppingToken);
                if (status.Ready)
                {
                    LogVersion(logger, status.Backend, status.GraphVersion ?? "(none)", status.Entities, status.Relationships, status.Documents);
                    return;
                }

                if (!announcedEmpty)
                {
                    LogEmpty(logger, status.Backend);
                    announcedEmpty = true;
                }
            }
            catch (GraphStoreUnavailableException e)
            {
                LogUnavailable(logger, e.Message);
            }

            await Task.Delay(Poll, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Backend} store serves graph version {Version}: {Entities} entities, {Relationships} relationships, {Documents} documents")]
    private static partial void LogVersion(ILogger logger, string backend, string version, int entities, int relationships, int documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Backend} store holds no graph yet; /api answers 503 and /health/ready is unhealthy until an import completes")]
    private static partial void LogEmpty(ILogger logger, string backend);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph store unavailable at start-up: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
