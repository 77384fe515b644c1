using System.Xml.Linq;
using GraphService.Core.Queries;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

public class HtmlReportTests
{
    private static XElement Parse(string fragment) => XElement.Parse("<wrapper>" + fragment + "</wrapper>");

    [Fact]
    public void The_fragment_is_well_formed_and_one_section()
    {
        var root = Parse(HtmlReport.Write(TwoPaths));

        var section = Assert.Single(root.Elements());
        Assert.Equal("section", section.Name.LocalName);
    }

    [Fact]
    public void Hostile_names_titles_and_quotes_stay_text()
    {
        var root = Parse(HtmlReport.Write(TwoPaths));
        var elementNames = root.Descendants().Select(e => e.Name.LocalName).ToHashSet();

        Assert.DoesNotContain("script", elementNames);
        Assert.DoesNotContain("img", elementNames);
        Assert.DoesNotContain("b", elementNames);
        Assert.DoesNotContain("i", elementNames);
        Assert.Contains(root.Descendants("strong"), e => e.Value == HostileName);
        Assert.Contains(root.Descendants("cite"), e => e.Value == Hostile6.Title);
        Assert.Contains(root.Descendants("q"), e => e.Value == Hostile6.Quote);
        Assert.Contains(root.Descendants("li"), e => e.Value.StartsWith(Hostile6.Publisher, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_http_addresses_become_links_and_nothing_can_run()
    {
        var root = Parse(HtmlReport.Write(TwoPaths));
        var hrefs = root.Descendants("a").Select(a => (string)a.Attribute("href")!).ToList();

        Assert.All(hrefs, h => Assert.StartsWith("https://", h, StringComparison.Ordinal));
        Assert.Contains("https://www.reuters.com/article/iraq-militias", hrefs);
        Assert.DoesNotContain(root.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName is "id" or "class");
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "style" or "script" or "link");
        Assert.Contains(root.Descendants("li"), li => li.Value.Contains("javascript:alert(3)", StringComparison.Ordinal) && !li.Elements("a").Any());
    }

    /// <summary>
    /// The API serves HTML reports under a Content-Security-Policy that forbids scripts and allows inline style
    /// attributes. Everything in the fragment must work under it: only these elements and attributes, no event handler,
    /// no script URL, nothing loaded.
    /// </summary>
    [Theory]
    [InlineData("paths")]
    [InlineData("no path")]
    [InlineData("neighborhood")]
    [InlineData("busy neighborhood")]
    public void A_report_needs_nothing_a_policy_without_scripts_forbids(string which)
    {
        var html = which switch
        {
            "paths" => HtmlReport.Write(TwoPaths),
            "no path" => HtmlReport.Write(NoPath),
            "neighborhood" => HtmlReport.Write(Neighborhood),
            _ => HtmlReport.Write(BusyNeighborhood()),
        };
        var root = Parse(html);
        string[] elements = ["section", "p", "strong", "span", "ol", "ul", "li", "sup", "cite", "q", "a"];
        string[] attributes = ["style", "href", "rel"];

        Assert.All(root.Descendants(), e => Assert.Contains(e.Name.LocalName, elements));
        Assert.All(root.Descendants().Attributes(), a => Assert.Contains(a.Name.LocalName, attributes));
        Assert.All(root.Descendants("a"), a => Assert.Matches("^https?://", (string)a.Attribute("href")!));
        Assert.All(root.Descendants().Attributes("style"), s => Assert.DoesNotContain("url(", s.Value, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_empty_quote_or_title_is_closed_with_an_end_tag_so_html_parsers_do_not_swallow_the_rest()
    {
        var empty = Reuters1 with { Title = string.Empty, Quote = string.Empty };
        var result = OnePath with { Paths = [new GraphPath(1, [Khazali, Aah], [KhazaliLeadsAah with { Citations = [empty] }])] };

        var html = HtmlReport.Write(result);

        Assert.Contains("<cite></cite>", html, StringComparison.Ordinal);
        Assert.Contains("<q></q>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void It_carries_the_same_sentences_and_footnotes_as_the_markdown()
    {
        var root = Parse(HtmlReport.Write(TwoPaths));
        var lists = root.Descendants("ol").ToList();

        Assert.Equal(2, lists.Count);
        Assert.Equal(2, lists[0].Elements("li").Count());
        Assert.Equal(7, lists[1].Elements("li").Count());
        Assert.EndsWith("which Qasem Soleimani commands[7].", lists[0].Elements("li").ElementAt(1).Value, StringComparison.Ordinal);
        Assert.Contains("(contested)", lists[0].Value, StringComparison.Ordinal);
        Assert.StartsWith("Disputes the claim.", lists[1].Elements("li").ElementAt(5).Value, StringComparison.Ordinal);
        Assert.Contains("graph version g-5f1c2a9e", root.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighborhood_fragment_is_well_formed_and_escaped()
    {
        var root = Parse(HtmlReport.Write(Neighborhood));

        Assert.Equal(3, root.Descendants("ul").Single().Elements("li").Count());
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "script");
        Assert.Contains(root.Descendants("strong"), e => e.Value == HostileName);
    }

    [Fact]
    public void Characters_xml_forbids_become_replacement_characters()
    {
        var bad = Khazali with { Name = "Qais\u0001al-Khazali\uD800" };
        var result = OnePath with { From = bad };

        var root = Parse(HtmlReport.Write(result));

        Assert.Contains("Qais\uFFFDal-Khazali\uFFFD", root.Value, StringComparison.Ordinal);
    }
}
