using System.Globalization;
using System.Text;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Testing;

/// <summary>
/// A generated graph of any size, for crash and load tests: entities e00000…, relationships that link each entity to a
/// few others (seeded), each backed by one quote in one of the documents, and a mention of both ends. The variant (a
/// short text) goes into the version, the confidences, the quotes and the entity count, so an answer tells which
/// variant it came from and two variants never mix unnoticed.
/// </summary>
public static class SyntheticGraph
{
    /// <summary>The entities every variant has, whatever its size, for queries that must have an answer.</summary>
    public static readonly string[] Probes = ["e00000", "e00001", "e00002", "e00003"];

    public static GraphSnapshot Build(string variant, int entities, int relationshipsPerEntity = 3, int documents = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entities, 8);
        var random = new Random(entities * 31 + relationshipsPerEntity);
        // The variant decides how many extra entities there are, so each variant's counts differ.
        var count = entities + (variant.Length % 7) + 1;
        var confidence = 0.5 + ((uint)StableHash(variant) % 40) / 100.0;
        var entityList = Enumerable.Range(0, count)
            .Select(i => new Entity(Id(i), i % 5 == 0 ? EntityType.Organization : EntityType.Person, $"Entity {i:D5}", [$"E{i}"], null))
            .ToList();
        var bodies = Enumerable.Range(0, documents).Select(_ => new StringBuilder()).ToArray();
        var mentions = new List<Mention>();
        var relationships = new List<Relationship>();
        string[] types = ["MEMBER_OF", "LEADS", "FUNDED_BY", "MET_WITH"];
        for (var i = 0; i < count; i++)
        {
            for (var k = 0; k < relationshipsPerEntity; k++)
            {
                // A chain through the probes keeps them connected; the rest links to random entities.
                var j = k == 0 ? (i + 1) % count : random.Next(count);
                if (j == i)
                {
                    continue;
                }

                var id = $"r{i:D5}-{k}";
                var d = (i + k) % documents;
                var body = bodies[d];
                var quote = $"{entityList[i].Name} and {entityList[j].Name} are linked ({id}, {variant}).";
                var start = body.Length;
                body.Append(quote).Append(' ');
                mentions.Add(new Mention(entityList[i].Id, DocumentId(d), start, start + entityList[i].Name.Length));
                var at = start + entityList[i].Name.Length + 5;
                mentions.Add(new Mention(entityList[j].Id, DocumentId(d), at, at + entityList[j].Name.Length));
                var citation = new Citation($"c-{id}", DocumentId(d), quote, start, start + quote.Length, Stance.Supports);
                relationships.Add(new Relationship(
                    id, types[(i + k) % types.Length], entityList[i].Id, entityList[j].Id, null, null,
                    Math.Round(confidence + k / 100.0, 2), true, 1 + (k % 3), false, [citation]));
            }
        }

        var documentList = Enumerable.Range(0, documents)
            .Select(d => new SourceDocument(DocumentId(d), $"Document {d}", "Synthetic Wire", null, new PartialDate(2020), null, "en", bodies[d].ToString()))
            .ToList();
        return new GraphSnapshot(
            $"synthetic-{variant}-{entities}",
            "synthetic",
            PredicateVocabulary.Default.All,
            entityList,
            documentList,
            relationships,
            mentions);
    }

    public static string Id(int i) => $"e{i.ToString("D5", CultureInfo.InvariantCulture)}";

    public static string DocumentId(int d) => $"doc-{d.ToString("D3", CultureInfo.InvariantCulture)}";

    private static int StableHash(string text)
    {
        var h = 17;
        foreach (var c in text)
        {
            h = unchecked((h * 31) + c);
        }

        return h;
    }
}
