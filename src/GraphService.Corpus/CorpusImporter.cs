using System.Globalization;
using System.Text.RegularExpressions;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// Reads a corpus folder (corpus.yaml, entities.yaml, claims.yaml, documents/*.md; see docs/corpus-format.md), verifies
/// every quote against its document, finds every mention and builds the graph snapshot. Every problem is reported at
/// once; when there is any, no snapshot is returned. The importer writes nothing: storing the snapshot is the store's job.
/// </summary>
public sealed partial class CorpusImporter
{
    private const string CorpusFile = "corpus.yaml";
    private const string EntitiesFile = "entities.yaml";
    private const string ClaimsFile = "claims.yaml";
    private const string DocumentsFolder = "documents";

    private static readonly string[] CorpusKeys = ["name", "description", "predicates"];
    private static readonly string[] PredicateKeys = ["type", "phrase"];
    private static readonly string[] EntityKeys = ["id", "type", "name", "aliases", "description"];
    private static readonly string[] ClaimKeys = ["subject", "predicate", "object", "since", "until", "confidence", "evidence"];
    private static readonly string[] EvidenceKeys = ["doc", "quote", "stance"];
    private static readonly string[] EntityTypeNames = Enum.GetNames<EntityType>();

    // A long quote or passage is cut in messages so that a problem stays readable on one line.
    private const int MaxShownLength = 300;

