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
}
