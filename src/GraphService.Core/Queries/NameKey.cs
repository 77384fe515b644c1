using System.Buffers;
using System.Globalization;
using System.Text;

namespace GraphService.Core.Queries;

/// <summary>
/// The normal form names are compared in: case-, diacritic-, hyphen-, space- and punctuation-insensitive, so that
/// "Al-Khazali", "al Khazali" and "alkhazali" meet. <see cref="WithoutArticles"/> also drops the Arabic article "al"
/// in front of each word, so that "al-Ameri" finds "Ameri".
/// </summary>
public static class NameKey
{
    public static string Normalize(string text) => Build(text, dropArticles: false);

    public static string WithoutArticles(string text) => Build(text, dropArticles: true);

    private static string Build(string text, bool dropArticles)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);

        // One pass into one buffer (a key is never longer than the decomposed text), words dropped by moving back to
        // where they began: keys are made for every name, alias and id when a graph's index is built, and the two
        // builders and the string per word of a word-by-word pass were most of what that build allocated.
        char[]? rented = null;
        var key = decomposed.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(decomposed.Length));
        var length = 0;
        var wordStart = 0;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (ch is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u02BE' or '\u02BF')
            {
                // apostrophes, hamza and ayn join: Kata'ib = Kataib, Kaʿb = Kab
            }
            else if (char.IsLetterOrDigit(ch))
            {
                var lower = char.ToLowerInvariant(ch);
                key[length++] = lower > '\u007F' && LatinFold.TryGetValue(lower, out var folded) ? folded : lower;
            }
            else
            {
                length = EndOfWord(key, wordStart, length, dropArticles);
                wordStart = length;
            }
        }

        length = EndOfWord(key, wordStart, length, dropArticles);
        var result = new string(key[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Where the key ends once the word in [start, end) is finished: at its start when it is the article.</summary>
    private static int EndOfWord(ReadOnlySpan<char> key, int start, int end, bool dropArticles) =>
        // "al" alone is an article; "al-X" arrives as two words because hyphens separate.
        dropArticles && end - start == 2 && key[start] == 'a' && key[start + 1] == 'l' ? start : end;

    /// <summary>
    /// Letters with diacritics folded to their base letter. FormD decomposition does that only when the runtime has
    /// normalization data; with invariant globalization it returns the text unchanged, so common Latin letters
    /// (including the dotted and macron letters of Arabic transliteration) are folded here explicitly.
    /// </summary>
    private static readonly Dictionary<char, char> LatinFold = BuildFold(
        ("àáâãäåāăąǎạảấầẩẫậắằẳẵặ", 'a'),
        ("çćĉċč", 'c'),
        ("ďđḍḏ", 'd'),
        ("èéêëēĕėęěẹẻẽếềểễệ", 'e'),
        ("ĝğġģǧ", 'g'),
        ("ĥħḥḫ", 'h'),
        ("ìíîïĩīĭįıǐịỉ", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňṇ", 'n'),
        ("òóôõöøōŏőǒọỏốồổỗộớờởỡợ", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšṣș", 's'),
        ("ţťŧṭț", 't'),
        ("ùúûüũūŭůűųǔụủứừửữự", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷỳỵỷỹ", 'y'),
        ("źżžẓ", 'z'));

    private static Dictionary<char, char> BuildFold(params (string Letters, char Base)[] groups)
    {
        var fold = new Dictionary<char, char>();
        foreach (var (letters, letter) in groups)
        {
            foreach (var ch in letters)
            {
                fold[ch] = letter;
            }
        }

        return fold;
    }
}
