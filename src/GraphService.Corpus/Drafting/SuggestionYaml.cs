using System.Globalization;
using System.Text;

namespace GraphService.Corpus.Drafting;

/// <summary>
/// Writes suggestions as claims.yaml items for an analyst to review: each kept, fixed or deleted item is a valid claim.
/// An item without a predicate says <c>predicate: null</c>, which <c>validate</c> refuses until one is chosen; a
/// suggestion that the corpus already has is written as a comment, so that keeping the file never duplicates a claim.
/// </summary>
public static class SuggestionYaml
{
    public static string Write(IReadOnlyList<DocumentSuggestions> documents, IReadOnlyDictionary<string, string> namesById)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(namesById);
        var w = new StringBuilder();
        w.Append("# Suggested claims (graphservice suggest). Review every item: keep it, fix its predicate or direction, or\n");
        w.Append("# delete it; \"predicate: null\" means no cue phrase was found: choose a predicate or delete the item.\n");
        w.Append("# Items already in claims.yaml are shown as comments.\n");
        foreach (var document in documents)
        {
            w.Append(CultureInfo.InvariantCulture, $"\n# documents/{document.DocumentId}.md: {document.Claims.Count} suggestion(s)\n");
            foreach (var c in document.Claims)
            {
                var prefix = c.Existing ? "# " : string.Empty;
                var note = c.Cue is null ? $"no cue, score {Score(c.Score)}" : $"cue \"{OneLine(c.Cue)}\", score {Score(c.Score)}";
                if (c.Existing)
                {
                    w.Append("# exists already:\n");
                }

                w.Append(CultureInfo.InvariantCulture, $"{prefix}- subject: {c.Subject}  # {OneLine(namesById.GetValueOrDefault(c.Subject, c.Subject))}\n");
                w.Append(CultureInfo.InvariantCulture, $"{prefix}  predicate: {c.Predicate ?? "null"}  # {note}\n");
                w.Append(CultureInfo.InvariantCulture, $"{prefix}  object: {c.Object}  # {OneLine(namesById.GetValueOrDefault(c.Object, c.Object))}\n");
                w.Append(CultureInfo.InvariantCulture, $"{prefix}  evidence:\n");
                w.Append(CultureInfo.InvariantCulture, $"{prefix}    - doc: {c.Document}\n");
                w.Append(CultureInfo.InvariantCulture, $"{prefix}      quote: {DoubleQuoted(c.Quote)}\n");
            }

            if (document.NewEntities.Count > 0)
            {
                w.Append("# Names that match no entity (add them to entities.yaml to pair them):\n");
                foreach (var e in document.NewEntities)
                {
                    w.Append(CultureInfo.InvariantCulture, $"#   {OneLine(e.Name)} ({e.Mentions.Count} mentions)\n");
                }
            }
        }

        return w.ToString();
    }

    /// <summary>A YAML double-quoted scalar on one line: whitespace runs become one space (quote matching folds them).</summary>
    public static string DoubleQuoted(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in OneLine(text))
        {
            sb.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(ch) => $"\\u{(int)ch:X4}",
                _ => ch.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
