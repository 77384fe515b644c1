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

    [Theory]
    [InlineData("Abu Ali", true)] // shared by two entities
    [InlineData("Hadi al-Ameri", true)]
    [InlineData("abu-ali-north", false)] // an id whose key no name or alias has
    [InlineData("Abu", false)]
    public void Names_an_entity_by_a_name_or_alias_key_and_never_by_an_id_alone(string text, bool named)
    {
        Assert.Equal(named, Aliases.NamesAnEntity(NameKey.Normalize(text)));
    }

    [Fact]
    public void Names_an_entity_exactly_when_some_name_or_alias_has_the_key()
    {
        var entities = ConformanceGraph.Snapshot.Entities;
        var keys = entities.SelectMany(e => e.Aliases.Prepend(e.Name)).Select(NameKey.Normalize).ToHashSet(StringComparer.Ordinal);
        var asked = keys.Concat(entities.Select(e => NameKey.Normalize(e.Id))).Concat(keys.Select(k => k + " x")).Distinct();

        Assert.All(asked, key => Assert.Equal(keys.Contains(key), Aliases.NamesAnEntity(key)));
    }

    [Fact]
    public void Search_skips_entities_below_the_threshold()
    {
        var hits = Aliases.Search(new EntitySearch("quds"));

        Assert.Equal([ConformanceGraph.QudsForce], hits.Select(h => h.Id));
        Assert.Equal("Quds Force", hits[0].MatchedText);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Search_finds_exactly_the_entities_whose_best_name_scores_at_least_the_threshold_with_that_score(int seed)
    {
        // Names from few syllables, so that many are near one another and many are not; queries are names with an edit or two.
        var random = new Random(seed);
        string[] syllables = ["ra", "an", "ves", "mi", "ka", "za", "li", "ha", "dr", "ü", "el", "o"];
        string Name() => string.Concat(Enumerable.Range(0, random.Next(2, 7)).Select(_ => syllables[random.Next(syllables.Length)]));
        var entities = Enumerable.Range(0, 150)
            .Select(i => ($"e{i:D3}", Name(), GraphService.Core.Domain.EntityType.Person, (IReadOnlyList<string>)(random.Next(3) == 0 ? [Name()] : [])))
            .ToList();
        var index = AliasIndex.Build(entities);

        for (var q = 0; q < 40; q++)
        {
            var name = entities[random.Next(entities.Count)].Item2;
            var query = random.Next(2) == 0 ? name[..Math.Max(1, name.Length - random.Next(3))] : name.Insert(random.Next(name.Length), syllables[random.Next(syllables.Length)]);
            var (normalized, withoutArticles) = (NameKey.Normalize(query), NameKey.WithoutArticles(query));
            var expected = entities
                .Select(e => (Id: e.Item1, Score: new[] { e.Item2 }.Concat(e.Item4).Max(n => Math.Max(
                    NameSimilarity.Score(normalized, NameKey.Normalize(n)), NameSimilarity.Score(withoutArticles, NameKey.WithoutArticles(n))))))
                .Where(e => e.Score >= AliasIndex.MatchThreshold)
                .ToDictionary(e => e.Id, e => Math.Round(e.Score, 4));

            var hits = index.Search(new EntitySearch(query) { Limit = QueryLimits.SearchLimit.Max });

            Assert.Equal(Math.Min(expected.Count, QueryLimits.SearchLimit.Max), hits.Count);
            Assert.All(hits, h => Assert.Equal(expected[h.Id], h.Score));
        }
    }

    [Fact]
    public void A_page_past_every_hit_is_empty_even_at_the_largest_offset()
    {
        var index = AliasIndex.Build([("e1", "Anan", GraphService.Core.Domain.EntityType.Person, (IReadOnlyList<string>)[]), ("e2", "Anra", GraphService.Core.Domain.EntityType.Person, [])]);

        Assert.Equal(["e1"], index.Search(new EntitySearch("a") { Limit = 1 }).Select(h => h.Id));
        Assert.Empty(index.Search(new EntitySearch("a") { Limit = 100, Offset = 2 }));
        Assert.Empty(index.Search(new EntitySearch("a") { Limit = 100, Offset = int.MaxValue }));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_page_of_search_hits_is_that_page_of_every_hit_in_order_of_score_then_name(int seed)
    {
        // Short texts and names from few syllables: most names contain the text, so a page is a few of many hits. Some
        // names begin with the article, so that a name's two key forms differ.
        var random = new Random(seed);
        string[] syllables = ["ra", "an", "ves", "mi", "ka", "za"];
        string Name() => (random.Next(4) == 0 ? "al-" : "") + string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => syllables[random.Next(syllables.Length)]));
        var types = new[] { GraphService.Core.Domain.EntityType.Person, GraphService.Core.Domain.EntityType.Organization };
        var entities = Enumerable.Range(0, 300)
            .Select(i => ($"e{i:D3}", Name(), types[random.Next(2)], (IReadOnlyList<string>)(random.Next(3) == 0 ? [Name()] : [])))
            .ToList();
        var index = AliasIndex.Build(entities);

        for (var q = 0; q < 60; q++)
        {
            var text = random.Next(3) == 0 ? syllables[random.Next(syllables.Length)][..1] : syllables[random.Next(syllables.Length)];
            var type = random.Next(3) == 0 ? types[random.Next(2)] : (GraphService.Core.Domain.EntityType?)null;
            var (limit, offset) = (random.Next(1, 6), random.Next(0, 40));
            var (normalized, withoutArticles) = (NameKey.Normalize(text), NameKey.WithoutArticles(text));
            double ScoreOf(string written) => Math.Max(
                NameSimilarity.Score(normalized, NameKey.Normalize(written)), NameSimilarity.Score(withoutArticles, NameKey.WithoutArticles(written)));
            var hits = entities
                .Where(e => type is null || e.Item3 == type)
                .Select(e => new[] { e.Item2 }.Concat(e.Item4).ToArray() is var written && written.Max(ScoreOf) is var best
                    ? (Id: e.Item1, Name: e.Item2, Score: best, Matched: written.First(w => ScoreOf(w) == best))
                    : default)
                .Where(e => e.Score >= AliasIndex.MatchThreshold)
                .ToList();
            var expected = hits
                .OrderByDescending(h => h.Score)
                .ThenBy(h => h.Name, StringComparer.Ordinal)
                .ThenBy(h => h.Id, StringComparer.Ordinal)
                .Skip(offset)
                .Take(limit)
                .Select(h => (h.Id, Math.Round(h.Score, 4), h.Matched));

            var page = index.Search(new EntitySearch(text) { Type = type, Limit = limit, Offset = offset });

            // The hit names the entity's first name or alias that scores best.
            Assert.Equal(expected, page.Select(h => (h.Id, h.Score, h.MatchedText)));
            Assert.True(hits.Count > limit, $"'{text}' has {hits.Count} hits, no more than a page");
        }
    }
}
