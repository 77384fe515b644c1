namespace GraphService.Corpus.Tests;

public sealed class CitationVerifierTests
{
    private static string Slice(string body, TextSpan span) => body[span.Start..span.End];

    [Fact]
    public void A_quote_written_on_one_line_matches_a_passage_broken_across_lines()
    {
        const string body = "Intro.\nThe commander, who had\n   served since 2012, left.\n";
        var span = new CitationVerifier(body).Locate("The commander, who had served since 2012, left.");
        Assert.NotNull(span);
        Assert.Equal("The commander, who had\n   served since 2012, left.", Slice(body, span.Value));
    }

    [Fact]
    public void Offsets_point_into_the_original_body_with_its_crlf_line_endings()
    {
        const string body = "First line.\r\nBo Ren leads\r\nthe group.\r\n";
        var span = new CitationVerifier(body).Locate("Bo Ren leads the group.");
        Assert.Equal(new TextSpan(13, 37), span);
        Assert.Equal("Bo Ren leads\r\nthe group.", Slice(body, span!.Value));
    }

    [Theory]
    [InlineData("He called it “a betrayal” and left.", "He called it \"a betrayal\" and left.")]
    [InlineData("He called it „a betrayal″ and left.", "He called it \"a betrayal\" and left.")]
    [InlineData("It was the group’s money.", "It was the group's money.")]
    [InlineData("It was the group's money.", "It was the group’s money.")]
    [InlineData("Okoro — now the commander — said no.", "Okoro - now the commander - said no.")]
    [InlineData("From 2018–2020 it paid.", "From 2018-2020 it paid.")]
    [InlineData("A non‑breaking hyphen and a minus −5.", "A non-breaking hyphen and a minus -5.")]
    public void Typographic_quotes_apostrophes_and_dashes_match_their_plain_forms(string body, string quote)
    {
        var span = new CitationVerifier(body).Locate(quote);
        Assert.NotNull(span);
        Assert.Equal(new TextSpan(0, body.Length), span);
        Assert.True(FoldedText.AreEquivalent(quote, Slice(body, span.Value)));
    }

    [Theory]
    [InlineData("Bo Ren leads the group.", "bo ren leads the group.")]
    [InlineData("Bo Ren leads the group.", "Bo Ren leads the group!")]
    [InlineData("Bo Ren leads the group.", "BoRen leads the group.")]
    [InlineData("Bo Ren leads the group.", "Bo Ren leads (the group).")]
    public void Differences_other_than_whitespace_quotes_and_dashes_do_not_match(string body, string quote) =>
        Assert.Null(new CitationVerifier(body).Locate(quote));

    [Fact]
    public void A_quote_that_occurs_twice_is_matched_at_its_first_occurrence()
    {
        const string body = "He said no. Later, again, he said no.";
        Assert.Equal(new TextSpan(0, 11), new CitationVerifier(body).Locate("He said no."));
        Assert.Equal(new TextSpan(26, 36), new CitationVerifier(body).Locate("he said no"));
    }

    [Fact]
    public void Leading_and_trailing_whitespace_of_a_quote_is_not_part_of_the_passage()
    {
        const string body = "One. Two three. Four.";
        var span = new CitationVerifier(body).Locate("  Two three.\n");
        Assert.Equal("Two three.", Slice(body, span!.Value));
    }

    [Fact]
    public void The_nearest_passage_is_the_window_sharing_most_words_with_the_quote()
    {
        const string body = "The port was quiet in spring.\nIn March the commander broke away to form a new front, taking two hundred fighters.\nNobody commented.";
        var verifier = new CitationVerifier(body);
        const string quote = "In April the commander broke away to found a new front";
        Assert.Null(verifier.Locate(quote));
        var nearest = verifier.NearestPassage(quote);
        Assert.Equal("In March the commander broke away to form a new front", Slice(body, nearest!.Value));
    }

    [Fact]
    public void There_is_no_nearest_passage_for_a_quote_without_words()
    {
        Assert.Null(new CitationVerifier("Some text.").NearestPassage("—"));
    }
}
