using System.Text;
using GraphService.Core.Queries;
using GraphService.Testing;
using Xunit;

namespace GraphService.Storage.Sqlite.Tests;

/// <summary>What the sample corpus promises its readers, checked on the embedded store.</summary>
public sealed class SampleCorpusSpec(SampleStore sample) : IClassFixture<SampleStore>
{
    public static TheoryData<string, string> SpellingsInTheDocuments => new()
    {
        { "Khalazi", "qais-al-khazali" },
        { "Khazali", "qais-al-khazali" },
        { "AL KHAZALI", "qais-al-khazali" },
        { "QasemSuleimani", "qasem-soleimani" },
        { "Suleimani", "qasem-soleimani" },
        { "Qasem Soleimani", "qasem-soleimani" },
        { "AsaibAhl al-Haq", "asaib-ahl-al-haq" },
        { "Asaib Ahl al Haq", "asaib-ahl-al-haq" },
        { "AAH", "asaib-ahl-al-haq" },
        { "Hizballah", "hezbollah" },
        { "Lebanese Hezbollah", "hezbollah" },
        { "Moqtada", "muqtada-al-sadr" },
        { "Muqtada", "muqtada-al-sadr" },
        { "Mr Ameri", "hadi-al-ameri" },
        { "al-Ameri", "hadi-al-ameri" },
        { "Badr organization", "badr-organization" },
        { "Quds Force", "quds-force" },
    };

    [Theory]
    [MemberData(nameof(SpellingsInTheDocuments))]
    public async Task Every_spelling_the_documents_use_resolves_to_its_entity(string text, string id)
    {
        var resolution = await sample.Store.ResolveAsync(text, CancellationToken.None);

        var resolved = Assert.IsType<Resolution.Resolved>(resolution);
        Assert.Equal(id, resolved.Entity.Id);
    }

    [Theory]
    [InlineData("qais-al-khazali", "muqtada-al-sadr")]
    [InlineData("qais-al-khazali", "qasem-soleimani")]
    [InlineData("qais-al-khazali", "hadi-al-ameri")]
    [InlineData("muqtada-al-sadr", "qasem-soleimani")]
    [InlineData("muqtada-al-sadr", "hadi-al-ameri")]
    [InlineData("qasem-soleimani", "hadi-al-ameri")]
    public async Task The_four_named_people_are_connected_within_four_hops_by_cited_links(string from, string to)
    {
        var result = await sample.Store.FindPathsAsync(new PathQuery(from, to) { MaxHops = 4 }, CancellationToken.None);

        Assert.NotNull(result);
        Assert.NotEmpty(result.Paths);
        Assert.All(result.Paths, path =>
        {
            Assert.InRange(path.Length, 1, 4);
            Assert.Equal(from, path.Nodes[0].Id);
            Assert.Equal(to, path.Nodes[^1].Id);
            Assert.All(path.Relationships, r => Assert.Contains(r.Citations, c => c.Stance == Core.Domain.Stance.Supports));
        });
    }

    [Fact]
    public void Every_citation_slices_back_to_its_quote_in_its_document()
    {
        var bodies = sample.Snapshot.Documents.ToDictionary(d => d.Id, d => d.Body);
        var citations = sample.Snapshot.Relationships.SelectMany(r => r.Citations).ToList();

        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.Equal(Comparable(c.Quote), Comparable(bodies[c.DocumentId][c.Start..c.End])));
    }

    [Fact]
    public void Every_document_is_cited_and_the_corpus_meets_its_minimum_size()
    {
        var cited = sample.Snapshot.Relationships.SelectMany(r => r.Citations).Select(c => c.DocumentId).ToHashSet();

        Assert.All(sample.Snapshot.Documents, d => Assert.Contains(d.Id, cited));
        Assert.True(sample.Snapshot.Entities.Count >= 20, $"{sample.Snapshot.Entities.Count} entities");
        Assert.True(sample.Snapshot.Relationships.Count >= 30, $"{sample.Snapshot.Relationships.Count} claims");
    }

    /// <summary>The differences a quote may have from its passage: whitespace, quote marks, apostrophes, dashes.</summary>
    private static string Comparable(string text)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(ch switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
                '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
                '\u2013' or '\u2014' or '\u2011' or '\u2212' => '-',
                _ => ch,
            });
        }

        return sb.ToString();
    }
}
