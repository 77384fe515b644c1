using GraphService.Core.Domain;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>A small graph made for these tests, with hostile strings where a writer of Cypher or CSV could slip.</summary>
public static class SampleGraph
{
    public const string Hostile = "O'Brien said \"no\"; a \\ backslash, a `backtick`,\na newline,\r\na tab\tand } ) ] // -- ;";

    public static GraphSnapshot Build()
    {
        var body1 = "Qais al-Khazali leads Asa'ib Ahl al-Haq. Hadi al-Ameri met with Qais al-Khazali in 2014.";
        var body2 = Hostile + " The Badr Organization is funded by Iran, officials said.";
        var docs = new List<SourceDocument>
        {
            new("doc-one", "Militia leaders", "Example Wire", "A. Writer", PartialDate.Parse("2015-03"), "https://example.org/one", "en", body1),
            new("doc-two", Hostile, "Other \"Press\"", null, PartialDate.Parse("2016"), null, null, body2),
        };
        var entities = new List<Entity>
        {
            new("qais-al-khazali", EntityType.Person, "Qais al-Khazali", ["Qais Khazali", "al-Khazali"], "Leader of AAH."),
            new("hadi-al-ameri", EntityType.Person, "Hadi al-Ameri", ["al-Ameri"], null),
            new("asaib-ahl-al-haq", EntityType.Organization, "Asa'ib Ahl al-Haq", ["AAH"], Hostile),
            new("badr-organization", EntityType.Organization, "Badr Organization", [], null),
            new("iran", EntityType.Place, "Iran", [], null),
        };
        var c1 = new Citation("cit-1", "doc-one", "Qais al-Khazali leads Asa'ib Ahl al-Haq", 0, 39, Stance.Supports);
        var c2 = new Citation("cit-2", "doc-one", "Hadi al-Ameri met with Qais al-Khazali", 41, 79, Stance.Supports);
        var c3 = new Citation("cit-3", "doc-two", "The Badr Organization is funded by Iran", Hostile.Length + 1, Hostile.Length + 40, Stance.Supports);
        var c4 = new Citation("cit-4", "doc-two", Hostile, 0, Hostile.Length, Stance.Disputes);
        var relationships = new List<Relationship>
        {
            new("rel-leads", "LEADS", "qais-al-khazali", "asaib-ahl-al-haq", PartialDate.Parse("2006"), null, 0.5, false, 1, false, [c1]),
            new("rel-met", "MET_WITH", "hadi-al-ameri", "qais-al-khazali", PartialDate.Parse("2014"), PartialDate.Parse("2014"), 0.5, false, 1, false, [c2]),
            new("rel-funded", "FUNDED_BY", "badr-organization", "iran", null, null, 0.38, false, 1, true, [c3, c4]),
            new("rel-rival", "RIVAL_OF", "asaib-ahl-al-haq", "badr-organization", null, null, 0.9, true, 2, false, [c4]),
        };
        var mentions = new List<Mention>
        {
            new("qais-al-khazali", "doc-one", 0, 15),
            new("asaib-ahl-al-haq", "doc-one", 22, 39),
            new("hadi-al-ameri", "doc-one", 41, 54),
            new("qais-al-khazali", "doc-one", 64, 79),
            new("badr-organization", "doc-two", Hostile.Length + 5, Hostile.Length + 22),
            new("iran", "doc-two", Hostile.Length + 36, Hostile.Length + 40),
        };
        return new GraphSnapshot("v-test-1", "sample \"corpus\"", PredicateVocabulary.BuiltIns, entities, docs, relationships, mentions);
    }
}
