using GraphService.Core.Progress;
using GraphService.Core.Store;
using GraphService.Corpus;
using GraphService.Hosting.Observability;
using Microsoft.Extensions.Logging;

namespace GraphService.Hosting;

/// <summary>
/// The outcome of importing a corpus into the store: the problems that stopped it (<see cref="ProblemCount"/> counts
/// them all, also those past the listing limit), or what changed.
/// </summary>
public sealed record ImportReport(
    IReadOnlyList<CorpusProblem> Problems,
    int ProblemCount,
    string? PreviousVersion,
    string? Version,
    int Entities,
    int Relationships,
    int Documents,
    int Citations,
    int Mentions)
{
    public bool Succeeded => ProblemCount == 0;

    public bool Changed => Succeeded && PreviousVersion != Version;
}

/// <summary>
/// Loads and verifies a corpus, then hands it to the store, which replaces its graph atomically. Nothing is written
/// unless the whole corpus verified, so a failed import leaves the store exactly as it was.
/// </summary>
public sealed partial class CorpusImport(CorpusImporter importer, IGraphStore store, ILogger<CorpusImport> logger, GraphServiceMetrics metrics)
{
    public Task<ImportReport> ImportAsync(string corpusDirectory, CancellationToken cancellationToken) =>
        ImportAsync(corpusDirectory, null, cancellationToken);

    /// <summary>Imports as <see cref="ImportAsync(string, CancellationToken)"/>, reporting files read, quotes verified and rows written.</summary>
    public async Task<ImportReport> ImportAsync(string corpusDirectory, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        // Counted once per call however it ends; one that throws (store unavailable, cancelled) counts as failed.
        var outcome = ImportOutcome.Failed;
        try
        {
            var report = await LoadAndReplaceAsync(corpusDirectory, progress, cancellationToken).ConfigureAwait(false);
            outcome = !report.Succeeded ? ImportOutcome.Failed : report.Changed ? ImportOutcome.Succeeded : ImportOutcome.Unchanged;
            return report;
        }
        finally
        {
            metrics.RecordImport(outcome);
        }
    }

    private async Task<ImportReport> LoadAndReplaceAsync(string corpusDirectory, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var loaded = importer.Load(corpusDirectory, progress, cancellationToken);
        if (!loaded.Succeeded)
        {
            LogRejected(logger, corpusDirectory, loaded.ProblemCount);
            return new ImportReport(loaded.Problems, loaded.ProblemCount, null, null, 0, 0, 0, 0, 0);
        }

        var graph = loaded.Snapshot!;
        var before = await store.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        await store.ReplaceGraphAsync(graph, progress, cancellationToken).ConfigureAwait(false);
        var citations = graph.Relationships.SelectMany(r => r.Citations).Select(c => c.Id).Distinct(StringComparer.Ordinal).Count();
        var report = new ImportReport([], 0, before.GraphVersion, graph.Version, graph.Entities.Count, graph.Relationships.Count, graph.Documents.Count, citations, graph.Mentions.Count);
        LogImported(logger, corpusDirectory, report.Version!, report.Changed, report.Entities, report.Relationships, report.Documents, report.Citations, report.Mentions);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus {Corpus} was not imported: {Count} problem(s)")]
    private static partial void LogRejected(ILogger logger, string corpus, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported corpus {Corpus} as graph {Version} (changed: {Changed}): {Entities} entities, {Relationships} relationships, {Documents} documents, {Citations} citations, {Mentions} mentions")]
    private static partial void LogImported(ILogger logger, string corpus, string version, bool changed, int entities, int relationships, int documents, int citations, int mentions);
}
