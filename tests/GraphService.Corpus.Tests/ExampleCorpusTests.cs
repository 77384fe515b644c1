using GraphService.Core.Domain;
using GraphService.Testing;

namespace GraphService.Corpus.Tests;

/// <summary>The example corpus of docs/corpus-format.md imports as the document describes.</summary>
public sealed class ExampleCorpusTests
{
    private static readonly string ExampleCorpus = Path.Combine(RepositoryPaths.Docs, "examples", "corpus");

    private static GraphSnapshot Load()
    {
        var result = new CorpusImporter().Load(ExampleCorpus);
        Assert.Empty(result.Problems);
        Assert.True(result.Succeeded);
        return result.Snapshot!;
    }

    private static Relationship Find(GraphSnapshot s, string subject, string type, string obj) =>
        Assert.Single(s.Relationships, r => r.StartId == subject && r.Type == type && r.EndId == obj);

    [Fact]
    public void The_example_corpus_imports_with_the_documented_counts()
    {
        var s = Load();
        Assert.Equal("harbor-example", s.CorpusName);
        Assert.Equal(7, s.Entities.Count);
        Assert.Equal(4, s.Documents.Count);
        Assert.Equal(8, s.Relationships.Count);
        Assert.Equal(8, s.Relationships.SelectMany(r => r.Citations).Select(c => c.Id).Distinct().Count());
        Assert.Equal(PredicateVocabulary.BuiltIns.Count + 1, s.Predicates.Count);
        Assert.Contains(s.Predicates, p => p is { Type: "SUPPLIED", Phrase: "supplied", BuiltIn: false });
        Assert.Matches("^sha256:[0-9a-f]{64}$", s.Version);
    }

    [Fact]
    public void A_quote_across_a_line_break_and_curly_quotes_slices_back_to_the_passage()
    {
        var s = Load();
        var split = Find(s, "new-kestrel-front", "SPLIT_FROM", "kestrel-front");
        var citation = Assert.Single(split.Citations);
        var body = s.Documents.Single(d => d.Id == citation.DocumentId).Body;
        Assert.Equal(
            "Tomas Okoro, who had\nserved in the Kestrel Front since 2012, broke away in March 2019 to form the “New Kestrel Front”",
            body[citation.Start..citation.End]);
        Assert.Equal(body.IndexOf("Tomas Okoro, who had", StringComparison.Ordinal), citation.Start);
    }

    [Fact]
    public void The_same_passage_backing_two_claims_is_one_citation_on_both()
    {
        var s = Load();
        var split = Find(s, "new-kestrel-front", "SPLIT_FROM", "kestrel-front");
        var member = Find(s, "tomas-okoro", "MEMBER_OF", "kestrel-front");
        Assert.Same(Assert.Single(split.Citations), Assert.Single(member.Citations));
        Assert.Equal(new PartialDate(2019, 3), member.Until);
    }

    [Fact]
    public void Corroboration_counts_publishers_and_derives_confidence()
    {
        var s = Load();
        var leads = Find(s, "mara-velden", "LEADS", "kestrel-front");
        Assert.Equal(2, leads.Corroboration);
        Assert.Equal(0.67, leads.Confidence);
        Assert.False(leads.ConfidenceDeclared);
        Assert.False(leads.Contested);
    }

    [Fact]
    public void A_disputing_citation_makes_a_claim_contested_and_lowers_its_confidence()
    {
        var funded = Find(Load(), "kestrel-front", "FUNDED_BY", "lindqvist-trading");
        Assert.True(funded.Contested);
        Assert.Equal(1, funded.Corroboration);
        Assert.Equal(ConfidenceModel.Derive(1, 1), funded.Confidence);
        Assert.Equal([Stance.Supports, Stance.Disputes], funded.Citations.OrderBy(c => c.DocumentId, StringComparer.Ordinal).Select(c => c.Stance));
    }

    [Fact]
    public void A_declared_confidence_replaces_the_derived_one()
    {
        var supplied = Find(Load(), "lindqvist-trading", "SUPPLIED", "new-kestrel-front");
        Assert.Equal(0.4, supplied.Confidence);
        Assert.True(supplied.ConfidenceDeclared);
    }

    [Fact]
    public void Unknown_front_matter_values_become_null()
    {
        var s = Load();
        var note = s.Documents.Single(d => d.Id == "monitor-amsel-talks");
        Assert.Null(note.Published);
        Assert.Null(note.Author);
        Assert.Null(note.Url);
        var profile = s.Documents.Single(d => d.Id == "review-velden-profile");
        Assert.Equal(new PartialDate(2020, 6), profile.Published);
        Assert.Null(profile.Author);
        Assert.StartsWith("Few people in Port Amsel", profile.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_citation_slices_back_to_its_quote_up_to_the_tolerated_differences()
    {
        var s = Load();
        var bodies = s.Documents.ToDictionary(d => d.Id, d => d.Body);
        foreach (var c in s.Relationships.SelectMany(r => r.Citations))
        {
            Assert.True(FoldedText.AreEquivalent(c.Quote, bodies[c.DocumentId][c.Start..c.End]), $"{c.Id}: '{c.Quote}'");
        }
    }

    [Fact]
    public void Mentions_are_found_in_uncited_text_and_prefer_the_longest_name()
    {
        var s = Load();
        var note = s.Documents.Single(d => d.Id == "monitor-amsel-talks");
        var mentions = s.Mentions.Where(m => m.DocumentId == note.Id)
            .Select(m => (m.EntityId, Text: note.Body[m.Start..m.End]))
            .ToList();
        Assert.Contains(("amsel-accord", "Amsel Accord"), mentions);
        Assert.Contains(("new-kestrel-front", "New Kestrel Front"), mentions);
        Assert.Contains(("kestrel-front", "Kestrels"), mentions);
        Assert.DoesNotContain(mentions, m => m.EntityId == "kestrel-front" && m.Text == "Kestrel Front");
        Assert.Equal("Port Amsel", Assert.Single(mentions, m => m.EntityId == "port-amsel").Text);
    }

    [Fact]
    public void Mentions_match_names_in_capitals()
    {
        var s = Load();
        var split = s.Documents.Single(d => d.Id == "gazette-kestrel-split");
        var first = s.Mentions.Where(m => m.DocumentId == split.Id).MinBy(m => m.Start)!;
        Assert.Equal(("port-amsel", "PORT AMSEL"), (first.EntityId, split.Body[first.Start..first.End]));
    }
}
