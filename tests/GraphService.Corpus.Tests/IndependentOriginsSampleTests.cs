using GraphService.Core.Domain;
using GraphService.Testing;

namespace GraphService.Corpus.Tests;

/// <summary>
/// Corroboration counts independent origins (docs/corpus-format.md): on the sample corpus, and on small corpora that
/// declare <c>derived_from</c>, with the problems a wrong declaration gives.
/// </summary>
public sealed class IndependentOriginsSampleTests
{
    private static Relationship Find(GraphSnapshot s, string subject, string type, string obj) =>
        Assert.Single(s.Relationships, r => r.StartId == subject && r.Type == type && r.EndId == obj);

    [Fact]
    public void Khazalis_detention_rests_on_one_origin_though_three_publishers_report_it()
    {
        var s = new CorpusImporter().Load(RepositoryPaths.SampleCorpus).Snapshot!;
        var detained = Find(s, "qais-al-khazali", "DETAINED_BY", "united-states");

        Assert.Equal(3, detained.Publishers);
        Assert.Equal(1, detained.Corroboration);
        Assert.Equal(ConfidenceModel.Derive(1, 0), detained.Confidence);
    }

    [Fact]
    public void In_the_sample_corpus_origins_never_exceed_publishers()
    {
        var s = new CorpusImporter().Load(RepositoryPaths.SampleCorpus).Snapshot!;

        Assert.All(s.Relationships, r => Assert.InRange(r.Corroboration, 1, r.Publishers));
        Assert.Contains(s.Relationships, r => r.Corroboration < r.Publishers);
    }

    [Fact]
    public void A_claim_cited_from_a_document_and_one_derived_from_it_has_two_publishers_and_one_origin()
    {
        using var dir = new TempDirectory();
        var corpus = DerivedCorpus(dir, "derived_from: [wire-report]");

        var result = new CorpusImporter().Load(corpus);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var leads = Find(result.Snapshot!, "bo-ren", "LEADS", "alpha-group");
        Assert.Equal(2, leads.Publishers);
        Assert.Equal(1, leads.Corroboration);
        Assert.Equal(0.5, leads.Confidence);
    }

    [Fact]
    public void Without_derived_from_the_same_claim_has_two_origins()
    {
        using var dir = new TempDirectory();
        var corpus = DerivedCorpus(dir, string.Empty);

        var leads = Find(new CorpusImporter().Load(corpus).Snapshot!, "bo-ren", "LEADS", "alpha-group");

        Assert.Equal(2, leads.Publishers);
        Assert.Equal(2, leads.Corroboration);
        Assert.Equal(0.67, leads.Confidence);
    }

    [Fact]
    public void Derived_from_naming_a_missing_document_is_a_problem_on_its_line()
    {
        using var dir = new TempDirectory();
        var corpus = DerivedCorpus(dir, "derived_from: [wire-reprot]");

        var result = new CorpusImporter().Load(corpus);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("corpus/documents/paper-story.md:5: 'derived_from' names a missing document 'wire-reprot': there is no documents/wire-reprot.md (write an origin key that is not an id, such as \"AEI interrogation reports\", for a source outside the corpus)", problem.ToString());
    }

    [Fact]
    public void Derived_from_naming_the_document_itself_is_a_problem()
    {
        using var dir = new TempDirectory();
        var corpus = DerivedCorpus(dir, "derived_from: [paper-story]");

        var problem = Assert.Single(new CorpusImporter().Load(corpus).Problems);
        Assert.Equal("corpus/documents/paper-story.md:5: 'derived_from' names the document itself ('paper-story')", problem.ToString());
    }

    [Fact]
    public void A_shared_origin_key_joins_two_documents()
    {
        using var dir = new TempDirectory();
        var corpus = DerivedCorpus(dir, "derived_from: [\"Ministry press release\"]", wireDerivedFrom: "derived_from: [\"ministry  PRESS release\"]");

        var leads = Find(new CorpusImporter().Load(corpus).Snapshot!, "bo-ren", "LEADS", "alpha-group");

        Assert.Equal(1, leads.Corroboration);
    }

    /// <summary>Two documents of two publishers stating one claim; <paramref name="derivedFrom"/> is line 5 of the second's front matter.</summary>
    private static string DerivedCorpus(TempDirectory dir, string derivedFrom, string wireDerivedFrom = "")
    {
        var corpus = Path.Combine(dir.Path, "corpus");
        Directory.CreateDirectory(Path.Combine(corpus, "documents"));
        File.WriteAllText(Path.Combine(corpus, "entities.yaml"), """
            - id: bo-ren
              type: Person
              name: Bo Ren
            - id: alpha-group
              type: Organization
              name: Alpha Group
            """);
        File.WriteAllText(Path.Combine(corpus, "claims.yaml"), """
            - subject: bo-ren
              predicate: LEADS
              object: alpha-group
              evidence:
                - doc: wire-report
                  quote: "Bo Ren leads the Alpha Group"
                - doc: paper-story
                  quote: "Bo Ren, who leads the Alpha Group"
            """);
        File.WriteAllText(Path.Combine(corpus, "documents", "wire-report.md"), $"---\ntitle: Wire\npublisher: Wire Agency\npublished: 2020\n{wireDerivedFrom}\n---\nBo Ren leads the Alpha Group.\n");
        File.WriteAllText(Path.Combine(corpus, "documents", "paper-story.md"), $"---\ntitle: Paper\npublisher: Daily Paper\npublished: 2020\n{derivedFrom}\n---\nToday Bo Ren, who leads the Alpha Group, spoke.\n");
        return corpus;
    }
}
