using System.Text;
using GraphService.Core.Domain;
using Xunit;

namespace GraphService.Core.Tests.Domain;

public sealed class StanceWordsTests
{
    [Theory]
    [InlineData(Stance.Supports)]
    [InlineData(Stance.Disputes)]
    public void A_word_as_written_parses_back_to_its_stance_as_text_and_as_utf8(Stance stance)
    {
        var word = stance.ToWord();

        Assert.True(StanceWords.TryParse(word, out var fromText));
        Assert.True(StanceWords.TryParse(Encoding.UTF8.GetBytes(word), out var fromBytes));
        Assert.Equal(stance, fromText);
        Assert.Equal(stance, fromBytes);
    }

    [Theory]
    [InlineData("Supports")]
    [InlineData("support")]
    [InlineData("")]
    public void Any_other_spelling_is_refused_as_text_and_as_utf8(string word)
    {
        Assert.False(StanceWords.TryParse(word, out _));
        Assert.False(StanceWords.TryParse(Encoding.UTF8.GetBytes(word), out _));
    }
}
