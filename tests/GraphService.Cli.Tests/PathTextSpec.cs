using GraphService.Cli.Commands;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Cli.Tests;

/// <summary>The CLI's text form of a path shows every relationship of every link, each with its quotes.</summary>
public class PathTextSpec
{
    private static readonly NodeView Khazali = new("qais-al-khazali", "Qais al-Khazali", EntityType.Person);
    private static readonly NodeView Aah = new("asaib-ahl-al-haq", "Asaib Ahl al-Haq", EntityType.Organization);

    private static CitationView Cite(string id, string quote) =>
        new(id, "doc-" + id, "A title", "A publisher", "2020-01-01", null, quote, 0, quote.Length, Stance.Supports);

    [Fact]
    public void A_link_with_two_relationships_shows_the_strongest_on_the_line_and_both_with_their_quotes_below()
    {
        var leads = new RelationshipView("r-leads", "LEADS", "leads", Khazali.Id, Aah.Id, 0.67, 2, false, null, null, [Cite("c1", "Khazali leads the group.")]);
        var founded = new RelationshipView("r-founded", "FOUNDED", "founded", Khazali.Id, Aah.Id, 0.5, 1, false, "2006", null, [Cite("c2", "Khazali founded the group.")]);
        var path = new GraphPath(1, [Khazali, Aah], [new PathLink(Khazali.Id, Aah.Id, [leads, founded])]);

        var text = PathText.Render(new PathResult("g1", Khazali, Aah, [path], Truncated: false));

        Assert.Contains("1. Qais al-Khazali —leads (+1)→ Asaib Ahl al-Haq", text, StringComparison.Ordinal);
        Assert.Contains("   Qais al-Khazali leads Asaib Ahl al-Haq (confidence 0.67, 2 publisher(s))", text, StringComparison.Ordinal);
        Assert.Contains("     [1] \"Khazali leads the group.\"", text, StringComparison.Ordinal);
        Assert.Contains("   Qais al-Khazali founded Asaib Ahl al-Haq (confidence 0.50, 1 publisher(s), 2006–…)", text, StringComparison.Ordinal);
        Assert.Contains("     [2] \"Khazali founded the group.\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_with_one_relationship_has_no_count_on_the_line()
    {
        var leads = new RelationshipView("r-leads", "LEADS", "leads", Khazali.Id, Aah.Id, 0.67, 2, false, null, null, [Cite("c1", "Khazali leads the group.")]);
        var path = new GraphPath(1, [Aah, Khazali], [leads]);

        var text = PathText.Render(new PathResult("g1", Aah, Khazali, [path], Truncated: false));

        Assert.Contains("1. Asaib Ahl al-Haq ←leads— Qais al-Khazali", text, StringComparison.Ordinal);
    }
}
