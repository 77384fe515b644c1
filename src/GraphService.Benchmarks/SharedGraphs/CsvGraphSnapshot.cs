using System.Globalization;
using System.Text;
using GraphService.Core.Domain;

namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>
/// The <see cref="GraphSnapshot"/> of a <see cref="CsvGraph"/>, as a corpus import would hand it to a store. Node n is
/// entity <c>n{n}</c> (its label as the entity type); rels.csv line r+2 is relationship <c>r{r}</c> (zero-padded, so id
/// order is file order) with one citation: source number c is citation <c>c{c}</c>, the sentence "Source c records this
/// relationship." in a synthetic document that holds the sentences of 10,000 consecutive sources, at the offsets the
/// citation gives (so every quote is verifiable against its document, and relationships citing the same source share
/// one passage, as the store allows). Types that are not built-in predicates are declared as the corpus's own.
/// </summary>
internal static class CsvGraphSnapshot
{
    public const int SourcesPerDocument = 10_000;

    public static string EntityId(int node) => "n" + node.ToString(CultureInfo.InvariantCulture);

    public static GraphSnapshot Build(CsvGraph graph, string version, string corpusName)
    {
        if (graph.Labels is null || graph.Names is null)
        {
            throw new InvalidOperationException("the graph was read without its entities");
        }

        var entities = new Entity[graph.NodeCount];
        for (var n = 0; n < graph.NodeCount; n++)
        {
            entities[n] = new Entity(EntityId(n), graph.Labels[n], graph.Names[n], [], null);
        }

        var sources = graph.Citation.Max();
        var documents = new SourceDocument[(sources + SourcesPerDocument - 1) / SourcesPerDocument];
        var passageStart = new int[sources + 1];
        var passageEnd = new int[sources + 1];
        var body = new StringBuilder();
        for (var d = 0; d < documents.Length; d++)
        {
            body.Clear();
            var first = (d * SourcesPerDocument) + 1;
            for (var c = first; c <= Math.Min(sources, first + SourcesPerDocument - 1); c++)
            {
                passageStart[c] = body.Length;
                body.Append(CultureInfo.InvariantCulture, $"Source {c} records this relationship.");
                passageEnd[c] = body.Length;
                body.Append(' ');
            }

            documents[d] = new SourceDocument(DocumentId(d), $"Synthetic source file {d}", $"Publisher {d % 50}", null, new PartialDate(2000 + (d % 25), 1 + (d % 12)), null, "en", body.ToString());
        }

        var citations = new Citation?[sources + 1];
        var relationships = new Relationship[graph.RelationshipCount];
        var width = Math.Max(1, (graph.RelationshipCount - 1).ToString(CultureInfo.InvariantCulture).Length);
        var typeNames = graph.TypeNames;
        var confidence = ConfidenceModel.Derive(supportingOrigins: 1, disputingOrigins: 0);
        for (var r = 0; r < graph.RelationshipCount; r++)
        {
            var c = graph.Citation[r];
            var citation = citations[c] ??= Cite(c, documents, passageStart[c], passageEnd[c]);
            relationships[r] = new Relationship(
                RelationshipId(r, width),
                typeNames[graph.Type[r]],
                entities[graph.Source[r]].Id,
                entities[graph.Target[r]].Id,
                null,
                null,
                confidence,
                false,
                1,
                false,
                [citation]);
        }

        var extras = typeNames
            .Where(t => !PredicateVocabulary.Default.Contains(t))
            .Order(StringComparer.Ordinal)
            .Select(t => new Predicate(t, PredicateVocabulary.Default.PhraseOf(t), false));
        return new GraphSnapshot(version, corpusName, [.. PredicateVocabulary.BuiltIns, .. extras], entities, documents, relationships, []);
    }

    public static string RelationshipId(int r, int width) => "r" + r.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string DocumentId(int d) => "source-file-" + d.ToString("D4", CultureInfo.InvariantCulture);

    private static Citation Cite(int source, SourceDocument[] documents, int start, int end)
    {
        var document = documents[(source - 1) / SourcesPerDocument];
        return new Citation("c" + source.ToString(CultureInfo.InvariantCulture), document.Id, document.Body[start..end], start, end, Stance.Supports);
    }
}
