using GraphService.Core.Queries;
using GraphService.Core.Traversal;
using GraphService.Testing.Conformance;
using Xunit;

namespace GraphService.Core.Tests.Traversal;

public sealed class AliasIndexTests
{
    private static readonly AliasIndex Aliases = AliasIndex.Build(TraversalIndex.FromSnapshot(ConformanceGraph.Snapshot));

    [Theory]
    [InlineData("Ḥadi al-Āmeri", ConformanceGraph.Ameri)]
    [InlineData("JOSÉ MUÑOZ", ConformanceGraph.Munoz)]
    [InlineData("kata-ib hezbollah", ConformanceGraph.Kh)]
    public void Resolves_through_diacritics_and_punctuation(string text, string id)
    {
        Assert.Equal(id, Assert.IsType<Resolution.Resolved>(Aliases.Resolve(text)).Entity.Id);
    }

    [Fact]
    public void Suggestions_are_capped_at_five_and_ranked_by_similarity()
    {
        var notFound = Assert.IsType<Resolution.NotFound>(Aliases.Resolve("Abu Alii"));

        Assert.Equal([ConformanceGraph.AbuAliNorth, ConformanceGraph.AbuAliSouth], notFound.Suggestions.Take(2).Select(s => s.Id));
        Assert.InRange(notFound.Suggestions.Count, 2, AliasIndex.MaxSuggestions);
    }

    [Fact]
    public void Search_skips_entities_below_the_threshold()
    {
        var hits = Aliases.Search(new EntitySearch("quds"));

        Assert.Equal([ConformanceGraph.QudsForce], hits.Select(h => h.Id));
        Assert.Equal("Quds Force", hits[0].MatchedText);
    }
}
