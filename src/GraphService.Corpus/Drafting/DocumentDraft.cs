using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GraphService.Core.Domain;

namespace GraphService.Corpus.Drafting;

/// <summary>What <c>add-document</c> is asked to write.</summary>
public sealed record NewDocument(string Id, string Publisher, string Published, string? Title, string? Url, string? Author, string? Source);

/// <summary>The outcome of adding a document: the file written, or why nothing was.</summary>
public sealed record DocumentDraftResult(string? WrittenPath, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Writes <c>documents/&lt;id&gt;.md</c> from plain text or HTML: the front matter of docs/corpus-format.md, then the
/// text. HTML is reduced to its article text (the <c>article</c> element, else <c>main</c>, else <c>body</c>; scripts,
/// styles, navigation, headers, footers and forms are dropped; one paragraph per block, separated by blank lines); its
/// <c>title</c> (or first <c>h1</c>) is the default title. Refuses an id that is not a slug or already exists, and a
/// date that is not one.
/// </summary>
public static class DocumentDraft
{
    private static readonly string[] Dropped = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template"];
    private static readonly string[] Blocks = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "div", "section", "article", "main", "td", "br", "tr", "dt", "dd"];

    public static DocumentDraftResult Write(string corpusDirectory, string sourceFile, NewDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!CorpusLayout.IsSlug(document.Id))
        {
            return Fail($"--id '{document.Id}' is not a document id: use lowercase letters and digits joined by single hyphens (e.g. 'reuters-khazali-2019')");
        }

        if (document.Published != DocumentReader.Unknown && !PartialDate.TryParse(document.Published, out _))
        {
            return Fail($"--published '{document.Published}' is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or unknown");
        }

        if (string.IsNullOrWhiteSpace(document.Publisher))
        {
            return Fail("--publisher is empty: name the publisher");
        }

        var documents = Path.Combine(corpusDirectory, CorpusLayout.DocumentsFolder);
        if (!Directory.Exists(documents))
        {
            return Fail($"{documents} does not exist: --corpus must name a corpus folder with a documents/ folder");
        }

        var target = Path.Combine(documents, document.Id + CorpusLayout.DocumentExtension);
        if (File.Exists(target))
        {
            return Fail($"documents/{document.Id}.md already exists in the corpus: choose another --id (a document is never overwritten)");
        }

        if (!File.Exists(sourceFile))
        {
            return Fail($"{sourceFile} not found");
        }

        var raw = File.ReadAllText(sourceFile, Encoding.UTF8);
        var (title, body) = LooksLikeHtml(sourceFile, raw) ? FromHtml(raw) : (null, raw.Replace("\r\n", "\n", StringComparison.Ordinal));
        body = body.Trim('\n', '\r', ' ', '\t');
        if (body.Length == 0)
        {
            return Fail($"{sourceFile} has no text");
        }

        title = document.Title ?? title ?? FirstLine(body);
        var front = new StringBuilder("---\n");
        front.Append(CultureInfo.InvariantCulture, $"title: {SuggestionYaml.DoubleQuoted(title)}\n");
        front.Append(CultureInfo.InvariantCulture, $"publisher: {SuggestionYaml.DoubleQuoted(document.Publisher.Trim())}\n");
        front.Append(CultureInfo.InvariantCulture, $"published: {document.Published}\n");
        front.Append(CultureInfo.InvariantCulture, $"author: {(document.Author is { } a ? SuggestionYaml.DoubleQuoted(a) : DocumentReader.Unknown)}\n");
        front.Append(CultureInfo.InvariantCulture, $"url: {(document.Url is { } u ? SuggestionYaml.DoubleQuoted(u) : DocumentReader.Unknown)}\n");
        front.Append(CultureInfo.InvariantCulture, $"source: {SuggestionYaml.DoubleQuoted(document.Source ?? $"added with graphservice add-document from {Path.GetFileName(sourceFile)}")}\n");
        front.Append("---\n");

        // CreateNew: a file that appeared since the check above is not overwritten.
        using (var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.Write(front.ToString());
            writer.Write(body);
            writer.Write('\n');
        }

        return new DocumentDraftResult(target, null);
    }

    /// <summary>The title and article text of an HTML page.</summary>
    public static (string? Title, string Text) FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = document.QuerySelector("h1")?.TextContent is { } h1 && !string.IsNullOrWhiteSpace(h1) ? Collapse(h1) : null;
        title ??= string.IsNullOrWhiteSpace(document.Title) ? null : Collapse(document.Title);
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
        {
            element.Remove();
        }

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body ?? document.DocumentElement;
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, current, paragraphs);
        Flush(current, paragraphs);
        return (title, string.Join("\n\n", paragraphs));
    }

    private static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                current.Append(text.Data);
            }
            else if (child is IElement element)
            {
                var block = Blocks.Contains(element.LocalName);
                if (block)
                {
                    Flush(current, paragraphs);
                }

                Walk(element, current, paragraphs);
                if (block)
                {
                    Flush(current, paragraphs);
                }
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        var text = Collapse(current.ToString());
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }

        current.Clear();
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool LooksLikeHtml(string path, string text) =>
        Path.GetExtension(path).ToUpperInvariant() is ".HTML" or ".HTM" ||
        text.TrimStart().StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
        text.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string body)
    {
        var line = body.Split('\n')[0].Trim();
        return line.Length <= 120 ? line : line[..120];
    }

    private static DocumentDraftResult Fail(string problem) => new(null, problem);
}
