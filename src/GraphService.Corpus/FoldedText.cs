using System.Text;

namespace GraphService.Corpus;

/// <summary>
/// A text with the differences quotes and names may tolerate folded away: every run of whitespace becomes one space,
/// typographic double quotes become <c>"</c>, apostrophes and single quotes become <c>'</c>, and dashes become <c>-</c>.
/// Each folded character remembers the span of the original it came from, so a match found in the folded text can be
/// reported as offsets into the original.
/// </summary>
public sealed class FoldedText
{
    // Null when every folded character stands for exactly one original character (no whitespace run is longer than one).
    private readonly int[]? _originStart;
    private readonly int[]? _originEnd;

    private FoldedText(string original, string text, int[]? originStart, int[]? originEnd)
    {
        Original = original;
        Text = text;
        _originStart = originStart;
        _originEnd = originEnd;
    }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    /// <summary>The folded text; case is kept.</summary>
    public string Text { get; }

    public static FoldedText Fold(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (OneToOne(original, out var changed))
        {
            // Offsets are the same in both texts: no maps to keep, and nothing to copy when no character folds.
            var text = changed
                ? string.Create(original.Length, original, static (span, o) =>
                {
                    for (var i = 0; i < o.Length; i++)
                    {
                        span[i] = char.IsWhiteSpace(o[i]) ? ' ' : FoldChar(o[i]);
                    }
                })
                : original;
            return new FoldedText(original, text, null, null);
        }

        var sb = new StringBuilder(original.Length);
        var starts = new int[original.Length];
        var ends = new int[original.Length];
        var n = 0;
        var i = 0;
        while (i < original.Length)
        {
            var ch = original[i];
            if (char.IsWhiteSpace(ch))
            {
                var runStart = i;
                while (i < original.Length && char.IsWhiteSpace(original[i]))
                {
                    i++;
                }

                sb.Append(' ');
                starts[n] = runStart;
                ends[n] = i;
                n++;
                continue;
            }

            sb.Append(FoldChar(ch));
            starts[n] = i;
            ends[n] = i + 1;
            n++;
            i++;
        }

        return new FoldedText(original, sb.ToString(), starts[..n], ends[..n]);
    }

    /// <summary>Whether no whitespace run is longer than one character; <paramref name="changed"/> tells whether any character folds.</summary>
    private static bool OneToOne(string original, out bool changed)
    {
        changed = false;
        for (var i = 0; i < original.Length; i++)
        {
            var ch = original[i];
            if (char.IsWhiteSpace(ch))
            {
                if (i + 1 < original.Length && char.IsWhiteSpace(original[i + 1]))
                {
                    return false;
                }

                changed |= ch != ' ';
            }
            else
            {
                changed |= FoldChar(ch) != ch;
            }
        }

        return true;
    }

    /// <summary>The folded form of a quote as matched: folded and without leading or trailing whitespace.</summary>
    public static string FoldQuote(string quote) => Fold(quote).Text.Trim(' ');

    /// <summary>True when two texts differ only in the tolerated ways (whitespace runs, quote marks, apostrophes, dashes).</summary>
    public static bool AreEquivalent(string a, string b) => string.Equals(FoldQuote(a), FoldQuote(b), StringComparison.Ordinal);

    /// <summary>Maps the folded span [start, end) back to the original text.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        if (_originStart is null || _originEnd is null)
        {
            return (start, end);
        }

        if (start == end)
        {
            var at = start < Text.Length ? _originStart[start] : Original.Length;
            return (at, at);
        }

        return (_originStart[start], _originEnd[end - 1]);
    }

    /// <summary>The single character a character folds to (whitespace is folded by runs, not here).</summary>
    public static char FoldChar(char ch) => ch switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
        '\u2019' or '\u2018' or '\u02BC' or '\u2032' => '\'',
        '\u2013' or '\u2014' or '\u2011' or '\u2212' => '-',
        _ => ch,
    };
}
