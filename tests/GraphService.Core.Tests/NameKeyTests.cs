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
}
