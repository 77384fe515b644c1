using GraphService.Core.Domain;

namespace GraphService.Benchmarks.Embedded;

/// <summary>
/// A seeded random graph shaped like a real one where it matters for traversal: a few hubs take a tenth of all
/// relationship ends, the rest spread evenly; every relationship has one citation in one of many documents.
/// </summary>
internal static class SyntheticGraph
{
    private static readonly string[] Syllables = ["al", "ba", "dar", "hak", "im", "ja", "ka", "lu", "ma", "nur", "qa", "ra", "sa", "ta", "um", "wa", "ya", "za"];

    public const int HubCount = 5;

    public static string EntityId(int i) => $"e{i:D7}";

    public static GraphSnapshot Generate(int entityCount, int relationshipCount, int seed)
    {
        var random = new Random(seed);
        var entities = new Entity[entityCount];
        for (var i = 0; i < entityCount; i++)
        {
            var name = $"{Word(random)} {Word(random)} {i}";
            IReadOnlyList<string> aliases = i % 3 == 0 ? [$"{Word(random)}{i}"] : [];
            entities[i] = new Entity(EntityId(i), (EntityType)(i % 4), name, aliases, null);
        }

        var documentCount = Math.Max(10, relationshipCount / 1000);
        var documents = new SourceDocument[documentCount];
        const string body = "Synthetic passage number one. Synthetic passage number two. Synthetic passage number three.";
        for (var d = 0; d < documentCount; d++)
        {
            documents[d] = new SourceDocument($"d{d:D6}", $"Document {d}", $"Publisher {d % 50}", null, new PartialDate(2000 + (d % 25)), null, "en", body);
        }

        var types = PredicateVocabulary.BuiltIns;
        var relationships = new Relationship[relationshipCount];
        for (var r = 0; r < relationshipCount; r++)
        {
            var start = End(random, entityCount);
            var end = End(random, entityCount);
            if (end == start)
            {
                end = (start + 1) % entityCount;
            }

            var dated = random.Next(10) < 3;
            var since = dated ? new PartialDate(1990 + random.Next(30)) : (PartialDate?)null;
            var until = dated && random.Next(2) == 0 ? new PartialDate(since!.Value.Year + random.Next(10)) : (PartialDate?)null;
            var document = documents[random.Next(documentCount)];
            var passage = random.Next(3);
            var citation = new Citation($"c{r:D8}", document.Id, $"Synthetic passage number {(passage == 0 ? "one" : passage == 1 ? "two" : "three")}.", passage * 31, (passage * 31) + 30, Stance.Supports);
            var corroboration = 1 + random.Next(3);
            relationships[r] = new Relationship(
                $"r{r:D8}",
                types[random.Next(types.Count)].Type,
                EntityId(start),
                EntityId(end),
                since,
                until,
                ConfidenceModel.Derive(corroboration, 0),
                false,
                corroboration,
                random.Next(20) == 0,
                [citation]);
        }

        var mentions = new Mention[Math.Min(entityCount, relationshipCount)];
        for (var m = 0; m < mentions.Length; m++)
        {
            mentions[m] = new Mention(EntityId(m), documents[m % documentCount].Id, 0, 9);
        }

        return new GraphSnapshot($"synthetic-{entityCount}-{relationshipCount}-{seed}", "synthetic", types, entities, documents, relationships, mentions);
    }

    private static int End(Random random, int entityCount) =>
        random.Next(10) == 0 ? random.Next(Math.Min(HubCount, entityCount)) : random.Next(entityCount);

    private static string Word(Random random)
    {
        var word = Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)];
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
