using System.Globalization;
using System.Text;
using CsCheck;
using GraphService.Core.Queries;
using Xunit;

namespace GraphService.Core.Tests;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Qāsem Soleimānī", "qasemsoleimani")]
    [InlineData("Muqtadā al-Ṣadr", "muqtadaalsadr")]
    [InlineData("Ḥusayn", "husayn")]
    [InlineData("José Muñoz", "josemunoz")]
    [InlineData("Kaʿb", "kab")]
    [InlineData("Kata'ib", "kataib")]
    public void Normalize_drops_diacritics_apostrophes_case_and_spacing(string text, string key)
    {
        Assert.Equal(key, NameKey.Normalize(text));
    }

    [Fact]
    public void WithoutArticles_drops_al_before_each_word()
    {
        Assert.Equal("muqtadasadr", NameKey.WithoutArticles("Muqtadā al-Ṣadr"));
    }

    // Letters with and without diacritics, the article in every case, digits, the joining apostrophes, separators,
    // combining marks, Arabic letters, and text longer than the key's stack buffer.
    private static readonly Gen<string> Text = Gen.OneOf(
            Gen.Char["aAlLbZ09 -_.,/\t'\u2019\u2018\u02BC\u02BE\u02BFāĀṢṣéÉñçıİßø\u0301\u0327\u064A\u0644\u0627\u00A0"].Select(c => c.ToString()),
            Gen.Const("al"), Gen.Const("Al-"), Gen.Const("AL "), Gen.Const("āl"))
        .Array[0, 40].Select(string.Concat)
        .SelectMany(t => Gen.Int[1, 12].Select(times => times == 12 ? string.Concat(Enumerable.Repeat(t, 30)) : t));

    [Fact]
    public void Keys_are_the_kept_words_of_the_text_folded_and_joined()
    {
        Text.Sample(text =>
        {
            Assert.Equal(WordByWord(text, dropArticles: false), NameKey.Normalize(text));
            Assert.Equal(WordByWord(text, dropArticles: true), NameKey.WithoutArticles(text));
        });
    }

    /// <summary>
    /// The rule said word by word: decompose; drop combining marks and apostrophes; a word is a run of letters and
    /// digits, lower-cased and folded; anything else ends a word; "al" alone is dropped when articles are.
    /// </summary>
    private static string WordByWord(string text, bool dropArticles)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || ch is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u02BE' or '\u02BF')
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                word.Append(Folded(char.ToLowerInvariant(ch)));
            }
            else
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        words.Add(word.ToString());
        return string.Concat(words.Where(w => !(dropArticles && w == "al")));
    }

    private static char Folded(char lower) => lower switch
    {
        'ā' => 'a',
        'ṣ' => 's',
        'é' => 'e',
        'ñ' => 'n',
        'ç' => 'c',
        'ı' => 'i',
        'ø' => 'o',
        _ => lower,
    };
}
