using System.Text.RegularExpressions;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

public partial class MarkdownReportTests
{
    [Fact]
    public void One_path_reads_as_one_sentence_with_numbered_footnotes()
    {
        var expected = """
            **Qais al-Khazali → Qasem Soleimani** · 1 path · graph version g-5f1c2a9e

            1. Qais al-Khazali leads Asaib Ahl al-Haq[^1][^2], which is trained by Quds Force[^3][^4] (*contested*), which Qasem Soleimani commands[^5].

            *Contested*: at least one cited source disputes that relationship.

            [^1]: Reuters, *Iraq's militia leaders*, 2019-03-04, <https://www.reuters.com/article/iraq-militias>: “Qais al-Khazali, the leader of Asaib Ahl al-Haq, said…”
            [^2]: BBC News, *Who are Iraq's militias?*, 2020-01-03, <https://www.bbc.com/news/world-middle-east-50000000>: “Khazali heads the group, which he founded in 2006.”
            [^3]: Council on Foreign Relations, *Profile: Asaib Ahl al-Haq*, 2021: “The group received training from the Quds Force.”
            [^4]: **Disputes the claim.** Asaib Ahl al-Haq, *Statement on foreign ties*, 2021-06, <https://example.org/statement>: “We have never been trained by any foreign force.”
            [^5]: CTC Sentinel, *The Quds Force under Soleimani*, undated, <https://ctc.westpoint.edu/quds>: “Soleimani commanded the Quds Force from 1998.”

            """;

        Assert.Equal(expected, MarkdownReport.Write(OnePath));
    }

    [Fact]
    public void Every_citation_gets_exactly_one_footnote_and_every_reference_resolves()
    {
        var markdown = MarkdownReport.Write(TwoPaths);
        var definitions = Definition().Matches(markdown).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var references = Reference().Matches(markdown).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        var citationIds = TwoPaths.Paths.SelectMany(p => p.Relationships).SelectMany(r => r.Citations).Select(c => c.Id).Distinct().ToList();

        Assert.Equal(citationIds.Count, definitions.Count);
        Assert.Equal(Enumerable.Range(1, citationIds.Count), definitions);
        Assert.Equal(definitions.ToHashSet(), references);
    }

