using GraphService.Core.Domain;
using GraphService.Testing;

namespace GraphService.Corpus.Tests;

/// <summary>The sample corpus shipped in data/corpus is sound and fully used.</summary>
public sealed class SampleCorpusTests
{
    private static CorpusLoadResult Load() => new CorpusImporter().Load(RepositoryPaths.SampleCorpus);

    [Fact]
    public void The_sample_corpus_loads_without_problems()
    {
        var result = Load();
        Assert.True(result.Problems.Count == 0, string.Join(Environment.NewLine, result.Problems));
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void The_sample_corpus_has_at_least_20_entities_and_30_claims()
    {
        var s = Load().Snapshot!;
        Assert.True(s.Entities.Count >= 20, $"{s.Entities.Count} entities");
        Assert.True(s.Relationships.Count >= 30, $"{s.Relationships.Count} claims");
    }

    [Fact]
    public void Every_sample_document_is_cited()
    {
        var s = Load().Snapshot!;
        var cited = s.Relationships.SelectMany(r => r.Citations).Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(s.Documents, d => !cited.Contains(d.Id));
    }

    [Fact]
    public void Every_sample_citation_slices_back_to_its_quote()
    {
        var s = Load().Snapshot!;
        var bodies = s.Documents.ToDictionary(d => d.Id, d => d.Body);
        var citations = s.Relationships.SelectMany(r => r.Citations).ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.True(
            FoldedText.AreEquivalent(c.Quote, bodies[c.DocumentId][c.Start..c.End]),
            $"{c.Id} in {c.DocumentId}: '{c.Quote}'"));
    }

    [Fact]
    public void Every_sample_entity_is_mentioned_or_related()
    {
        var s = Load().Snapshot!;
        var used = s.Mentions.Select(m => m.EntityId)
            .Concat(s.Relationships.SelectMany(r => new[] { r.StartId, r.EndId }))
            .ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(s.Entities, e => !used.Contains(e.Id));
        Assert.All(s.Relationships, r => Assert.True(PredicateVocabulary.IsWellFormedType(r.Type)));
    }

    /// <summary>
    /// A quote "names both ends" when the entity mentions the importer finds inside the cited passage include the
    /// claim's subject and its object (by name or alias). A quote that only says "he …" does not.
    /// </summary>
    [Fact]
    public void At_least_90_percent_of_sample_claims_have_a_quote_naming_both_ends()
    {
        var s = Load().Snapshot!;
        var mentionsByDocument = s.Mentions.ToLookup(m => m.DocumentId, StringComparer.Ordinal);
        bool Names(Citation c, string entityId) =>
            mentionsByDocument[c.DocumentId].Any(m => m.EntityId == entityId && m.Start >= c.Start && m.End <= c.End);

        var without = s.Relationships
            .Where(r => !r.Citations.Any(c => c.Stance == Stance.Supports && Names(c, r.StartId) && Names(c, r.EndId)))
            .Select(r => $"{r.StartId} {r.Type} {r.EndId}")
            .ToList();
        var share = 1.0 - ((double)without.Count / s.Relationships.Count);

        Console.WriteLine($"{s.Relationships.Count - without.Count} of {s.Relationships.Count} claims ({share:P1}) have a quote naming both ends; not: {string.Join("; ", without)}");
        Assert.True(share >= 0.9, $"{share:P1}; claims without such a quote: {string.Join("; ", without)}");
    }
}
