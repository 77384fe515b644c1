using GraphService.Core.Store;
using GraphService.Storage.Neo4j;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphService.Hosting;

/// <summary>
/// At start-up: imports <see cref="GraphOptions.ImportOnStart"/> (when set), then prepares the store's graph, so that
/// <see cref="GraphReadiness"/> turns ready only when the first query will not load the graph. It runs in the
/// background so that the process answers health checks meanwhile. While the store is unavailable (a Neo4j server still
/// starting) the import is retried after the wait the store asks for. An import that fails never ends the host: a corpus
/// with problems is logged problem by problem, an exception (rejected credentials, an inconsistent snapshot) is logged with
/// its stack, the store keeps the graph it had, and readiness gives the reason while there is no graph to serve.
/// </summary>
public sealed partial class StartupImport(
    IOptions<GraphOptions> options,
    IGraphStore store,
    CorpusImport import,
    GraphReadiness readiness,
    ILogger<StartupImport> logger)
    : BackgroundService
{
    private static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var corpus = options.Value.ImportOnStart;
        if (!string.IsNullOrWhiteSpace(corpus))
        {
            await ImportWithRetriesAsync(corpus, stoppingToken).ConfigureAwait(false);
        }

        try
        {
            await readiness.PrepareAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (GraphStoreUnavailableException e)
        {
            // Readiness prepares again on its next check, once the store answers.
            LogPrepareUnavailable(logger, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // As with the import: a failure here must not end the host. It is logged with its stack; readiness stays
            // 503 ("preparing") and tries again on its next check.
            LogPrepareFailed(logger, e);
        }
    }

    private async Task ImportWithRetriesAsync(string corpus, CancellationToken stoppingToken)
    {
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
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The one boundary where every failure is contained, on purpose: the host must keep serving (the previous
                // graph, or 503 with the reason). The failure is not swallowed: it is logged with its stack, and readiness says it.
                LogFailed(logger, corpus, e);
                readiness.ReportImportFailure(Describe(e));
                return;
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

        if (!report.Succeeded)
        {
            readiness.ReportImportFailure($"the corpus has {report.ProblemCount} problem(s); they are in the log");
        }
    }

    /// <summary>A reason fit for a health answer: no message text, which may hold a path or a server's address.</summary>
    private static string Describe(Exception e) => e switch
    {
        Neo4jAuthenticationException => "Neo4j refused the credentials",
        _ => $"{e.GetType().Name}; the details are in the log",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up import of {Corpus} (attempt {Attempt}): the store is unavailable ({Reason}); retrying in {Seconds} s")]
    private static partial void LogUnavailable(ILogger logger, string corpus, int attempt, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store already holds graph {Version}; start-up import of {Corpus} skipped (Graph:ImportWhen is WhenEmpty)")]
    private static partial void LogSkipped(ILogger logger, string corpus, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Start-up import of {Corpus} failed; the store keeps the graph it had")]
    private static partial void LogFailed(ILogger logger, string corpus, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Preparing the graph at start-up failed; readiness tries again on its next check")]
    private static partial void LogPrepareFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is unavailable, so its graph is prepared when it answers ({Reason})")]
    private static partial void LogPrepareUnavailable(ILogger logger, string reason);
}
