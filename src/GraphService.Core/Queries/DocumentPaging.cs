namespace GraphService.Core.Queries;

/// <summary>A span as a store reads it, before its text is cut from the document: offsets into the document and the id it refers to.</summary>
public readonly record struct SpanRef(int Start, int End, string RefId);

/// <summary>A stretch of a document's text that a store has read: the text of [Start, Start + Text.Length).</summary>
public sealed record TextWindow(int Start, string Text)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// How every store cuts a page of a document (<see cref="DocumentQuery"/>): the range is clamped to the document; a page
/// holds the spans that start in its range, so that consecutive pages list each span exactly once; mentions are cut at
/// the query's limit, in document order, and the page says when more were left out; span texts are cut from the
/// document, which the store reads up to the end of the furthest span that starts in the range.
/// A span that does not lie inside its document is corrupt data — the import verified every span against its
/// document, so the store no longer holds what was imported — and is refused with <see cref="InvalidDataException"/>
/// rather than shown as an empty or shortened quote, which would pass off a broken link as evidence.
/// </summary>
public static class DocumentPaging
{
    public const string MentionKind = "mention";
    public const string CitationKind = "citation";

    /// <summary>The range [Start, End) that <paramref name="query"/> asks of a document of <paramref name="documentLength"/> code units.</summary>
    public static (int Start, int End) Clamp(DocumentQuery query, int documentLength)
    {
        ArgumentNullException.ThrowIfNull(query);
        var start = Math.Clamp(query.Offset, 0, documentLength);
        var end = (int)Math.Min((long)start + Math.Max(0, query.Length), documentLength);
        return (start, end);
    }

    /// <summary>Where the text a page needs ends: the end of its range, or further when a span that starts in it runs past it.</summary>
    public static int ReadEnd(int end, int documentLength, IEnumerable<SpanRef> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var furthest = end;
        foreach (var s in spans)
        {
            furthest = Math.Max(furthest, s.End);
        }

        // A span past the end of the document is caught by Cut, with its id; the read stops at the document's end.
        return Math.Min(furthest, documentLength);
    }

    /// <summary>
    /// The window of a page cut from the whole text (for a store that had to read it all), with the range widened by a
    /// code unit where it would split a surrogate pair: half a character is not text.
    /// </summary>
    public static (int Start, int End, TextWindow Window) CutWindow(string wholeText, int start, int end, int readEnd)
    {
        ArgumentNullException.ThrowIfNull(wholeText);
        if (start > 0 && start < wholeText.Length && char.IsLowSurrogate(wholeText[start]) && char.IsHighSurrogate(wholeText[start - 1]))
        {
            start--;
        }

        if (end > 0 && end < wholeText.Length && char.IsLowSurrogate(wholeText[end]) && char.IsHighSurrogate(wholeText[end - 1]))
        {
            end++;
        }

        readEnd = Math.Min(Math.Max(readEnd, end), wholeText.Length);
        return (start, end, new TextWindow(start, wholeText[start..readEnd]));
    }

    /// <summary>
    /// Assembles a page. <paramref name="mentions"/> are the mentions that start in [start, end), at least the first
    /// <paramref name="mentionLimit"/> + 1 of them in document order when there are that many (so the page knows there are more);
    /// <paramref name="citations"/> are all the citations that start in it. The window must begin at <paramref name="start"/>
    /// and reach the end of every span.
    /// </summary>
    public static DocumentDetail Page(
        string graphVersion,
        DocumentSummary document,
        int start,
        int end,
        TextWindow window,
        IReadOnlyCollection<SpanRef> mentions,
        int mentionLimit,
        IEnumerable<SpanRef> citations)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(mentions);
        if (window.Start != start || window.End < end)
        {
            throw new ArgumentException($"the window {window.Start}..{window.End} does not cover the page {start}..{end}", nameof(window));
        }

        var shown = Sorted(mentions).Take(Math.Max(0, mentionLimit)).Select(m => Cut(window, document, m, MentionKind)).ToList();
        return new DocumentDetail(
            graphVersion,
            document,
            new TextRange(start, end - start),
            window.Text[..(end - start)],
            shown,
            mentions.Count > shown.Count,
            [.. Sorted(citations).Select(c => Cut(window, document, c, CitationKind))]);
    }

    /// <summary>The span with its text; <see cref="InvalidDataException"/> when it does not lie inside its document.</summary>
    public static DocumentSpan Cut(TextWindow window, DocumentSummary document, SpanRef span, string kind)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(document);
        if (span.Start < 0 || span.Start > span.End || span.End > document.Length)
        {
            throw new InvalidDataException(
                $"{kind} {span.RefId} spans {span.Start}..{span.End}, outside its document '{document.Id}' of length {document.Length}: " +
                "the store holds corrupt data; import the corpus again");
        }

        if (span.Start < window.Start || span.End > window.End)
        {
            throw new ArgumentException($"{kind} {span.RefId} spans {span.Start}..{span.End}, outside the text read ({window.Start}..{window.End})", nameof(window));
        }

        return new DocumentSpan(span.Start, span.End, kind, span.RefId, window.Text[(span.Start - window.Start)..(span.End - window.Start)]);
    }

    private static IEnumerable<SpanRef> Sorted(IEnumerable<SpanRef> spans) =>
        spans.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.RefId, StringComparer.Ordinal);
}
