using GraphService.Core.Domain;
using GraphService.Core.Serialization;
using GraphService.Corpus.Drafting;
using GraphService.Testing;

namespace GraphService.Corpus.Tests.Drafting;

/// <summary>Drafting proposes pairs of known entities with a verbatim quote, a cued predicate and its direction.</summary>
public sealed class ClaimSuggesterTests
{
    private static readonly Entity[] Entities =
    [
        new("bo-ren", EntityType.Person, "Bo Ren", ["Ren"], null),
        new("alpha-group", EntityType.Organization, "Alpha Group", [], null),
        new("beta-state", EntityType.Organization, "Beta", ["Betan"], null),
        new("cy-ma", EntityType.Person, "Cy Ma", [], null),
    ];

    private static DocumentSuggestions Suggest(string body, params (string, string, string)[] existing) =>
        new ClaimSuggester(Entities, existing).Suggest("doc", body, "v");

    [Theory]
    [InlineData("Bo Ren, the leader of the Alpha Group, spoke.", "bo-ren", "LEADS", "alpha-group")]
    [InlineData("The Alpha Group's leader Bo Ren spoke.", "bo-ren", "LEADS", "alpha-group")]
    [InlineData("The Alpha Group was funded by Beta for years.", "alpha-group", "FUNDED_BY", "beta-state")]
    [InlineData("Several Beta-backed militias such as the Alpha Group grew.", "alpha-group", "BACKED_BY", "beta-state")]
    [InlineData("Bo Ren was captured by Beta in 2007.", "bo-ren", "DETAINED_BY", "beta-state")]
    [InlineData("Beta released Bo Ren in 2009.", "bo-ren", "DETAINED_BY", "beta-state")]
    [InlineData("Bo Ren met with Cy Ma on Monday.", "bo-ren", "MET_WITH", "cy-ma")]
    [InlineData("Beta has helped train fighters including in the Alpha Group.", "alpha-group", "TRAINED_BY", "beta-state")]
    public void A_cue_phrase_between_two_mentions_gives_the_predicate_and_its_direction(string body, string subject, string predicate, string obj)
    {
        var claims = Suggest(body).Claims;

        var claim = Assert.Single(claims, c => c.Predicate == predicate);
        Assert.Equal((subject, obj), (claim.Subject, claim.Object));
        Assert.Equal(body, claim.Quote);
        Assert.Equal(body[claim.Start..claim.End], claim.Quote);
        Assert.NotNull(claim.Cue);
    }

    [Fact]
    public void One_cue_can_suggest_several_predicates()
    {
        var claims = Suggest("The Alpha Group received funding, weapons, training, and advice from Beta.").Claims;

        Assert.Equal(["ARMED_BY", "FUNDED_BY", "TRAINED_BY"], claims.Select(c => c.Predicate!).Order(StringComparer.Ordinal));
        Assert.All(claims, c => Assert.Equal(("alpha-group", "beta-state"), (c.Subject, c.Object)));
    }

    [Fact]
    public void Without_a_cue_the_predicate_is_null_and_the_score_is_lower()
    {
        var body = "Bo Ren and Cy Ma were seen in the capital. Bo Ren, the leader of the Alpha Group, spoke.";
        var claims = Suggest(body).Claims;

        var plain = Assert.Single(claims, c => c.Predicate is null);
        Assert.Equal(("bo-ren", "cy-ma"), (plain.Subject, plain.Object));
        Assert.Equal("Bo Ren and Cy Ma were seen in the capital.", plain.Quote);
        Assert.True(plain.Score < claims.Single(c => c.Predicate == "LEADS").Score);
    }

    [Fact]
    public void Entities_in_different_sentences_are_not_paired()
    {
        Assert.Empty(Suggest("Bo Ren spoke at noon. Cy Ma left at once.").Claims);
    }

    [Fact]
    public void A_claim_the_corpus_has_is_marked_existing()
    {
        var claims = Suggest("Bo Ren, the leader of the Alpha Group, met with Cy Ma.", ("bo-ren", "LEADS", "alpha-group")).Claims;

        Assert.True(claims.Single(c => c is { Subject: "bo-ren", Predicate: "LEADS", Object: "alpha-group" }).Existing);
        Assert.False(claims.Single(c => c is { Subject: "bo-ren", Predicate: "MET_WITH", Object: "cy-ma" }).Existing);
    }

    [Fact]
    public void Repeated_names_that_match_no_entity_are_candidate_new_entities()
    {
        var body = "Bo Ren met Dana Holt. Later Dana Holt spoke to the Alpha Group. The Alpha Group said nothing.";

        var entity = Assert.Single(Suggest(body).NewEntities);

        Assert.Equal("Dana Holt", entity.Name);
        Assert.Equal([new SpanView(11, 20), new SpanView(28, 37)], entity.Mentions);
    }

    [Fact]
    public void On_the_sample_corpus_every_quote_is_the_passage_at_its_offsets()
    {
        var snapshot = new CorpusImporter().Load(RepositoryPaths.SampleCorpus).Snapshot!;

        foreach (var document in snapshot.Documents)
        {
            var suggestions = ClaimSuggester.ForSnapshot(snapshot, document);
            Assert.NotEmpty(suggestions.Claims);
            Assert.All(suggestions.Claims, c => Assert.Equal(document.Body[c.Start..c.End], c.Quote));
            Assert.All(suggestions.Claims, c => Assert.InRange(c.Score, 0, 1));
        }
    }

    [Fact]
    public void Drafting_from_the_mentions_an_import_found_suggests_what_drafting_that_finds_them_again_does()
    {
        // A stored document's drafting (the API, the CLI's suggest) takes the mentions the import found; this holds only
        // because the import finds them as drafting would.
        var snapshot = new CorpusImporter().Load(RepositoryPaths.SampleCorpus).Snapshot!;
        var suggester = new ClaimSuggester(snapshot.Entities, snapshot.Relationships.Select(r => (r.StartId, r.Type, r.EndId)));
        var mentionsOf = snapshot.Mentions.ToLookup(m => m.DocumentId, StringComparer.Ordinal);

        foreach (var document in snapshot.Documents)
        {
            var fromStored = suggester.Suggest(document.Id, document.Body, snapshot.Version, [.. mentionsOf[document.Id]]);
            Assert.Equal(GraphJson.Serialize(ClaimSuggester.ForSnapshot(snapshot, document)), GraphJson.Serialize(fromStored));
        }
    }

    [Fact]
    public void The_measured_targets_hold_on_the_sample_and_example_corpora()
    {
        foreach (var corpus in new[] { RepositoryPaths.SampleCorpus, Path.Combine(RepositoryPaths.Docs, "examples", "corpus") })
        {
            var f = DraftingEvaluation.Evaluate(corpus, new CorpusImporter(), CancellationToken.None);

            Assert.True(f.PairRecall >= 0.8, $"{f.Corpus}: pair recall {f.PairRecall:P0}");
            Assert.True(f.PredicateRecall >= 0.5, $"{f.Corpus}: predicate recall {f.PredicateRecall:P0}");
            Assert.True(f.TopPrecision >= 0.5, $"{f.Corpus}: top-N precision {f.TopPrecision:P0}");
            Assert.True(f.SuggestionsPerClaim <= 5, $"{f.Corpus}: {f.SuggestionsPerClaim:0.00} suggestions per curated claim");
        }
    }
}
