using System.Text.RegularExpressions;
using GraphService.Core.Queries;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

public partial class MermaidDiagramTests
{
    [Fact]
    public void A_path_result_is_a_left_to_right_flowchart_with_generated_ids()
    {
        var lines = MermaidDiagram.Write(OnePath).TrimEnd('\n').Split('\n');

        Assert.Equal("flowchart LR", lines[0]);
        Assert.Equal(
            [
                "  n0[\"Qais al-Khazali\"]",
                "  n1[\"Asaib Ahl al-Haq\"]",
                "  n2[\"Quds Force\"]",
                "  n3[\"Qasem Soleimani\"]",
                "  n0 -->|\"leads #91;1, 2#93;\"| n1",
                "  n1 -.->|\"is trained by #91;3, 4#93; #40;contested#41;\"| n2",
                "  n3 -->|\"commands #91;5#93;\"| n2",
            ],
            lines[2..]);
    }

    [Fact]
    public void A_hostile_name_is_written_with_entity_codes()
    {
        var mermaid = MermaidDiagram.Write(TwoPaths);

        Assert.Contains(
            "[\"#60;script#62;alert#40;1#41;#60;/script#62; #quot;Front#quot; #91;of#93; A#38;B #124; #35;1#59; #96;x#96; #123;y#125;\"]",
            mermaid,
            StringComparison.Ordinal);
    }

    [Fact]
    public void No_raw_quote_bracket_pipe_or_angle_bracket_breaks_a_label()
    {
        var lines = MermaidDiagram.Write(TwoPaths).TrimEnd('\n').Split('\n').Skip(2).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.True(NodeLine().IsMatch(l) || EdgeLine().IsMatch(l), $"not a safe node or edge line: {l}"));
    }

    [Fact]
    public void Each_relationship_is_drawn_once_even_when_paths_share_it()
    {
        var p1 = new GraphPath(2, [Khazali, Aah, Quds], [KhazaliLeadsAah, AahTrainedByQuds]);
        var allied = new RelationshipView("r-aah-quds-2", "ALLIED_WITH", "is allied with", Aah.Id, Quds.Id, 0.5, 1, false, null, null, []);
        var p2 = new GraphPath(2, [Khazali, Aah, Quds], [KhazaliLeadsAah, allied]);
        var shared = new PathResult(GraphVersion, Khazali, Quds, [p1, p2], false);

        var edges = MermaidDiagram.Write(shared).Split('\n').Count(l => l.Contains("|\"leads", StringComparison.Ordinal));

        Assert.Equal(1, edges);
    }

    [Fact]
    public void The_header_comment_cannot_leave_its_line()
    {
        var result = OnePath with { GraphVersion = "v1\nclick n0 call alert()\n%%{init: {}}%%" };

        var lines = MermaidDiagram.Write(result).Split('\n');

        Assert.StartsWith("  %% ", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("click", StringComparison.Ordinal) || l.Contains("%%{", StringComparison.Ordinal));
    }

    [Fact]
    public void A_neighborhood_is_a_flowchart_of_its_relationships()
    {
        var lines = MermaidDiagram.Write(Neighborhood).TrimEnd('\n').Split('\n');

        Assert.Equal("flowchart LR", lines[0]);
        Assert.Equal(4, lines.Count(l => NodeLine().IsMatch(l)));
        Assert.Equal(3, lines.Count(l => EdgeLine().IsMatch(l)));
    }

    [GeneratedRegex("^  n[0-9]+\\[\"(?:[^\"\\[\\]|<>{}()`;#]|#[a-z0-9]+;)*\"\\]$")]
    private static partial Regex NodeLine();

    [GeneratedRegex("^  n[0-9]+ (-->|-\\.->)\\|\"(?:[^\"\\[\\]|<>{}()`;#]|#[a-z0-9]+;)*\"\\| n[0-9]+$")]
    private static partial Regex EdgeLine();
}
