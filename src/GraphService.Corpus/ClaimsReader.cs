using System.Globalization;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// Reads claims.yaml: each claim's subject, predicate and object against the entities and the vocabulary, its dates
/// and declared confidence, and its evidence through <see cref="EvidenceReader"/>. Hands on the claims that passed.
/// </summary>
internal static class ClaimsReader
{
    private static readonly string[] ClaimKeys = ["subject", "predicate", "object", "since", "until", "confidence", "evidence"];

    /// <summary>
    /// Checks every claim and, while no problem has been found in the corpus, hands each to a builder made by
    /// <paramref name="newBuilder"/> (none when it is null), so that claims are not held twice. Null when claims.yaml is
    /// missing or cannot be parsed at all.
    /// </summary>
    public static ReadClaims? Read(
        CorpusInput input,
        CorpusSettings settings,
        EntitySet? entities,
        Dictionary<string, LoadedDocument>? documents,
        Func<SnapshotBuilder>? newBuilder,
        CancellationToken ct)
    {
        return input.ReadList(CorpusLayout.ClaimsFile, "claims", "subject", (source, items) =>
            Read(input.Log, source, items, settings, entities, documents, newBuilder?.Invoke(), ct));
    }

    private static ReadClaims Read(
        ProblemLog log,
        YamlSource source,
        IEnumerable<YamlNode> items,
        CorpusSettings settings,
        EntitySet? entities,
        Dictionary<string, LoadedDocument>? documents,
        SnapshotBuilder? builder,
        CancellationToken ct)
    {
        const string file = CorpusLayout.ClaimsFile;
        var evidenceReader = new EvidenceReader(source, documents);
        var firstLine = new Dictionary<(string, string, string), int>();

        // One string per entity id and predicate, however many claims name it.
        var known = entities?.KnownIds as HashSet<string>;
        var predicates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            if (source.Record(item, "claim", ClaimKeys) is not { } record)
            {
                continue;
            }

            var problemsBefore = log.Count;
            var subject = Canonical(record.Text("subject", required: true)?.Trim(), known);
            var predicate = record.Text("predicate", required: true)?.Trim();
            var obj = Canonical(record.Text("object", required: true)?.Trim(), known);
            if (predicate is not null && !predicates.TryAdd(predicate, predicate))
            {
                predicate = predicates[predicate];
            }

            CheckEntity(source, record, "subject", subject, entities);
            CheckEntity(source, record, "object", obj, entities);
            if (subject is not null && subject == obj)
            {
                source.ReportAtLine(record.LineOf("object"), $"a claim cannot relate '{subject}' to itself");
            }

            if (predicate is not null && !settings.Vocabulary.Contains(predicate) &&
                (settings.PredicatesComplete || PredicateVocabulary.IsWellFormedType(predicate) is false))
            {
                source.ReportAtLine(record.LineOf("predicate"), () =>
                {
                    var hint = Suggest(predicate, settings.Vocabulary.All.Select(p => p.Type)) is { } s ? $" (did you mean {s}?)" : string.Empty;
                    return $"unknown predicate '{predicate}'{hint}; declare new predicates under 'predicates' in {CorpusLayout.CorpusFile}";
                });
            }

            var since = ReadDate(source, record, "since");
            var until = ReadDate(source, record, "until");
            if (since is PartialDate sd && until is PartialDate ud && ud.Latest < sd.Earliest)
            {
                source.ReportAtLine(record.LineOf("until"), $"until {ud} is before since {sd}");
            }

            var confidence = ReadConfidence(source, record);
            var evidence = evidenceReader.Read(record);

            if (subject is not null && predicate is not null && obj is not null)
            {
                if (firstLine.TryGetValue((subject, predicate, obj), out var first))
                {
                    source.ReportAtLine(record.Line, $"duplicate claim (first at {file}:{first})");
                }
                else
                {
                    firstLine[(subject, predicate, obj)] = record.Line;
                }
            }

            // A corpus with any problem gives no snapshot, so building stops at the first.
            if (log.Count == 0 && subject is not null && predicate is not null && obj is not null)
            {
                builder?.Add(new ClaimEntry(subject, predicate, obj, since, until, confidence, evidence));
            }
        }

        return new ReadClaims(builder);
    }

    private static string? Canonical(string? id, HashSet<string>? known) =>
        id is not null && known is not null && known.TryGetValue(id, out var canonical) ? canonical : id;

    /// <summary>The closest known spelling, for "did you mean"; null when nothing is close.</summary>
    public static string? Suggest(string wanted, IEnumerable<string> known) =>
        NameSimilarity.Closest(wanted, known, k => [k], k => k, 1).FirstOrDefault();

    private static void CheckEntity(YamlSource source, YamlRecord claim, string key, string? id, EntitySet? entities)
    {
        if (id is null || entities is null || entities.KnownIds.Contains(id))
        {
            return;
        }

        source.ReportAtLine(claim.LineOf(key), () =>
        {
            var hint = Suggest(id, entities.KnownIds) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
            return $"unknown entity '{id}' as {key}{hint}";
        });
    }

    private static PartialDate? ReadDate(YamlSource source, YamlRecord record, string key)
    {
        if (record.Text(key, required: false) is not { } text)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        source.ReportAtLine(record.LineOf(key), $"{key} '{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
        return null;
    }

    /// <summary>A declared confidence; null when absent (it is then derived from the evidence when the snapshot is built).</summary>
    private static double? ReadConfidence(YamlSource source, YamlRecord record)
    {
        if (record.Text("confidence", required: false) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is >= 0 and <= 1)
        {
            return c;
        }

        source.ReportAtLine(record.LineOf("confidence"), $"confidence '{text}' must be a number from 0 to 1 (or left out to derive it from the evidence)");
        return null;
    }
}
