using GraphService.Core.Domain;

namespace GraphService.Corpus.Drafting;

/// <summary>The drafting figures for one curated corpus (docs/drafting.md, "Measured").</summary>
/// <param name="Corpus">The curated corpus's name.</param>
/// <param name="CuratedClaims">N: the curated claims.</param>
/// <param name="Suggestions">All suggestions over all documents of the emptied corpus.</param>
/// <param name="PairFound">Curated claims whose two entities are a suggested pair in one of the claim's cited documents.</param>
/// <param name="PredicateFound">Curated claims suggested with their predicate and direction in one of their cited documents.</param>
/// <param name="TopCurated">Of the N best-scored suggestions, how many pair two entities that some curated claim relates.</param>
/// <param name="Missed">The curated claims not suggested as a pair ("subject PREDICATE object"), to see what the rules miss.</param>
public sealed record DraftingFigures(string Corpus, int CuratedClaims, int Suggestions, int PairFound, int PredicateFound, int TopCurated, IReadOnlyList<string> Missed)
{
    public double PairRecall => Ratio(PairFound, CuratedClaims);

    public double PredicateRecall => Ratio(PredicateFound, CuratedClaims);

    public double TopPrecision => Ratio(TopCurated, Math.Min(CuratedClaims, Suggestions));

    public double SuggestionsPerClaim => Ratio(Suggestions, CuratedClaims);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

/// <summary>
/// Measures drafting against a curated corpus: the corpus is copied with an empty claims.yaml (the realistic start:
/// entities and documents only), suggestions are drafted for every document of the copy, and they are compared with
/// the curated claims.
/// </summary>
public static class DraftingEvaluation
{
    public static DraftingFigures Evaluate(string curatedCorpus, CorpusImporter importer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(importer);
        var curated = importer.Load(curatedCorpus, ct);
        if (!curated.Succeeded)
        {
            throw new InvalidOperationException($"the curated corpus does not load: {string.Join("; ", curated.Problems.Take(3))}");
        }

        var emptied = Path.Combine(Path.GetTempPath(), "graphservice-drafting-" + Guid.NewGuid().ToString("N"), Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(curatedCorpus))));
        try
        {
            CopyWithoutClaims(curatedCorpus, emptied);
            var start = importer.Load(emptied, ct);
            if (!start.Succeeded)
            {
                throw new InvalidOperationException($"the corpus without claims does not load: {string.Join("; ", start.Problems.Take(3))}");
            }

            var suggester = new ClaimSuggester(start.Snapshot!.Entities, []);
            var suggestions = start.Snapshot.Documents
                .SelectMany(d => suggester.Suggest(d.Id, d.Body, start.Snapshot.Version).Claims)
                .ToList();
            return Compare(curated.Snapshot!, suggestions);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(emptied)!, recursive: true);
        }
    }

    /// <summary>The figures of <paramref name="suggestions"/> against the curated relationships of <paramref name="curated"/>.</summary>
    public static DraftingFigures Compare(GraphSnapshot curated, IReadOnlyList<ClaimSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(curated);
        ArgumentNullException.ThrowIfNull(suggestions);
        var pairsByDocument = suggestions.Select(s => (s.Document, Pair(s.Subject, s.Object))).ToHashSet();
        var claimsByDocument = suggestions.Where(s => s.Predicate is not null).Select(s => (s.Document, s.Subject, s.Predicate!, s.Object)).ToHashSet();
        var pairFound = 0;
        var predicateFound = 0;
        var missed = new List<string>();
        foreach (var r in curated.Relationships)
        {
            var documents = r.Citations.Where(c => c.Stance == Stance.Supports).Select(c => c.DocumentId).Distinct().ToList();
            if (documents.Any(d => pairsByDocument.Contains((d, Pair(r.StartId, r.EndId)))))
            {
                pairFound++;
            }
            else
            {
                missed.Add($"{r.StartId} {r.Type} {r.EndId}");
            }

            if (documents.Any(d => claimsByDocument.Contains((d, r.StartId, r.Type, r.EndId))))
            {
                predicateFound++;
            }
        }

        var curatedPairs = curated.Relationships.Select(r => Pair(r.StartId, r.EndId)).ToHashSet();
        var top = suggestions
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Document, StringComparer.Ordinal)
            .ThenBy(s => s.Start)
            .Take(curated.Relationships.Count)
            .Count(s => curatedPairs.Contains(Pair(s.Subject, s.Object)));
        return new DraftingFigures(curated.CorpusName, curated.Relationships.Count, suggestions.Count, pairFound, predicateFound, top, missed);
    }

    private static (string, string) Pair(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);

    private static void CopyWithoutClaims(string from, string to)
    {
        Directory.CreateDirectory(Path.Combine(to, CorpusLayout.DocumentsFolder));
        foreach (var file in new[] { "corpus.yaml", "entities.yaml" }.Where(f => File.Exists(Path.Combine(from, f))))
        {
            File.Copy(Path.Combine(from, file), Path.Combine(to, file));
        }

        foreach (var document in Directory.EnumerateFiles(Path.Combine(from, CorpusLayout.DocumentsFolder), "*" + CorpusLayout.DocumentExtension))
        {
            File.Copy(document, Path.Combine(to, CorpusLayout.DocumentsFolder, Path.GetFileName(document)));
        }

        File.WriteAllText(Path.Combine(to, "claims.yaml"), "[]\n");
    }
}
