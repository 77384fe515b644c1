using System.CommandLine;
using GraphService.Corpus;
using GraphService.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Cli.Commands;

/// <summary><c>validate</c> and <c>import</c>: every corpus problem is printed as <c>path:line: message</c>.</summary>
public static class CorpusCommands
{
    public static Command Validate(CliConsole console, Func<ParseResult, ServiceProvider> services)
    {
        var dir = new Argument<string>("corpusDir") { Description = "Corpus folder (corpus.yaml, entities.yaml, claims.yaml, documents/)" };
        var command = new Command("validate", "Check a corpus: every quote against its document, every id, every reference") { dir };
        command.SetAction(async (result, ct) =>
        {
            await using var sp = services(result);
            var importer = sp.GetRequiredService<CorpusImporter>();
            var corpus = console.FullPath(result.GetValue(dir)!);
            var loaded = await console.Progress(result).RunAsync(progress => Task.Run(() => importer.Load(corpus, progress, ct), ct)).ConfigureAwait(false);
            if (!loaded.Succeeded)
            {
                return await ReportProblemsAsync(console, loaded.Problems, loaded.ProblemCount).ConfigureAwait(false);
            }

            var g = loaded.Snapshot!;
            await console.Out.WriteLineAsync($"ok: {g.Entities.Count} entities, {g.Relationships.Count} relationships, {g.Relationships.SelectMany(r => r.Citations).Select(c => c.Id).Distinct(StringComparer.Ordinal).Count()} citations, {g.Documents.Count} documents, {g.Mentions.Count} mentions; graph {g.Version}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Import(CliConsole console, Func<ParseResult, ServiceProvider> services)
    {
        var dir = new Argument<string>("corpusDir") { Description = "Corpus folder to import; the store's graph is replaced atomically" };
        var command = new Command("import", "Verify a corpus and replace the store's graph with it (nothing is written if any check fails)") { dir };
        command.SetAction(async (result, ct) =>
        {
            await using var sp = services(result);
            var import = sp.GetRequiredService<CorpusImport>();
            var corpus = console.FullPath(result.GetValue(dir)!);
            var report = await console.Progress(result).RunAsync(progress => import.ImportAsync(corpus, progress, ct)).ConfigureAwait(false);
            if (!report.Succeeded)
            {
                return await ReportProblemsAsync(console, report.Problems, report.ProblemCount).ConfigureAwait(false);
            }

            var change = report.Changed ? (report.PreviousVersion is null ? "imported" : $"replaced {report.PreviousVersion} with") : "unchanged:";
            await console.Out.WriteLineAsync($"{change} graph {report.Version}: {report.Entities} entities, {report.Relationships} relationships, {report.Citations} citations, {report.Documents} documents, {report.Mentions} mentions").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> ReportProblemsAsync(CliConsole console, IReadOnlyList<CorpusProblem> problems, int problemCount)
    {
        foreach (var p in problems)
        {
            await console.Error.WriteLineAsync(p.ToString()).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync($"{problemCount} problem(s); nothing was imported").ConfigureAwait(false);
        return ExitCodes.InvalidInput;
    }
}
