using GraphService.Core.Queries;

namespace GraphService.Corpus;

/// <summary>A span of a document body: <c>body[Start..End]</c>, UTF-16 offsets.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Finds quotes in one document body. A quote matches when it equals a passage of the body up to the tolerated
/// differences of <see cref="FoldedText"/> (whitespace runs, quote marks, apostrophes, dashes); case matters.
/// When a quote occurs more than once, the first occurrence is taken. When it does not occur, <see cref="NearestPassage"/>
/// points the author at the passage it most resembles.
/// </summary>
public sealed class CitationVerifier
{
    // How many of the best-scoring word windows are compared character by character.
    private const int CandidateWindows = 8;

    // Window lengths tried around the quote's word count, for quotes that lost or gained a word or two.
    private const int WindowSlack = 2;

    // Characters a compared window may have beyond twice the quote's length.
    private const int MaxStretch = 40;

    private readonly FoldedText _body;
    private List<(int Start, int End, string Word)>? _words;

    public CitationVerifier(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = FoldedText.Fold(body);
    }

    public string Body => _body.Original;

    /// <summary>The first passage of the body that matches <paramref name="quote"/>, or null when there is none.</summary>
    public TextSpan? Locate(string quote)
    {
        var folded = FoldedText.FoldQuote(quote);
        if (folded.Length == 0)
        {
            return null;
        }

        var at = _body.Text.IndexOf(folded, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var (start, end) = _body.ToOriginal(at, at + folded.Length);
        return new TextSpan(start, end);
    }

    /// <summary>
    /// The passage of the body that best resembles <paramref name="quote"/>: windows of about as many words as the quote
    /// are ranked by how many of the quote's words (ignoring case) they share, and the best few are compared by edit
    /// distance. Null when the quote or the body has no words.
    /// </summary>
    public TextSpan? NearestPassage(string quote)
    {
        var foldedQuote = FoldedText.FoldQuote(quote);
        var quoteWords = Words(foldedQuote).Select(w => w.Word).ToList();
        var words = _words ??= Words(_body.Text);
        if (quoteWords.Count == 0 || words.Count == 0)
        {
            return null;
        }

        var n = Math.Min(quoteWords.Count, words.Count);
        var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in quoteWords)
        {
            wanted[w] = wanted.GetValueOrDefault(w) + 1;
        }

        var have = new Dictionary<string, int>(StringComparer.Ordinal);
        var overlap = 0;
        void Add(string w)
        {
            var c = have.GetValueOrDefault(w);
            if (c < wanted.GetValueOrDefault(w))
            {
                overlap++;
            }

            have[w] = c + 1;
        }

        void Remove(string w)
        {
            var c = have[w] - 1;
            have[w] = c;
            if (c < wanted.GetValueOrDefault(w))
            {
                overlap--;
            }
        }

        var scores = new List<(int Score, int First)>();
        for (var i = 0; i < n; i++)
        {
            Add(words[i].Word);
        }

        scores.Add((overlap, 0));
        for (var first = 1; first + n <= words.Count; first++)
        {
            Remove(words[first - 1].Word);
            Add(words[first + n - 1].Word);
            scores.Add((overlap, first));
        }

        var candidates = scores
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.First)
            .Take(CandidateWindows)
            .Select(s => s.First);

        TextSpan? best = null;
        var bestDistance = int.MaxValue;
        var bestFirst = int.MaxValue;
        foreach (var first in candidates)
        {
            for (var length = Math.Max(1, n - WindowSlack); length <= n + WindowSlack && first + length <= words.Count; length++)
            {
                var foldedStart = words[first].Start;
                // A window stretched by a long run of characters that are not words (a fuzzer's "[[[[…", a table) is cut
                // to twice the quote's length: it cannot be the passage meant, and comparing all of it costs its length
                // times the quote's for every candidate.
                var foldedEnd = Math.Min(words[first + length - 1].End, foldedStart + (2 * foldedQuote.Length) + MaxStretch);
                var distance = NameSimilarity.Levenshtein(foldedQuote, _body.Text[foldedStart..foldedEnd]);
                if (distance < bestDistance || (distance == bestDistance && first < bestFirst))
                {
                    var (start, end) = _body.ToOriginal(foldedStart, foldedEnd);
                    best = new TextSpan(start, end);
                    bestDistance = distance;
                    bestFirst = first;
                }
            }
        }

        return best;
    }

    /// <summary>Runs of letters and digits, lower-cased, with their folded offsets.</summary>
    private static List<(int Start, int End, string Word)> Words(string folded)
    {
        var words = new List<(int, int, string)>();
        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            {
                i++;
            }

            words.Add((start, i, folded[start..i].ToLowerInvariant()));
        }

        return words;
    }
}
