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
    // Ids (SHA-256 of what identifies a citation or relationship) are computed in Build, on every core: a passage is one
    // citation by what its id hashes (document, span, stance), so it is told apart here by those values themselves.
    private readonly Dictionary<(string DocumentId, int Start, int End, Stance Stance), PendingCitation> _citations = [];
    private readonly List<PendingCitation> _citationList = [];
    private readonly List<PendingRelationship> _relationships = [];

    public SnapshotBuilder(IEnumerable<SourceDocument> documents, IndependentOrigins origins)
    {
        _documents = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _origins = origins;
    }

    /// <summary>Adds the relationship a claim states.</summary>
    public void Add(ClaimEntry claim)
    {
        var cited = new PendingCitation[claim.Evidence.Count];
        for (var i = 0; i < cited.Length; i++)
        {
            cited[i] = Cite(claim.Evidence[i]);
        }

        Array.Sort(cited, static (a, b) =>
            string.CompareOrdinal(a.DocumentId, b.DocumentId) is var c && c != 0 ? c
            : a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? a.End.CompareTo(b.End)
            : a.Stance.CompareTo(b.Stance));

        // Corroboration counts independent origins (IndependentOrigins: documents sharing a publisher or derived from one
        // another count once), and the derived confidence uses it; the distinct publishers are kept alongside. A declared
        // confidence is kept as declared.
        var supporting = Origins(cited, Stance.Supports);
        var disputing = Origins(cited, Stance.Disputes);
        _relationships.Add(new PendingRelationship(
            claim.Subject,
            claim.Predicate,
            claim.Object,
            claim.Since,
            claim.Until,
            claim.Confidence ?? ConfidenceModel.Derive(supporting, disputing),
            claim.Confidence is not null,
            supporting,
            cited.Any(c => c.Stance == Stance.Disputes),
            DistinctPublishers(cited, Stance.Supports),
            cited));
    }

    /// <summary>The snapshot of everything added, with the entities' mentions found in every document and its version
    /// (once: the relationships added are handed over to it).</summary>
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

        OrderedParallel.For(_citationList.Count, i => _citationList[i].Make(), ct);
        var relationships = new Relationship[_relationships.Count];
        OrderedParallel.For(relationships.Length, i => relationships[i] = _relationships[i].Make(), ct);
        _relationships.Clear();

        // Ids are distinct (a repeated claim is a problem, and then there is no snapshot), so any sort gives one order.
        Array.Sort(relationships, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var snapshot = new GraphSnapshot(
            string.Empty,
            settings.Name,
            settings.Vocabulary.All,
            entityList,
            documents,
            relationships,
            mentions);
        return snapshot with { Version = StableIds.VersionOf(snapshot) };
    }

    /// <summary>The one citation of a passage with a stance; it keeps the quote as first written.</summary>
    private PendingCitation Cite(EvidenceEntry e)
    {
        var key = (e.DocumentId, e.Span.Start, e.Span.End, e.Stance);
        if (!_citations.TryGetValue(key, out var citation))
        {
            citation = new PendingCitation(e.DocumentId, e.Quote, e.Span.Start, e.Span.End, e.Stance);
            _citations[key] = citation;
            _citationList.Add(citation);
        }

        return citation;
    }

    // One citation with the stance is one origin and one publisher, whatever they are: most claims cite one passage, and
    // the general count (a set of origins or publishers per claim) was a measurable part of the import's garbage.
    private int Origins(PendingCitation[] citations, Stance stance) =>
        CountWith(citations, stance) is var n && n <= 1
            ? n
            : _origins.Count(citations.Where(c => c.Stance == stance).Select(c => c.DocumentId));

    private int DistinctPublishers(PendingCitation[] citations, Stance stance) =>
        CountWith(citations, stance) is var n && n <= 1
            ? n
            : citations
                .Where(c => c.Stance == stance)
                .Select(c => _documents[c.DocumentId].Publisher)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Count();

    private static int CountWith(PendingCitation[] citations, Stance stance)
    {
        var n = 0;
        foreach (var c in citations)
        {
            if (c.Stance == stance)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>A citation whose id is not computed yet.</summary>
    private sealed class PendingCitation(string documentId, string quote, int start, int end, Stance stance)
    {
        public string DocumentId { get; } = documentId;

        public int Start { get; } = start;

        public int End { get; } = end;

        public Stance Stance { get; } = stance;

        /// <summary>The citation, once <see cref="Make"/> has run.</summary>
        public Citation? Made { get; set; }

        public void Make() => Made = new Citation(StableIds.CitationId(DocumentId, Start, End, Stance), DocumentId, quote, Start, End, Stance);
    }

    /// <summary>A relationship whose id is not computed yet; its citations are made before it is.</summary>
    private sealed record PendingRelationship(
        string Subject,
        string Predicate,
        string Object,
        PartialDate? Since,
        PartialDate? Until,
        double Confidence,
        bool ConfidenceDeclared,
        int Corroboration,
        bool Contested,
        int Publishers,
        PendingCitation[] Cited)
    {
        public Relationship Make() => new(
            StableIds.RelationshipId(Subject, Predicate, Object),
            Predicate,
            Subject,
            Object,
            Since,
            Until,
            Confidence,
            ConfidenceDeclared,
            Corroboration,
            Contested,
            Array.ConvertAll(Cited, c => c.Made ?? throw new InvalidOperationException("a citation was not made before its relationship")))
        {
            Publishers = Publishers,
        };
    }
}
