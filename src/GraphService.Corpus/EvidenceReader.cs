using GraphService.Core.Domain;
using GraphService.Core.Progress;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// Reads a claim's evidence: each item's document, stance and quote, with the quote located in the document's body by
/// <see cref="CitationVerifier"/> (one verifier per document, built on first use).
/// </summary>
internal sealed class EvidenceReader(YamlSource source, Dictionary<string, LoadedDocument>? documents, ProgressCounter? verified = null)
{
    private static readonly string[] EvidenceKeys = ["doc", "quote", "stance"];

    // A long quote or passage is cut in messages so that a problem stays readable on one line.
    private const int MaxShownLength = 300;

    private readonly Dictionary<string, CitationVerifier> _verifiers = new(StringComparer.Ordinal);

    public List<EvidenceEntry> Read(YamlRecord claim)
    {
        var entries = new List<EvidenceEntry>();
        var list = claim.List("evidence");
        if (list is null || list.Children.Count == 0)
        {
            // A value that is not a list at all has been reported as such already.
            var value = claim.ValueNode("evidence");
            if (list is not null || value is null || (value is YamlScalarNode scalar && YamlSource.IsNull(scalar)))
            {
                source.ReportAtLine(claim.Line, "claim has no evidence: list at least one {doc, quote} under 'evidence'");
            }

            return entries;
        }

        // Made only when a second item could repeat the first: most claims cite one passage.
        var cited = list.Children.Count > 1 ? new Dictionary<(string, int, int, Stance), int>() : null;
        var items = list.Children;
        for (var i = 0; i < items.Count; i++)
        {
            if (source.Record(items[i], "evidence", EvidenceKeys) is not { } e)
            {
                continue;
            }

            var docId = e.Text("doc", required: true)?.Trim();
            var quote = e.Text("quote", required: true);
            var stanceText = e.Text("stance", required: false)?.Trim();
            var stance = Stance.Supports;
            if (stanceText is not null && !StanceWords.TryParse(stanceText, out stance))
            {
                source.ReportAtLine(e.LineOf("stance"), $"unknown stance '{stanceText}' (allowed: {string.Join(", ", StanceWords.All)})");
            }

            if (docId is null || documents is null)
            {
                continue;
            }

            if (!documents.TryGetValue(docId, out var document))
            {
                source.ReportAtLine(e.LineOf("doc"), () =>
                {
                    var hint = ClaimsReader.Suggest(docId, documents.Keys) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                    return $"evidence names a missing document '{docId}': there is no {CorpusLayout.DocumentsFolder}/{docId}{CorpusLayout.DocumentExtension}{hint}";
                });
                continue;
            }

            if (document.Body is null || quote is null)
            {
                // The document itself is unreadable and already reported; its quotes cannot be checked.
                continue;
            }

            if (!_verifiers.TryGetValue(docId, out var verifier))
            {
                verifier = new CitationVerifier(document.Body);
                _verifiers[docId] = verifier;
            }

            var quoteLine = e.LineOf("quote");
            if (verifier.Locate(quote) is not TextSpan span)
            {
                source.ReportAtLine(quoteLine, () => QuoteNotFound(document, verifier, quote));
                continue;
            }

            if (cited is not null && cited.TryGetValue((docId, span.Start, span.End, stance), out var firstLine))
            {
                source.ReportAtLine(quoteLine, $"evidence repeats the passage already cited at {CorpusLayout.ClaimsFile}:{firstLine}");
                continue;
            }

            verified?.Add();
            cited?[(docId, span.Start, span.End, stance)] = quoteLine;
            entries.Add(new EvidenceEntry(docId, span, stance, quote.Trim(), quoteLine));
        }

        return entries;
    }

    private static string QuoteNotFound(LoadedDocument document, CitationVerifier verifier, string quote)
    {
        var message = $"quote not found in {document.RelativePath}: \"{Shown(quote)}\"";
        if (verifier.NearestPassage(quote) is not TextSpan nearest)
        {
            return message + " (the document has no words to compare it with)";
        }

        var passage = verifier.Body[nearest.Start..nearest.End];
        return $"{message}; nearest passage ({document.RelativePath}:{document.FileLineOf(nearest.Start)}): \"{Shown(passage)}\"";
    }

    /// <summary>A text on one line: whitespace runs collapsed, cut at <see cref="MaxShownLength"/> characters.</summary>
    private static string Shown(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxShownLength ? oneLine : oneLine[..MaxShownLength] + "…";
    }
}
