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

    /// <summary>The claims without problems; null when claims.yaml is missing or cannot be parsed at all.</summary>
    public static List<ClaimEntry>? Read(
        CorpusInput input,
        CorpusSettings settings,
        EntitySet? entities,
        Dictionary<string, LoadedDocument>? documents,
        CancellationToken ct)
    {
        return input.ReadList(CorpusLayout.ClaimsFile, "claims", "subject", (source, items) => Read(input.Log, source, items, settings, entities, documents, ct));
    }

    private static List<ClaimEntry> Read(
        ProblemLog log,
        YamlSource source,
        IEnumerable<YamlNode> items,
        CorpusSettings settings,
        EntitySet? entities,
        Dictionary<string, LoadedDocument>? documents,
        CancellationToken ct)
    {
        const string file = CorpusLayout.ClaimsFile;
        var evidenceReader = new EvidenceReader(source, documents);
        var claims = new List<ClaimEntry>();
        var firstLine = new Dictionary<(string, string, string), int>();
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            if (source.Record(item, "claim", ClaimKeys) is not { } record)
            {
                continue;
            }

            var problemsBefore = log.Count;
            var subject = record.Text("subject", required: true)?.Trim();
            var predicate = record.Text("predicate", required: true)?.Trim();
            var obj = record.Text("object", required: true)?.Trim();
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

            if (log.Count == problemsBefore && subject is not null && predicate is not null && obj is not null)
            {
                claims.Add(new ClaimEntry(subject, predicate, obj, since, until, confidence, evidence));
            }
        }

        return claims;
    }

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
