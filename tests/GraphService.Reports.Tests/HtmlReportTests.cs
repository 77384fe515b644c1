using System.Xml.Linq;
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