    /// <summary>Reads and verifies the corpus in <paramref name="corpusDirectory"/>.</summary>
    public CorpusLoadResult Load(string corpusDirectory, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corpusDirectory);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(corpusDirectory));
        var label = Path.GetFileName(root);
        var log = new ProblemLog(label.Length > 0 ? label : root);
        if (!Directory.Exists(root))
        {
            log.Add(string.Empty, 0, "corpus folder not found");
            return new CorpusLoadResult(null, log.Problems);
        }

        var settings = ReadSettings(root, label, log);
        var documents = ReadDocuments(root, log, ct);
        var entities = ReadEntities(root, log);
        var claims = ReadClaims(root, log, settings, entities, documents, ct);

        if (log.Count > 0 || entities is null || documents is null || claims is null)
        {
            return new CorpusLoadResult(null, log.Problems);
        }

        return new CorpusLoadResult(Build(settings, entities, documents, claims, ct), []);
    }

    private sealed record CorpusSettings(string Name, PredicateVocabulary Vocabulary, bool PredicatesComplete);

    private sealed record EntityEntry(Entity Entity, int Line);

    private sealed record EntitySet(IReadOnlyList<EntityEntry> Valid, IReadOnlySet<string> KnownIds);

    private sealed record EvidenceEntry(string DocumentId, TextSpan Span, Stance Stance, string Quote, int Line);

    private sealed record ClaimEntry(
        string Subject,
        string Predicate,
        string Object,
        PartialDate? Since,
        PartialDate? Until,
        double? Confidence,
        IReadOnlyList<EvidenceEntry> Evidence);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    private static CorpusSettings ReadSettings(string root, string folderName, ProblemLog log)
    {
        var path = Path.Combine(root, CorpusFile);
        var fallback = new CorpusSettings(folderName, PredicateVocabulary.Default, PredicatesComplete: true);
        if (!File.Exists(path))
        {
            return fallback;
        }

        var text = CorpusText.Read(path, CorpusFile, log);
        if (text is null)
        {
            return fallback with { PredicatesComplete = false };
        }

        var source = new YamlSource(CorpusFile, log);
        var node = source.LoadRoot(text, out var malformed);
        if (malformed)
        {
            return fallback with { PredicatesComplete = false };
        }

        if (node is null || source.Record(node, "corpus.yaml", CorpusKeys) is not { } record)
        {
            return fallback;
        }

        var name = record.Text("name", required: false)?.Trim() ?? folderName;
        _ = record.Text("description", required: false);
        var extras = new List<Predicate>();
        var complete = true;
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in record.List("predicates")?.Children ?? [])
        {
            var before = log.Count;
            if (source.Record(item, "predicate", PredicateKeys) is not { } p)
            {
                complete = false;
                continue;
            }

            var type = p.Text("type", required: true)?.Trim();
            var phrase = p.Text("phrase", required: true)?.Trim();
            if (type is null)
            {
                complete = false;
                continue;
            }

            var line = p.LineOf("type");
            if (!PredicateVocabulary.IsWellFormedType(type))
            {
                source.ReportAtLine(line, $"predicate type '{type}' must be UPPER_SNAKE_CASE (a capital letter, then capitals, digits or underscores)");
            }
            else if (PredicateVocabulary.Default.Contains(type))
            {
                source.ReportAtLine(line, $"predicate '{type}' is built in and cannot be redeclared");
            }
            else if (firstLine.TryGetValue(type, out var first))
            {
                source.ReportAtLine(line, $"duplicate predicate '{type}' (first at {CorpusFile}:{first})");
            }
            else
            {
                firstLine[type] = line;
            }

            if (log.Count == before && phrase is not null)
            {
                extras.Add(new Predicate(type, phrase, BuiltIn: false));
            }
            else
            {
                complete = false;
            }
        }

        return new CorpusSettings(name, PredicateVocabulary.WithExtras(extras), complete);
    }

    /// <summary>Documents by id; null when the documents folder is missing.</summary>
    private static Dictionary<string, LoadedDocument>? ReadDocuments(string root, ProblemLog log, CancellationToken ct)
    {
        var folder = Path.Combine(root, DocumentsFolder);
        if (!Directory.Exists(folder))
        {
            log.Add(DocumentsFolder, 0, "documents folder not found: put each source document in documents/<id>.md");
            return null;
        }

        var documents = new Dictionary<string, LoadedDocument>(StringComparer.Ordinal);
        var entries = Directory.EnumerateFileSystemEntries(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal);
        foreach (var name in entries)
        {
            ct.ThrowIfCancellationRequested();
            var relative = $"{DocumentsFolder}/{name}";
            var full = Path.Combine(folder, name);
            if (Directory.Exists(full) || !name.EndsWith(".md", StringComparison.Ordinal))
            {
                log.Add(relative, 0, "documents/ may hold only <id>.md files");
                continue;
            }

            var id = name[..^".md".Length];
            if (!Slug().IsMatch(id))
            {
                log.Add(relative, 0, $"document id '{id}' (the file name without .md) is not a kebab-case slug: use lowercase letters and digits joined by single hyphens");
            }

            var text = CorpusText.Read(full, relative, log);
            documents[id] = text is null
                ? new LoadedDocument(id, relative, null, null, 0)
                : DocumentReader.Read(id, relative, text, log);
        }

        return documents;
    }

    /// <summary>The entities; null when entities.yaml is missing or cannot be parsed at all.</summary>
    private static EntitySet? ReadEntities(string root, ProblemLog log)
    {
        var path = Path.Combine(root, EntitiesFile);
        if (!File.Exists(path))
        {
            log.Add(EntitiesFile, 0, "entities.yaml not found: the corpus must declare its entities");
            return null;
        }

        var text = CorpusText.Read(path, EntitiesFile, log);
        var source = new YamlSource(EntitiesFile, log);
        var before = log.Count;
        var node = text is null ? null : source.LoadRoot(text, out _);
        if (node is null)
        {
            if (text is not null && log.Count == before)
            {
                source.ReportAtLine(1, "entities.yaml is empty: it must be a list of entities");
            }

            return null;
        }

        if (node is not YamlSequenceNode items)
        {
            source.Report(node, "entities.yaml must be a list of entities (each item starting with '- id:')");
            return null;
        }

        var valid = new List<EntityEntry>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, (string EntityId, string Kind, string Text, int Line)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (source.Record(item, "entity", EntityKeys) is not { } record)
            {
                continue;
            }

            var entityProblemsBefore = log.Count;
            var id = record.Text("id", required: true)?.Trim();
            var typeText = record.Text("type", required: true)?.Trim();
            var name = record.Text("name", required: true)?.Trim();
            var description = record.Text("description", required: false)?.Trim();
            if (id is not null)
            {
                known.Add(id);
                if (!Slug().IsMatch(id))
                {
                    source.ReportAtLine(record.LineOf("id"), $"entity id '{id}' is not a kebab-case slug: use lowercase letters and digits joined by single hyphens (e.g. qais-al-khazali)");
                }
                else if (firstLine.TryGetValue(id, out var first))
                {
                    source.ReportAtLine(record.LineOf("id"), $"duplicate entity id '{id}' (first at {EntitiesFile}:{first})");
                }
                else
                {
                    firstLine[id] = record.Line;
                }
            }

            EntityType? type = null;
            if (typeText is not null)
            {
                if (EntityTypeNames.Contains(typeText, StringComparer.Ordinal))
                {
                    type = Enum.Parse<EntityType>(typeText);
                }
                else
                {
                    source.ReportAtLine(record.LineOf("type"), $"unknown entity type '{typeText}' (allowed: {string.Join(", ", EntityTypeNames)})");
                }
            }

            var aliases = new List<(string Text, int Line)>();
            foreach (var a in record.List("aliases")?.Children ?? [])
            {
                if (a is YamlScalarNode scalar && !YamlSource.IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value))
                {
                    aliases.Add((scalar.Value.Trim(), source.LineOf(a)));
                }
                else
                {
                    source.Report(a, "each alias must be a name (a single text value)");
                }
            }

            var owner = id ?? $"(entity at {EntitiesFile}:{record.Line})";
            var ownKeys = new HashSet<string>(StringComparer.Ordinal);
            var named = new List<(string Kind, string Text, int Line)>();
            if (name is not null)
            {
                named.Add(("name", name, record.LineOf("name")));
            }

            named.AddRange(aliases.Select(a => ("alias", a.Text, a.Line)));
            foreach (var (kind, nameText, line) in named)
            {
                var key = NameKey.Normalize(nameText);
                if (key.Length == 0)
                {
                    source.ReportAtLine(line, $"{kind} '{nameText}' of '{owner}' has no letters or digits");
                }
                else if (names.TryGetValue(key, out var other) && other.EntityId != owner)
                {
                    source.ReportAtLine(line, $"{kind} '{nameText}' of '{owner}' collides with {other.Kind} '{other.Text}' of '{other.EntityId}' ({EntitiesFile}:{other.Line}): a name or alias must identify one entity");
                }
                else if (ownKeys.Add(key))
                {
                    names.TryAdd(key, (owner, kind, nameText, line));
                }
            }

            if (log.Count == entityProblemsBefore && id is not null && type is EntityType t && name is not null)
            {
                var distinctAliases = aliases.Select(a => a.Text).Distinct(StringComparer.Ordinal).ToList();
                valid.Add(new EntityEntry(new Entity(id, t, name, distinctAliases, description), record.Line));
            }
        }

        return new EntitySet(valid, known);
    }

    private static List<ClaimEntry>? ReadClaims(
        string root,
        ProblemLog log,
        CorpusSettings settings,
        EntitySet? entities,
        Dictionary<string, LoadedDocument>? documents,
        CancellationToken ct)
    {
        var path = Path.Combine(root, ClaimsFile);
        if (!File.Exists(path))
        {
            log.Add(ClaimsFile, 0, "claims.yaml not found: the corpus must declare its claims");
            return null;
        }

        var text = CorpusText.Read(path, ClaimsFile, log);
        var source = new YamlSource(ClaimsFile, log);
        var before = log.Count;
        var node = text is null ? null : source.LoadRoot(text, out _);
        if (node is null)
        {
            if (text is not null && log.Count == before)
            {
                source.ReportAtLine(1, "claims.yaml is empty: it must be a list of claims");
            }

            return null;
        }

        if (node is not YamlSequenceNode items)
        {
            source.Report(node, "claims.yaml must be a list of claims (each item starting with '- subject:')");
            return null;
        }

        var verifiers = new Dictionary<string, CitationVerifier>(StringComparer.Ordinal);
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
                var hint = Suggest(predicate, settings.Vocabulary.All.Select(p => p.Type)) is { } s ? $" (did you mean {s}?)" : string.Empty;
                source.ReportAtLine(record.LineOf("predicate"), $"unknown predicate '{predicate}'{hint}; declare new predicates under 'predicates' in {CorpusFile}");
            }

            var since = ReadDate(source, record, "since");
            var until = ReadDate(source, record, "until");
            if (since is PartialDate sd && until is PartialDate ud && ud.Latest < sd.Earliest)
            {
                source.ReportAtLine(record.LineOf("until"), $"until {ud} is before since {sd}");
            }

            double? confidence = null;
            if (record.Text("confidence", required: false) is { } confidenceText)
            {
                if (double.TryParse(confidenceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is >= 0 and <= 1)
                {
                    confidence = c;
                }
                else
                {
                    source.ReportAtLine(record.LineOf("confidence"), $"confidence '{confidenceText}' must be a number from 0 to 1 (or left out to derive it from the evidence)");
                }
            }

            var evidence = ReadEvidence(source, record, documents, verifiers);

            if (subject is not null && predicate is not null && obj is not null)
            {
                if (firstLine.TryGetValue((subject, predicate, obj), out var first))
                {
                    source.ReportAtLine(record.Line, $"duplicate claim (first at {ClaimsFile}:{first})");
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

    private static List<EvidenceEntry> ReadEvidence(
        YamlSource source,
        YamlRecord claim,
        Dictionary<string, LoadedDocument>? documents,
        Dictionary<string, CitationVerifier> verifiers)
    {
        var entries = new List<EvidenceEntry>();
        var list = claim.List("evidence");
        if (list is null || list.Children.Count == 0)
        {
            // A value that is not a list at all has been reported as such already.
            var value = claim.ValueNode("evidence");
            if (list is not null || value is null || (value is YamlScalarNode scalar && YamlSource.IsNull(scalar)))
            {
                source.ReportAtLine(claim.Line, "claim has no evidence: list at least one {doc, quote} under 'evidence'");
            }

            return entries;
        }

        var cited = new Dictionary<(string, int, int, Stance), int>();
        foreach (var item in list.Children)
        {
            if (source.Record(item, "evidence", EvidenceKeys) is not { } e)
            {
                continue;
            }

            var docId = e.Text("doc", required: true)?.Trim();
            var quote = e.Text("quote", required: true);
            var stanceText = e.Text("stance", required: false)?.Trim();
            var stance = Stance.Supports;
            if (stanceText is not null && !StanceWords.TryParse(stanceText, out stance))
            {
                source.ReportAtLine(e.LineOf("stance"), $"unknown stance '{stanceText}' (allowed: {string.Join(", ", StanceWords.All)})");
            }

            if (docId is null || documents is null)
            {
                continue;
            }

            if (!documents.TryGetValue(docId, out var document))
            {
                var hint = Suggest(docId, documents.Keys) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                source.ReportAtLine(e.LineOf("doc"), $"evidence names a missing document '{docId}': there is no {DocumentsFolder}/{docId}.md{hint}");
                continue;
            }

            if (document.Body is null || quote is null)
            {
                // The document itself is unreadable and already reported; its quotes cannot be checked.
                continue;
            }

            if (!verifiers.TryGetValue(docId, out var verifier))
            {
                verifier = new CitationVerifier(document.Body);
                verifiers[docId] = verifier;
            }

            var quoteLine = e.LineOf("quote");
            if (verifier.Locate(quote) is not TextSpan span)
            {
                source.ReportAtLine(quoteLine, QuoteNotFound(document, verifier, quote));
                continue;
            }

            if (cited.TryGetValue((docId, span.Start, span.End, stance), out var firstLine))
            {
                source.ReportAtLine(quoteLine, $"evidence repeats the passage already cited at {ClaimsFile}:{firstLine}");
                continue;
            }

            cited[(docId, span.Start, span.End, stance)] = quoteLine;
            entries.Add(new EvidenceEntry(docId, span, stance, quote.Trim(), quoteLine));
        }

        return entries;
    }

    private static string QuoteNotFound(LoadedDocument document, CitationVerifier verifier, string quote)
    {
        var message = $"quote not found in {document.RelativePath}: \"{Shown(quote)}\"";
        if (verifier.NearestPassage(quote) is not TextSpan nearest)
        {
            return message + " (the document has no words to compare it with)";
        }

        var passage = verifier.Body[nearest.Start..nearest.End];
        return $"{message}; nearest passage ({document.RelativePath}:{document.FileLineOf(nearest.Start)}): \"{Shown(passage)}\"";
    }

    /// <summary>A text on one line: whitespace runs collapsed, cut at <see cref="MaxShownLength"/> characters.</summary>
    private static string Shown(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxShownLength ? oneLine : oneLine[..MaxShownLength] + "…";
    }

    private static void CheckEntity(YamlSource source, YamlRecord claim, string key, string? id, EntitySet? entities)
    {
        if (id is null || entities is null || entities.KnownIds.Contains(id))
        {
            return;
        }

        var hint = Suggest(id, entities.KnownIds) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
        source.ReportAtLine(claim.LineOf(key), $"unknown entity '{id}' as {key}{hint}");
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

    /// <summary>The closest known spelling, for "did you mean"; null when nothing is close.</summary>
    private static string? Suggest(string wanted, IEnumerable<string> known)
    {
        return NameSimilarity.Closest(wanted, known, k => [k], k => k, 1).FirstOrDefault();
    }

    private static GraphSnapshot Build(
        CorpusSettings settings,
        EntitySet entities,
        Dictionary<string, LoadedDocument> documents,
        List<ClaimEntry> claims,
        CancellationToken ct)
    {
        var sourceDocuments = documents.Values
            .Select(d => d.Document ?? throw new InvalidOperationException($"document '{d.Id}' was not read completely"))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var byId = sourceDocuments.ToDictionary(d => d.Id, StringComparer.Ordinal);

        // The same passage with the same stance is one citation, however many claims it backs; it keeps the quote as
        // first written.
        var citations = new Dictionary<string, Citation>(StringComparer.Ordinal);
        var relationships = new List<Relationship>();
        foreach (var claim in claims)
        {
            var cited = new List<Citation>();
            foreach (var e in claim.Evidence)
            {
                var id = StableIds.CitationId(e.DocumentId, e.Span.Start, e.Span.End, e.Stance);
                if (!citations.TryGetValue(id, out var citation))
                {
                    citation = new Citation(id, e.DocumentId, e.Quote, e.Span.Start, e.Span.End, e.Stance);
                    citations[id] = citation;
                }

                cited.Add(citation);
            }

            cited.Sort((a, b) =>
                string.CompareOrdinal(a.DocumentId, b.DocumentId) is var c && c != 0 ? c
                : a.Start != b.Start ? a.Start.CompareTo(b.Start)
                : a.End != b.End ? a.End.CompareTo(b.End)
                : a.Stance.CompareTo(b.Stance));

            var supporting = DistinctPublishers(cited, Stance.Supports, byId);
            var disputing = DistinctPublishers(cited, Stance.Disputes, byId);
            relationships.Add(new Relationship(
                StableIds.RelationshipId(claim.Subject, claim.Predicate, claim.Object),
                claim.Predicate,
                claim.Subject,
                claim.Object,
                claim.Since,
                claim.Until,
                claim.Confidence ?? ConfidenceModel.Derive(supporting, disputing),
                claim.Confidence is not null,
                supporting,
                cited.Any(c => c.Stance == Stance.Disputes),
                cited));
        }

        var entityList = entities.Valid.Select(e => e.Entity).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var finder = new MentionFinder(entityList);
        var mentions = new List<Mention>();
        foreach (var document in sourceDocuments)
        {
            ct.ThrowIfCancellationRequested();
            mentions.AddRange(finder.Find(document.Id, document.Body));
        }

        var snapshot = new GraphSnapshot(
            string.Empty,
            settings.Name,
            settings.Vocabulary.All,
            entityList,
            sourceDocuments,
            [.. relationships.OrderBy(r => r.Id, StringComparer.Ordinal)],
            mentions);
        return snapshot with { Version = StableIds.VersionOf(snapshot) };
    }

    private static int DistinctPublishers(List<Citation> citations, Stance stance, Dictionary<string, SourceDocument> documents) =>
        citations
            .Where(c => c.Stance == stance)
            .Select(c => documents[c.DocumentId].Publisher)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();
}