    [Fact]
    public void A_citation_shared_by_two_paths_keeps_its_number()
    {
        var lines = MarkdownReport.Write(TwoPaths).Split('\n');
        var first = lines.Single(l => l.StartsWith("1. ", StringComparison.Ordinal));
        var second = lines.Single(l => l.StartsWith("2. ", StringComparison.Ordinal));

        // c-bbc-2 backs "is allied with" on the first path and "leads" on the second.
        Assert.Contains("is allied with Qais al-Khazali[^1][^2]", first, StringComparison.Ordinal);
        Assert.Contains("leads Asaib Ahl al-Haq[^1][^4]", second, StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("[^1]: BBC News", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hop_against_the_relationship_is_written_the_way_the_claim_reads()
    {
        var markdown = MarkdownReport.Write(TwoPaths);

        // Quds Force is reached from Asaib Ahl al-Haq; Soleimani commands it, so the clause is "which Soleimani commands".
        Assert.Contains("which Qasem Soleimani commands[^7].", markdown, StringComparison.Ordinal);
        // The first hop of the other path is walked against "hostile-front is allied with qais-al-khazali": stated as the claim, then restated.
        Assert.Matches(@"^1\. .*Front.* is allied with Qais al-Khazali\[\^1\]\[\^2\]; .*Front.* met with Qasem Soleimani\[\^3\]\.$",
            markdown.Split('\n').Single(l => l.StartsWith("1. ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_person_reached_against_a_relationship_is_whom()
    {
        var manager = new NodeView("abu-mahdi", "Abu Mahdi al-Muhandis", EntityType.Person);
        var worked = new RelationshipView("r-worked", "WORKED_FOR", "worked for", manager.Id, Khazali.Id, 0.5, 1, false, null, null, [Reuters1]);
        var path = new GraphPath(2, [Aah, Khazali, manager], [KhazaliLeadsAah, worked]);

        var markdown = MarkdownReport.Write(new PathResult(GraphVersion, Aah, manager, [path], false));

        Assert.Contains("1. Qais al-Khazali leads Asaib Ahl al-Haq[^1][^2]; Abu Mahdi al-Muhandis worked for Qais al-Khazali[^1].", markdown, StringComparison.Ordinal);
        var allied = new RelationshipView("r-aah-allied", "ALLIED_WITH", "is allied with", Aah.Id, Khazali.Id, 0.5, 1, false, null, null, []);
        var viaPerson = new GraphPath(2, [Aah, Khazali, manager], [allied, worked]);
        Assert.Contains(
            "1. Asaib Ahl al-Haq is allied with Qais al-Khazali, whom Abu Mahdi al-Muhandis worked for[^1].",
            MarkdownReport.Write(new PathResult(GraphVersion, Aah, manager, [viaPerson], false)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Contested_relationships_and_disputing_sources_are_marked()
    {
        var markdown = MarkdownReport.Write(TwoPaths);

        Assert.Contains("is trained by Quds Force[^5][^6] (*contested*)", markdown, StringComparison.Ordinal);
        Assert.Contains("[^6]: **Disputes the claim.** Asaib Ahl al-Haq, *Statement on foreign ties*", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("[^5]: **Disputes", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_ties_the_answer_to_its_ends_and_graph_version()
    {
        var header = MarkdownReport.Write(TwoPaths).Split('\n')[0];

        Assert.Equal("**Qais al-Khazali → Qasem Soleimani** · 2 paths · graph version g-5f1c2a9e", header);
    }

    [Fact]
    public void Hostile_text_cannot_open_markup_links_or_html()
    {
        var markdown = MarkdownReport.Write(TwoPaths);

        // Every "<" is escaped, except those that open the autolinks of safe http(s) addresses.
        Assert.All(Regex.Matches(markdown, "<").Select(m => m.Index), i => Assert.True(
            markdown[i - 1] == '\\' || markdown.AsSpan(i).StartsWith("<https://", StringComparison.Ordinal),
            $"raw < at {i}: {markdown.Substring(Math.Max(0, i - 10), 30)}"));
        Assert.Contains(@"\<img src=x onerror=alert(2)\> \& ""title""", markdown, StringComparison.Ordinal);
        Assert.Contains(@"\<script\>alert(1)\</script\> ""Front"" \[of\] A\&B \| \#1; \`x\` {y}", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<javascript:", markdown, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(3)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_result_says_no_path_and_that_the_search_stopped_early()
    {
        var markdown = MarkdownReport.Write(NoPath);

        Assert.Contains("· 0 paths ·", markdown, StringComparison.Ordinal);
        Assert.Contains("No path connects them in this graph.", markdown, StringComparison.Ordinal);
        Assert.Contains("stopped at its work budget", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("[^", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighborhood_states_each_relationship_as_it_reads_with_shared_footnotes()
    {
        var markdown = MarkdownReport.Write(Neighborhood);
        var items = markdown.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();

        Assert.StartsWith("**Around Qais al-Khazali** · 4 entities, 3 relationships · graph version g-5f1c2a9e", markdown, StringComparison.Ordinal);
        Assert.Equal(3, items.Count);
        Assert.Equal("- Qais al-Khazali leads Asaib Ahl al-Haq[^1][^2].", items[0]);
        Assert.EndsWith(" is allied with Qais al-Khazali[^2][^3].", items[1], StringComparison.Ordinal);
        Assert.Equal("- Asaib Ahl al-Haq is trained by Quds Force[^4][^5] (*contested*).", items[2]);
        Assert.Equal(5, Definition().Matches(markdown).Count);
    }

    [GeneratedRegex(@"^\[\^(\d+)\]: ", RegexOptions.Multiline)]
    private static partial Regex Definition();

    [GeneratedRegex(@"\[\^(\d+)\](?!:)")]
    private static partial Regex Reference();
}
