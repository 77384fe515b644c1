using GraphService.Core.Queries;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

public class CypherReproductionTests
{
    [Fact]
    public void A_path_is_matched_hop_by_hop_by_entity_and_relationship_ids()
    {
        var expected = """
            // GraphService paths qais-al-khazali -> qasem-soleimani: 1 path, graph version g-5f1c2a9e
            MATCH p0 = (n0:Entity {id: 'qais-al-khazali'})-[r0:LEADS {id: 'r-khazali-leads-aah'}]->(n1:Entity {id: 'asaib-ahl-al-haq'})-[r1:TRAINED_BY {id: 'r-aah-trained-quds'}]->(n2:Entity {id: 'quds-force'})<-[r2:COMMANDS {id: 'r-soleimani-commands-quds'}]-(n3:Entity {id: 'qasem-soleimani'})
            RETURN p0

            """;

        Assert.Equal(expected, CypherReproduction.Write(OnePath));
    }

    [Fact]
    public void Later_paths_reuse_the_variables_of_entities_already_matched()
    {
        var lines = CypherReproduction.Write(TwoPaths).Split('\n');

        Assert.Equal(
            "MATCH p0 = (n0:Entity {id: 'qais-al-khazali'})<-[r0:ALLIED_WITH {id: 'r-hostile-allied-khazali'}]-(n1:Entity {id: 'hostile-front'})-[r1:MET_WITH {id: 'r-hostile-met-soleimani'}]->(n2:Entity {id: 'qasem-soleimani'})",
            lines[1]);
        Assert.StartsWith("MATCH p1 = (n0)-[r2:LEADS", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("<-[r4:COMMANDS {id: 'r-soleimani-commands-quds'}]-(n2)", lines[2], StringComparison.Ordinal);
        Assert.Equal("RETURN p0, p1", lines[3]);
    }

    [Fact]
    public void A_neighborhood_matches_its_centre_relationships_and_returns_them_all()
    {
        var expected = """
            // GraphService neighborhood of qais-al-khazali, graph version g-5f1c2a9e
            MATCH (n0:Entity {id: 'qais-al-khazali'})
            MATCH (n0)-[r0:LEADS {id: 'r-khazali-leads-aah'}]->(n1:Entity {id: 'asaib-ahl-al-haq'})
            MATCH (n2:Entity {id: 'hostile-front'})-[r1:ALLIED_WITH {id: 'r-hostile-allied-khazali'}]->(n0)
            MATCH (n1)-[r2:TRAINED_BY {id: 'r-aah-trained-quds'}]->(n3:Entity {id: 'quds-force'})
            RETURN n0, n1, n2, n3, r0, r1, r2

            """;

        Assert.Equal(expected, CypherReproduction.Write(Neighborhood));
    }

    [Fact]
    public void With_no_path_both_ends_are_matched()
    {
        var lines = CypherReproduction.Write(NoPath).Split('\n');

        Assert.Equal("MATCH (n0:Entity {id: 'qais-al-khazali'})", lines[1]);
        Assert.Equal("MATCH (n1:Entity {id: 'qasem-soleimani'})", lines[2]);
        Assert.Equal("RETURN n0, n1", lines[3]);
    }

    [Fact]
    public void An_id_that_tries_to_close_its_literal_stays_inside_it()
    {
        var evil = Khazali with { Id = "x'}) DETACH DELETE n0 //" };
        var result = OnePath with { From = evil, Paths = [] };

        var lines = CypherReproduction.Write(result).Split('\n');

        Assert.Equal(@"MATCH (n0:Entity {id: 'x\'}) DETACH DELETE n0 //'})", lines[1]);
        Assert.Equal("RETURN n0, n1", lines[3]);
    }

    [Theory]
    [InlineData("leads")]
    [InlineData("LEADS]->() DETACH DELETE n //")]
    [InlineData("LEADS`")]
    [InlineData("")]
    [InlineData("1LEADS")]
    [InlineData("LEADS-TO")]
    public void A_relationship_type_outside_the_whitelist_shape_is_refused(string type)
    {
        var bad = KhazaliLeadsAah with { Type = type };
        var result = OnePath with { Paths = [new GraphPath(1, [Khazali, Aah], [bad])] };

        var error = Assert.Throws<ArgumentException>(() => CypherReproduction.Write(result));
        Assert.Contains("UPPER_SNAKE_CASE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_browser_url_prefills_the_statement_in_the_editor()
    {
        var statement = CypherReproduction.Write(TwoPaths);

        var url = CypherReproduction.BrowserUrl(TwoPaths, ReportOptions.Default);

        Assert.StartsWith("http://localhost:7474/browser?cmd=edit&arg=", url.AbsoluteUri, StringComparison.Ordinal);
        var arg = url.Query.Split('&').Single(p => p.StartsWith("arg=", StringComparison.Ordinal))["arg=".Length..];
        Assert.Equal(statement, Uri.UnescapeDataString(arg));
        Assert.DoesNotContain(" ", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain("'", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_browser_address_is_configurable()
    {
        var options = new ReportOptions { Neo4jBrowserUrl = new Uri("https://neo4j.example.org:7473/browser/?dbms=neo4j") };

        var url = CypherReproduction.BrowserUrl("RETURN 1", options);

        Assert.Equal("https://neo4j.example.org:7473/browser/?dbms=neo4j&cmd=edit&arg=RETURN%201", url.AbsoluteUri);
    }
}
