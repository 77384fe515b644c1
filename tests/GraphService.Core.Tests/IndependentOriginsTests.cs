using GraphService.Core.Domain;

namespace GraphService.Core.Tests.Domain;

/// <summary>Independent origins: documents connected by publisher or derivation count once (docs/corpus-format.md, Corroboration).</summary>
public sealed class IndependentOriginsTests
{
    private static IndependentOrigins Of(params DocumentOrigin[] documents) => IndependentOrigins.Of(documents);

    private static DocumentOrigin Doc(string id, string publisher, params string[] derivedFrom) => new(id, publisher, derivedFrom);

    [Fact]
    public void Documents_of_different_publishers_that_declare_nothing_are_independent()
    {
        var origins = Of(Doc("a", "Alpha"), Doc("b", "Beta"), Doc("c", "Gamma"));

        Assert.Equal(3, origins.Count(["a", "b", "c"]));
        Assert.False(origins.Share("a", "b"));
    }

    [Fact]
    public void Documents_of_one_publisher_share_an_origin_whatever_the_case_of_its_name()
    {
        var origins = Of(Doc("a", "The Gazette"), Doc("b", "the gazette "), Doc("c", "Beta"));

        Assert.Equal(2, origins.Count(["a", "b", "c"]));
        Assert.True(origins.Share("a", "b"));
    }

    [Fact]
    public void A_document_derived_from_another_shares_its_origin()
    {
        var origins = Of(Doc("a", "Alpha"), Doc("b", "Beta", "a"));

        Assert.Equal(1, origins.Count(["a", "b"]));
    }

    [Fact]
    public void Derivation_is_transitive_even_when_the_middle_document_is_not_cited()
    {
        var origins = Of(Doc("a", "Alpha"), Doc("b", "Beta", "a"), Doc("c", "Gamma", "b"), Doc("d", "Delta"));

        Assert.Equal(1, origins.Count(["a", "c"]));
        Assert.Equal(2, origins.Count(["c", "d"]));
    }

    [Fact]
    public void A_cycle_of_derivations_is_one_origin()
    {
        var origins = Of(Doc("a", "Alpha", "c"), Doc("b", "Beta", "a"), Doc("c", "Gamma", "b"), Doc("d", "Delta", "d-source"));

        Assert.Equal(1, origins.Count(["a", "b", "c"]));
        Assert.Equal(2, origins.Count(["a", "b", "c", "d"]));
    }

    [Fact]
    public void Documents_naming_the_same_origin_key_share_it_ignoring_case_and_spacing()
    {
        var origins = Of(
            Doc("a", "Alpha", "CENTCOM interrogation reports"),
            Doc("b", "Beta", "centcom  interrogation\treports"),
            Doc("c", "Gamma", "Another Key"));

        Assert.Equal(2, origins.Count(["a", "b", "c"]));
        Assert.True(origins.Share("a", "b"));
    }

    [Fact]
    public void Ids_and_origin_keys_are_told_apart_by_their_form()
    {
        Assert.True(IndependentOrigins.IsDocumentReference("wapo-khazali-interrogations"));
        Assert.True(IndependentOrigins.IsDocumentReference(" report-2 "));
        Assert.False(IndependentOrigins.IsDocumentReference("CENTCOM reports"));
        Assert.False(IndependentOrigins.IsDocumentReference("interrogation reports"));
        Assert.False(IndependentOrigins.IsDocumentReference("Reuters"));

        // A lowercase word is an id: written so, an origin key would be taken for a document of the corpus.
        Assert.True(IndependentOrigins.IsDocumentReference("reuters"));
    }

    [Fact]
    public void Origins_are_never_more_than_publishers()
    {
        var documents = new[]
        {
            Doc("a", "Alpha", "Shared Key"), Doc("b", "Beta", "a"), Doc("c", "alpha"), Doc("d", "Delta", "shared  key"), Doc("e", "Epsilon"),
        };
        var origins = Of(documents);
        var ids = documents.Select(d => d.DocumentId).ToList();

        Assert.Equal(2, origins.Count(ids));
        Assert.True(origins.Count(ids) <= documents.Select(d => d.Publisher.ToUpperInvariant()).Distinct().Count());
    }

    [Fact]
    public void Derived_confidence_follows_the_independent_origins()
    {
        Assert.Equal(0.5, ConfidenceModel.Derive(1, 0));
        Assert.Equal(0.67, ConfidenceModel.Derive(2, 0));
        Assert.Equal(0.78, ConfidenceModel.Derive(3, 0));
    }
}
