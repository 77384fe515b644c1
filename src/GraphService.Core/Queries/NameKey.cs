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
        var sb = new StringBuilder(decomposed.Length);
        var word = new StringBuilder();

        void FlushWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            var w = word.ToString();
            // "al" alone is an article; "al-X" arrives as two words because hyphens separate.
            if (!(dropArticles && w == "al"))
            {
                sb.Append(w);
            }

            word.Clear();
        }

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
                if (lower > '\u007F' && LatinFold.TryGetValue(lower, out var folded))
                {
                    word.Append(folded);
                }
                else
                {
                    word.Append(lower);
                }
            }
            else
            {
                FlushWord();
            }
        }

        FlushWord();
        return sb.ToString();
    }

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
