using System.Text.RegularExpressions;

namespace GraphService.Corpus.Drafting;

/// <summary>
/// Splits a document body into sentences, as offsets into the body. Seeds are often hard-wrapped (a line break every
/// 60–80 characters, in the middle of sentences), so a single line break is not a boundary unless the line before it
/// ends a sentence or is a heading (a line clearly shorter than the document's usual wrapped line, with no closing
/// punctuation). A blank line always is. Inside a line, a sentence ends at <c>. ! ?</c> (with any closing quote or
/// bracket) followed by whitespace and a capital, digit or opening quote, unless the word before the dot is a known
/// abbreviation or an initial ("U.S.", "Maj.", "Douglas J. Silliman").
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "gen", "maj", "col", "lt", "capt", "sgt", "gov", "sen", "rep", "st", "jr", "sr", "no",
        "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    };

    /// <summary>The sentences of <paramref name="body"/> as (start, end) offsets, trimmed of surrounding whitespace.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var headingWidth = HeadingWidth(body);
        var sentences = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var ch = body[i];
            if (ch == '\n')
            {
                if (IsBlankLineAhead(body, i) || LineEndsSentence(body, i, headingWidth))
                {
                    Add(body, sentences, start, i);
                    start = i + 1;
                }

                continue;
            }

            if (ch is '.' or '!' or '?' && EndsSentenceHere(body, i) is int end)
            {
                Add(body, sentences, start, end);
                start = end;
            }
        }

        Add(body, sentences, start, body.Length);
        return sentences;
    }

    private static void Add(string body, List<(int Start, int End)> sentences, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(body[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(body[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add((start, end));
        }
    }

    /// <summary>The end (after closing quotes/brackets) of the sentence whose final mark is at <paramref name="i"/>, or null.</summary>
    private static int? EndsSentenceHere(string body, int i)
    {
        var end = i + 1;
        while (end < body.Length && body[end] is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']')
        {
            end++;
        }

        if (end < body.Length && !char.IsWhiteSpace(body[end]))
        {
            return null;
        }

        var next = end;
        while (next < body.Length && char.IsWhiteSpace(body[next]))
        {
            next++;
        }

        if (next < body.Length && !(char.IsUpper(body[next]) || char.IsDigit(body[next]) || body[next] is '"' or '\u201C' or '\u2018' or '[' or '('))
        {
            return null;
        }

        if (body[i] == '.')
        {
            if (IsAbbreviationDot(body, i))
            {
                return null;
            }

            // ". . ." (an elision) is not an end unless a capital follows after it; treat its dots as one mark.
            if (i + 2 < body.Length && body[i + 1] == ' ' && body[i + 2] == '.')
            {
                return null;
            }
        }

        return end;
    }

    private static bool IsAbbreviationDot(string body, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(body[wordStart - 1]) || body[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = body[wordStart..dot];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0])) || IsDottedInitials(word);
    }

    private static bool IsDottedInitials(string word) => word.Length > 1 && DottedInitials().IsMatch(word);

    private static bool IsBlankLineAhead(string body, int newline)
    {
        for (var j = newline + 1; j < body.Length && body[j] != '\n'; j++)
        {
            if (!char.IsWhiteSpace(body[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LineEndsSentence(string body, int newline, int headingWidth)
    {
        var lineStart = body.LastIndexOf('\n', Math.Max(0, newline - 1)) + 1;
        if (newline > 0 && body[newline - 1] == '\n')
        {
            return true;
        }

        var line = body[lineStart..newline].TrimEnd();
        if (line.Length == 0)
        {
            return true;
        }

        var last = line[^1];
        if (last == '.' && !IsAbbreviationDot(body, lineStart + line.Length - 1))
        {
            return true;
        }

        if (last is '!' or '?' or ':' || (last is '"' or '\u201D' or ')' && line.Length > 1 && line[^2] is '.' or '!' or '?'))
        {
            return true;
        }

        // A heading: much shorter than a wrapped line, not ending in a comma or a hyphen.
        return line.Length < headingWidth && last is not (',' or '-' or ';');
    }

    /// <summary>Lines shorter than this are headings: two fifths of the median length of the document's lines (or any line when it is not wrapped).</summary>
    private static int HeadingWidth(string body)
    {
        var lengths = body.Split('\n').Select(l => l.TrimEnd().Length).Where(l => l > 0).Order().ToList();
        if (lengths.Count == 0)
        {
            return 0;
        }

        var median = lengths[lengths.Count / 2];

        // Unwrapped text (one paragraph per line) has long lines: every short line there is a heading or a dateline.
        return median > 200 ? 120 : median * 2 / 5;
    }

    [GeneratedRegex(@"^([A-Za-z]\.)+[A-Za-z]$")]
    private static partial Regex DottedInitials();
}
