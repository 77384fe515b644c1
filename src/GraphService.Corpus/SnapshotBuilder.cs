using GraphService.Core.Domain;

namespace GraphService.Corpus;

/// <summary>
/// Builds the graph snapshot from records that passed every check: one relationship per claim, with its citations
/// (the same passage with the same stance is one citation however many claims it backs), its corroboration (independent
/// origins), publishers and confidence; then every mention of every entity, and the version. Nothing here reads or validates YAML.
/// </summary>
internal sealed class SnapshotBuilder
{
    private readonly Dictionary<string, SourceDocument> _documents;
    private readonly IndependentOrigins _origins;
    private readonly Dictionary<string, Citation> _citations = new(StringComparer.Ordinal);
    private readonly List<Relationship> _relationships = [];

    public SnapshotBuilder(IEnumerable<SourceDocument> documents, IndependentOrigins origins)
    {
        _documents = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _origins = origins;
    }

    /// <summary>Adds the relationship a claim states.</summary>
    public void Add(ClaimEntry claim)
    {
        var cited = claim.Evidence.Select(Cite).ToList();
        cited.Sort((a, b) =>
            string.CompareOrdinal(a.DocumentId, b.DocumentId) is var c && c != 0 ? c
            : a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? a.End.CompareTo(b.End)
            : a.Stance.CompareTo(b.Stance));

        // Corroboration counts independent origins (IndependentOrigins: documents sharing a publisher or derived from one
        // another count once), and the derived confidence uses it; the distinct publishers are kept alongside. A declared
        // confidence is kept as declared.
        var supporting = Origins(cited, Stance.Supports);
        var disputing = Origins(cited, Stance.Disputes);
        _relationships.Add(new Relationship(
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
            cited) { Publishers = DistinctPublishers(cited, Stance.Supports) });
    }

    /// <summary>The snapshot of everything added, with the entities' mentions found in every document and its version.</summary>
    public GraphSnapshot Build(CorpusSettings settings, IEnumerable<Entity> entities, CancellationToken ct)
    {
        var entityList = entities.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var documents = _documents.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var finder = new MentionFinder(entityList);

        // Each document's mentions are found on any core and listed in document order, as one thread lists them.
        var found = new IReadOnlyList<Mention>[documents.Count];
        OrderedParallel.For(documents.Count, i => found[i] = finder.Find(documents[i].Id, documents[i].Body), ct);
        var mentions = new List<Mention>(found.Sum(f => f.Count));
        foreach (var list in found)
        {
            mentions.AddRange(list);
        }

        var snapshot = new GraphSnapshot(
            string.Empty,
            settings.Name,
            settings.Vocabulary.All,
            entityList,
            documents,
            [.. _relationships.OrderBy(r => r.Id, StringComparer.Ordinal)],
            mentions);
        return snapshot with { Version = StableIds.VersionOf(snapshot) };
    }

    /// <summary>The one citation of a passage with a stance; it keeps the quote as first written.</summary>
    private Citation Cite(EvidenceEntry e)
    {
        var id = StableIds.CitationId(e.DocumentId, e.Span.Start, e.Span.End, e.Stance);
        if (!_citations.TryGetValue(id, out var citation))
        {
            citation = new Citation(id, e.DocumentId, e.Quote, e.Span.Start, e.Span.End, e.Stance);
            _citations[id] = citation;
        }

        return citation;
    }

    private int Origins(List<Citation> citations, Stance stance) =>
        _origins.Count(citations.Where(c => c.Stance == stance).Select(c => c.DocumentId));

    private int DistinctPublishers(List<Citation> citations, Stance stance) =>
        citations
            .Where(c => c.Stance == stance)
            .Select(c => _documents[c.DocumentId].Publisher)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();
}
