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

            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is '\'' or '\u2019' or '\u2018' or '\u02BC')
            {
                // apostrophes join: Kata'ib = Kataib
            }
            else
            {
                FlushWord();
            }
        }

        FlushWord();
        return sb.ToString();
    }
}
