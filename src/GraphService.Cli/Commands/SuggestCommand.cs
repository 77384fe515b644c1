using System.CommandLine;
using System.Globalization;
using GraphService.Core.Serialization;
using GraphService.Corpus;
using GraphService.Core.Progress;
using GraphService.Corpus.Drafting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Cli.Commands;

/// <summary>
/// <c>suggest</c> drafts claims for review (docs/drafting.md); <c>evaluate-suggestions</c> measures drafting against
/// curated corpora. Neither writes anything.
/// </summary>
public static class SuggestCommand
{
    private const string DocumentsFolder = "documents";
    private const string DocumentExtension = ".md";

    public static Command Create(CliConsole console, Func<ParseResult, ServiceProvider> services)
    {
        var target = new Argument<string>("target") { Description = "A corpus folder, or one document (documents/<id>.md, or its id with --corpus)" };
        var corpus = new Option<string?>("--corpus") { Description = "The corpus folder (default: the folder holding the document's documents/)" };
        var document = new Option<string?>("--document") { Description = "Only this document id (when target is a corpus folder)" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of suggested claims instead of claims.yaml items" };
        var command = new Command("suggest", "Draft candidate claims from documents, for review (never imported)") { target, corpus, document, json };
        command.SetAction(async (result, ct) =>
        {
            var (corpusDir, documentId, problem) = Resolve(console, result.GetValue(target)!, result.GetValue(corpus), result.GetValue(document));
            if (problem is not null)
            {
                await console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var sp = services(result);
            var importer = sp.GetRequiredService<CorpusImporter>();
            var display = console.Progress(result, json: result.GetValue(json));
            var loaded = await display.RunAsync(progress => Task.Run(() => importer.Load(corpusDir, progress, ct), ct)).ConfigureAwait(false);
            if (!loaded.Succeeded)
            {
                foreach (var p in loaded.Problems)
                {
                    await console.Error.WriteLineAsync(p.ToString()).ConfigureAwait(false);
                }

                await console.Error.WriteLineAsync($"{loaded.ProblemCount} problem(s): fix the corpus first (suggest works on a corpus that validates; claims.yaml may be an empty list)").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var snapshot = loaded.Snapshot!;
            var documents = documentId is null ? snapshot.Documents : snapshot.Documents.Where(d => d.Id == documentId).ToList();
            if (documents.Count == 0)
            {
                await console.Error.WriteLineAsync($"error: the corpus has no document '{documentId}'").ConfigureAwait(false);
                return ExitCodes.NothingFound;
            }

            var suggestions = await display.RunAsync(progress => Task.Run(
                () =>
                {
                    // One suggester for the corpus, and each document's mentions as the load found them: drafting a document
                    // then costs what the document holds, not a pass over every entity and claim of the corpus.
                    var suggester = new ClaimSuggester(snapshot.Entities, snapshot.Relationships.Select(r => (r.StartId, r.Type, r.EndId)));
                    var mentionsOf = snapshot.Mentions.ToLookup(m => m.DocumentId, StringComparer.Ordinal);
                    var drafted = new ProgressCounter(progress, "documents drafted", documents.Count, every: 1);
                    var all = new List<DocumentSuggestions>(documents.Count);
                    foreach (var d in documents)
                    {
                        ct.ThrowIfCancellationRequested();
                        all.Add(suggester.Suggest(d.Id, d.Body, snapshot.Version, [.. mentionsOf[d.Id]]));
                        drafted.Add();
                    }

                    drafted.Complete();
                    return all;
                },
                ct)).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await console.Out.WriteLineAsync(GraphJson.Serialize(suggestions.SelectMany(s => s.Claims).ToList())).ConfigureAwait(false);
            }
            else
            {
                await console.Out.WriteAsync(SuggestionYaml.Write(suggestions, snapshot.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal))).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Evaluate(CliConsole console, Func<ParseResult, ServiceProvider> services)
    {
        var dirs = new Argument<string[]>("curatedCorpusDir") { Description = "Curated corpora: each is copied with an empty claims.yaml and drafted", Arity = ArgumentArity.OneOrMore };
        var missed = new Option<bool>("--missed") { Description = "Also list the curated claims not suggested as a pair" };
        var command = new Command("evaluate-suggestions", "Measure suggest against curated corpora (docs/drafting.md)") { dirs, missed };
        command.SetAction(async (result, ct) =>
        {
            await using var sp = services(result);
            var importer = sp.GetRequiredService<CorpusImporter>();
            await console.Out.WriteLineAsync("corpus                  curated  suggestions  per-claim  pair-recall  predicate-recall  top-N-precision").ConfigureAwait(false);
            foreach (var dir in result.GetValue(dirs)!)
            {
                var f = DraftingEvaluation.Evaluate(console.FullPath(dir), importer, ct);
                await console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{f.Corpus,-22}  {f.CuratedClaims,7}  {f.Suggestions,11}  {f.SuggestionsPerClaim,9:0.00}  {f.PairRecall,11:P0}  {f.PredicateRecall,16:P0}  {f.TopPrecision,15:P0}")).ConfigureAwait(false);
                if (result.GetValue(missed))
                {
                    foreach (var claim in f.Missed)
                    {
                        await console.Out.WriteLineAsync($"  not suggested: {claim}").ConfigureAwait(false);
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The corpus folder and the document to draft, from the command line; or the problem.</summary>
    private static (string Corpus, string? DocumentId, string? Problem) Resolve(CliConsole console, string target, string? corpus, string? document)
    {
        var full = console.FullPath(target);
        if (Directory.Exists(full))
        {
            return (full, document, corpus is null ? null : "give either a corpus folder as target or --corpus, not both");
        }

        var id = target.EndsWith(DocumentExtension, StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(target) : target;
        if (document is not null && document != id)
        {
            return (string.Empty, null, $"--document '{document}' names another document than '{target}'");
        }

        if (corpus is not null)
        {
            return (console.FullPath(corpus), id, null);
        }

        var folder = Path.GetDirectoryName(full);
        if (File.Exists(full) && Path.GetFileName(folder) == DocumentsFolder)
        {
            return (Path.GetDirectoryName(folder)!, id, null);
        }

        return (string.Empty, null, $"'{target}' is neither a corpus folder nor a document in a corpus's documents/ folder; give --corpus DIR");
    }
}
