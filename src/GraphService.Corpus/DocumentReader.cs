using GraphService.Core.Domain;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// A document file as read: <see cref="Body"/> is known whenever the front matter is delimited (so quotes can still be
/// checked against it), <see cref="Document"/> only when the front matter is also valid.
/// </summary>
internal sealed record LoadedDocument(string Id, string RelativePath, SourceDocument? Document, string? Body, int BodyFirstLine)
{
    /// <summary>The front matter's <c>derived_from</c> items with their lines (checked by <see cref="DerivationReader"/>).</summary>
    public IReadOnlyList<(string Item, int Line)> DerivedFrom { get; init; } = [];

    /// <summary>The 1-based line of the file on which body offset <paramref name="offset"/> lies.</summary>
    public int FileLineOf(int offset)
    {
        var line = BodyFirstLine;
        var body = Body ?? string.Empty;
        for (var i = 0; i < offset && i < body.Length; i++)
        {
            if (body[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}

/// <summary>
/// Reads <c>documents/&lt;id&gt;.md</c>: a line <c>---</c>, YAML front matter, a line <c>---</c>, then the body, which is
/// kept exactly as in the file (line endings and all) because every offset in the graph points into it.
/// </summary>
internal static class DocumentReader
{
    public const string Unknown = "unknown";

    private static readonly string[] Keys = ["title", "publisher", "published", "author", "url", "language", "source", "derived_from"];

    /// <summary>Reads one document's <paramref name="text"/>; <paramref name="source"/> reports at the file's lines (offset 1).</summary>
    public static LoadedDocument Read(string id, string text, YamlSource source)
    {
        var relativePath = source.RelativePath;
        var log = source.Log;
        var firstNewline = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstNewline < 0 ? text : text[..firstNewline];
        if (firstLine.TrimEnd('\r') != "---")
        {
            source.ReportAtLine(1, "document has no front matter: the first line must be '---', followed by title, publisher and published, and a closing '---' line");
            return new LoadedDocument(id, relativePath, null, null, 0);
        }

        // Find the closing delimiter line.
        var lineStart = firstNewline + 1;
        var lineNumber = 2;
        var closingStart = -1;
        var closingLine = 0;
        while (lineStart <= text.Length && firstNewline >= 0)
        {
            var end = text.IndexOf('\n', lineStart);
            var lineText = end < 0 ? text[lineStart..] : text[lineStart..end];
            if (lineText.TrimEnd('\r') == "---")
            {
                closingStart = lineStart;
                closingLine = lineNumber;
                break;
            }

            if (end < 0)
            {
                break;
            }

            lineStart = end + 1;
            lineNumber++;
        }

        if (closingStart < 0)
        {
            source.ReportAtLine(1, "front matter is not closed: no line '---' follows the opening '---'");
            return new LoadedDocument(id, relativePath, null, null, 0);
        }

        var frontMatter = text[(firstNewline + 1)..closingStart];
        var afterClosing = text.IndexOf('\n', closingStart);
        var body = afterClosing < 0 ? string.Empty : text[(afterClosing + 1)..];

        // A file that ends on its closing line has an empty body there, not on a line after the last.
        var bodyLine = afterClosing < 0 ? closingLine : closingLine + 1;

        var problemsBefore = log.Count;
        if (string.IsNullOrWhiteSpace(body))
        {
            source.ReportAtLine(bodyLine, "document body is empty: the text must follow the closing '---' line");
        }

        var root = source.LoadRoot(frontMatter, out var malformed);
        if (malformed)
        {
            return new LoadedDocument(id, relativePath, null, body, bodyLine);
        }

        if (root is null)
        {
            source.ReportAtLine(1, "front matter is empty: title, publisher and published are required");
            return new LoadedDocument(id, relativePath, null, body, bodyLine);
        }

        if (source.Record(root, "front matter", Keys) is not { } record)
        {
            return new LoadedDocument(id, relativePath, null, body, bodyLine);
        }

        var title = record.Text("title", required: true);
        var publisher = record.Text("publisher", required: true);
        var publishedText = record.Text("published", required: true);
        var author = OrNullIfUnknown(record.Text("author", required: false));
        var url = OrNullIfUnknown(record.Text("url", required: false));
        var language = record.Text("language", required: false);
        _ = record.Text("source", required: false);
        var derivedFrom = DerivationReader.ReadItems(source, record);

        PartialDate? published = null;
        if (publishedText is not null && publishedText != Unknown)
        {
            if (PartialDate.TryParse(publishedText, out var date))
            {
                published = date;
            }
            else
            {
                source.ReportAtLine(record.LineOf("published"), $"published '{publishedText}' is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or unknown");
            }
        }

        var sound = log.Count == problemsBefore && title is not null && publisher is not null;
        var document = sound
            ? new SourceDocument(id, title!.Trim(), publisher!.Trim(), author?.Trim(), published, url?.Trim(), language?.Trim(), body)
            : null;
        return new LoadedDocument(id, relativePath, document, body, bodyLine) { DerivedFrom = derivedFrom };
    }

    private static string? OrNullIfUnknown(string? value) => value is null || value.Trim() == Unknown ? null : value;
}
