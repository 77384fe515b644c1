using System.CommandLine;
using GraphService.Corpus.Drafting;

namespace GraphService.Cli.Commands;

/// <summary><c>add-document</c>: writes documents/&lt;id&gt;.md with front matter from plain text or HTML (docs/drafting.md).</summary>
public static class AddDocumentCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A plain-text or HTML file (.html/.htm, or text starting with <html or <!doctype html)" };
        var id = new Option<string>("--id") { Description = "The document id (kebab-case); the file written is documents/<id>.md", Required = true };
        var publisher = new Option<string>("--publisher") { Description = "The publisher's name", Required = true };
        var published = new Option<string>("--published") { Description = "YYYY-MM-DD, YYYY-MM, YYYY or unknown", Required = true };
        var title = new Option<string?>("--title") { Description = "The title (default: the HTML title or h1, else the first line)" };
        var url = new Option<string?>("--url") { Description = "Where the text was found" };
        var author = new Option<string?>("--author") { Description = "The author's name" };
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder", DefaultValueFactory = _ => "data/corpus" };
        var command = new Command("add-document", "Add a source document (plain text or HTML) to a corpus's documents/ folder")
        {
            file, id, publisher, published, title, url, author, corpus,
        };
        command.SetAction(async (result, ct) =>
        {
            var outcome = DocumentDraft.Write(
                console.FullPath(result.GetValue(corpus)!),
                console.FullPath(result.GetValue(file)!),
                new NewDocument(result.GetValue(id)!, result.GetValue(publisher)!, result.GetValue(published)!, result.GetValue(title), result.GetValue(url), result.GetValue(author), null));
            if (!outcome.Succeeded)
            {
                await console.Error.WriteLineAsync($"error: {outcome.Problem}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await console.Out.WriteLineAsync($"wrote {Path.GetRelativePath(console.WorkingDirectory, outcome.WrittenPath!)}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
