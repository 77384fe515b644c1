using GraphService.Corpus.Drafting;

namespace GraphService.Corpus.Tests.Drafting;

/// <summary>Sentences survive the hard line breaks of the seeds; abbreviations and initials do not end them.</summary>
public sealed class SentenceSplitterTests
{
    private static List<string> Sentences(string body) => [.. SentenceSplitter.Split(body).Select(s => body[s.Start..s.End])];

    [Fact]
    public void A_sentence_wrapped_over_several_lines_stays_one_sentence()
    {
        var body = "It has long been known that Qais\nal-Khazali, the leader of the militia, had close ties to\nIran and Hezbollah as he waged his long fight. Khazali will now sit in parliament.\n";

        Assert.Equal(
            ["It has long been known that Qais\nal-Khazali, the leader of the militia, had close ties to\nIran and Hezbollah as he waged his long fight.", "Khazali will now sit in parliament."],
            Sentences(body));
    }

    [Fact]
    public void Abbreviations_initials_and_a_wrapped_title_do_not_end_a_sentence()
    {
        var body = "He met with US Ambassador Douglas J. Silliman and Maj. Gen.\nQasemSuleimani in the U.S. embassy. Then he left.";

        Assert.Equal(["He met with US Ambassador Douglas J. Silliman and Maj. Gen.\nQasemSuleimani in the U.S. embassy.", "Then he left."], Sentences(body));
    }

    [Fact]
    public void A_blank_line_and_a_short_heading_line_end_what_precedes_them()
    {
        // One paragraph per line, as in the themediaexpress seed: a short line among long ones is a heading.
        var paragraph = "The report also detailed how the plot began, and it went on for a while across the line, " +
            "with many more words than a wrapped line would ever hold, as a paragraph on one line does in such texts";
        var body = $"The first paragraph ends without a stop\n\n{paragraph} and ends here.\nPlot to kidnap troops\n{paragraph} too.\n";

        Assert.Equal(["The first paragraph ends without a stop", $"{paragraph} and ends here.", "Plot to kidnap troops", $"{paragraph} too."], Sentences(body));
    }

    [Fact]
    public void An_elision_of_spaced_dots_does_not_end_a_sentence_before_a_lowercase_word()
    {
        var body = "Khazali . . . and his militia never laid down their arms. He would later lead them.";

        Assert.Equal(["Khazali . . . and his militia never laid down their arms.", "He would later lead them."], Sentences(body));
    }

    [Fact]
    public void Offsets_point_into_the_body_and_skip_surrounding_whitespace()
    {
        var body = "  One sentence here.   Two sentences here.  ";

        Assert.Equal([(2, 20), (23, 42)], SentenceSplitter.Split(body));
    }
}
