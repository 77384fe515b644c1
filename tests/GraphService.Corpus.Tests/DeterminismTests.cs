using GraphService.Core.Serialization;
using GraphService.Testing;

namespace GraphService.Corpus.Tests;

public sealed class DeterminismTests
{
    private static readonly string ExampleCorpus = Path.Combine(RepositoryPaths.Docs, "examples", "corpus");

    // The serialisation StableIds documents for the version: compact, enums by name.
    private static readonly System.Text.Json.JsonSerializerOptions CanonicalJson = new()
    {
        WriteIndented = false,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Fact]
    public void Loading_the_same_corpus_twice_gives_the_same_snapshot_and_version()
    {
        var first = new CorpusImporter().Load(ExampleCorpus).Snapshot!;
        var second = new CorpusImporter().Load(ExampleCorpus).Snapshot!;
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(GraphJson.Serialize(first), GraphJson.Serialize(second));
    }

    [Fact]
    public void The_version_hashes_the_snapshot_whatever_kind_of_list_holds_its_relationships_and_citations()
    {
        // The builder hands arrays over; a snapshot read back from a store holds lists. Both must hash alike, or a store
        // would take an unchanged corpus for a new graph.
        var s = new CorpusImporter().Load(ExampleCorpus).Snapshot!;
        var asLists = s with
        {
            Version = string.Empty,
            Relationships = s.Relationships.Select(r => r with { Citations = r.Citations.ToList() }).ToList(),
            Mentions = s.Mentions.ToArray(),
        };

        Assert.Equal(s.Version, StableIds.VersionOf(asLists));
        Assert.StartsWith("sha256:", s.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_is_the_SHA256_of_the_snapshot_as_JsonSerializer_writes_it_with_an_empty_version()
    {
        // The version is hashed from items serialised a batch at a time on every core; it must stay the hash of the one
        // serialisation of the whole snapshot, or every store would take an unchanged corpus for a new graph. Lists
        // longer than a batch, text that is escaped (quotes, non-ASCII, control characters), nulls and enums.
        var s = new CorpusImporter().Load(ExampleCorpus).Snapshot!;
        var many = Enumerable.Range(0, 9_000).ToList();
        var large = s with
        {
            CorpusName = "Kör \"quoted\" <name>",
            Entities = many.Select(i => s.Entities[i % s.Entities.Count] with { Id = $"e-{i}", Description = i % 3 == 0 ? null : $"é\u0001 \"{i}\"" }).ToList(),
            Relationships = many.Select(i => s.Relationships[i % s.Relationships.Count] with { Id = $"r-{i:D6}" }).ToArray(),
            Mentions = many.Select(i => s.Mentions[i % s.Mentions.Count] with { Start = i }).ToList(),
        };

        foreach (var snapshot in new[] { s, large, s with { Predicates = [], Entities = [], Documents = [], Relationships = [], Mentions = [] } })
        {
            var whole = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(snapshot with { Version = string.Empty }, CanonicalJson);
            var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(whole));
            Assert.Equal(expected, StableIds.VersionOf(snapshot));
        }
    }

    [Fact]
    public void Ids_have_their_documented_shape_and_content()
    {
        var s = new CorpusImporter().Load(ExampleCorpus).Snapshot!;
        Assert.All(s.Relationships, r => Assert.Matches("^r-[0-9a-f]{16}$", r.Id));
        Assert.All(s.Relationships.SelectMany(r => r.Citations), c => Assert.Matches("^c-[0-9a-f]{16}$", c.Id));
        var r = s.Relationships.Single(r => r.Type == "LEADS" && r.StartId == "mara-velden");
        Assert.Equal(StableIds.RelationshipId("mara-velden", "LEADS", "kestrel-front"), r.Id);
        var c = r.Citations[0];
        Assert.Equal(StableIds.CitationId(c.DocumentId, c.Start, c.End, c.Stance), c.Id);
    }

    [Fact]
    public void Changing_one_quote_changes_the_version_but_not_the_relationship_id()
    {
        using var temp = new TempDirectory();
        var copy = temp.CopyFrom(ExampleCorpus, "corpus");
        var before = new CorpusImporter().Load(copy).Snapshot!;

        var claims = Path.Combine(copy, "claims.yaml");
        File.WriteAllText(claims, File.ReadAllText(claims).Replace(
            "quote: \"Mara Velden, who has led the Kestrel Front since 2015\"",
            "quote: \"Mara Velden, who has led the Kestrel Front since 2015, called the move a betrayal\"",
            StringComparison.Ordinal));
        var after = new CorpusImporter().Load(copy);

        Assert.Empty(after.Problems);
        Assert.NotEqual(before.Version, after.Snapshot!.Version);
        Assert.Equal(before.Relationships.Select(r => r.Id), after.Snapshot.Relationships.Select(r => r.Id));
    }

    [Fact]
    public void The_order_of_entities_in_the_file_does_not_change_the_version()
    {
        using var corpus = new CorpusFolder();
        var before = corpus.Load().Snapshot!.Version;
        corpus.Write("entities.yaml", "- id: bo-ren\n  type: Person\n  name: Bo Ren\n- id: alpha-group\n  type: Organization\n  name: Alpha Group\n  aliases: [Alpha]\n");
        Assert.Equal(before, corpus.Load().Snapshot!.Version);
    }

    [Theory]
    [InlineData("mara-velden", "LEADS", "kestrel-front")]
    [InlineData("café-ü", "ALLIED_WITH", "日本-group")]
    [InlineData("a", "B", "c")]
    public void A_relationship_id_is_r_and_the_first_16_hex_digits_of_the_SHA256_of_its_fields_joined_by_unit_separators(string subject, string predicate, string obj)
    {
        Assert.Equal("r-" + DocumentedHash($"{subject}\u001F{predicate}\u001F{obj}"), StableIds.RelationshipId(subject, predicate, obj));
    }

    [Fact]
    public void A_citation_id_is_c_and_the_first_16_hex_digits_of_the_SHA256_of_document_span_and_stance_joined_by_unit_separators()
    {
        Assert.Equal("c-" + DocumentedHash("report-1\u001F0\u001F42\u001Fsupports"), StableIds.CitationId("report-1", 0, 42, Core.Domain.Stance.Supports));
        Assert.Equal("c-" + DocumentedHash("r\u001F7\u001F1234567\u001Fdisputes"), StableIds.CitationId("r", 7, 1234567, Core.Domain.Stance.Disputes));

        // Past the 512 bytes hashed on the stack.
        var longId = string.Concat(Enumerable.Repeat("ä-", 300));
        Assert.Equal("c-" + DocumentedHash($"{longId}\u001F3\u001F9\u001Fsupports"), StableIds.CitationId(longId, 3, 9, Core.Domain.Stance.Supports));
        Assert.Equal("r-" + DocumentedHash($"{longId}\u001FP\u001F{longId}"), StableIds.RelationshipId(longId, "P", longId));
    }

    private static string DocumentedHash(string joined) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(joined)))[..16];
}
