using GraphService.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphService.Hosting;

/// <summary>
/// Imports <see cref="GraphOptions.ImportOnStart"/> when the service starts, in the background so that the process
/// answers health checks meanwhile (ready only once the store has a graph). A corpus with problems is logged, problem
/// by problem, and the store is left as it was. While the store is unavailable (a Neo4j server still starting, or
/// briefly unreachable) the import is retried after the wait the store asks for; any other failure, such as rejected
/// credentials, ends the host with its message, since retrying cannot mend it.
/// </summary>
public sealed partial class StartupImport(IOptions<GraphOptions> options, IGraphStore store, CorpusImport import, ILogger<StartupImport> logger)
    : BackgroundService
{
    private static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var corpus = options.Value.ImportOnStart;
        if (string.IsNullOrWhiteSpace(corpus))
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ImportAsync(corpus, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (GraphStoreUnavailableException e)
            {
                var delay = e.RetryAfter ?? DefaultRetryDelay;
                LogUnavailable(logger, corpus, attempt, e.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ImportAsync(string corpus, CancellationToken stoppingToken)
    {
        var status = await store.GetStatusAsync(stoppingToken).ConfigureAwait(false);
        if (options.Value.ImportWhen == ImportCondition.WhenEmpty && status.GraphVersion is not null)
        {
            LogSkipped(logger, corpus, status.GraphVersion);
            return;
        }

        var report = await import.ImportAsync(Path.GetFullPath(corpus), stoppingToken).ConfigureAwait(false);
        foreach (var problem in report.Problems)
        {
            LogProblem(logger, problem.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up import of {Corpus} (attempt {Attempt}): the store is unavailable ({Reason}); retrying in {Seconds} s")]
    private static partial void LogUnavailable(ILogger logger, string corpus, int attempt, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store already holds graph {Version}; start-up import of {Corpus} skipped (Graph:ImportWhen is WhenEmpty)")]
    private static partial void LogSkipped(ILogger logger, string corpus, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}
