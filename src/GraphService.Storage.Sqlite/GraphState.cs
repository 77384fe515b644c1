using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Core.Traversal;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// One loaded graph: its version and the in-memory indexes built for it. Swapped by reference after an import, so a
/// reader holding one state sees one graph throughout.
/// </summary>
internal sealed class GraphState(
    string version,
    TraversalIndex index,
    IReadOnlyDictionary<string, Predicate> predicates,
    IReadOnlyDictionary<string, DocumentSummary> documents,
    AliasIndex? aliases = null) : IGraphNames
{
    public string Version { get; } = version;

    public TraversalIndex Index { get; } = index;

    public AliasIndex Aliases { get; } = aliases ?? AliasIndex.Build(index);

    /// <summary>Entity indices most connected first (Connectedness), ranked once per loaded graph on first use.</summary>
    public int[] ByConnectedness => _byConnectedness.Value;

    private readonly Lazy<int[]> _byConnectedness = new(() => Connectedness.Rank(index));

    public IReadOnlyDictionary<string, Predicate> Predicates { get; } = predicates;

    /// <summary>
    /// The distinct citations of a hub's relationships (entity index -> count), counted once per loaded graph: every page
    /// of a hub's relationships gives the same count, which reads every one of its relationships' evidence (70-91 ms for
    /// the largest entity of the 1M benchmark graph).
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<int, int> HubCitationCounts { get; } = new();

    /// <summary>
    /// The whitelist of this graph: the built-ins, the corpus's own predicates and any type its relationships carry (the
    /// types the schema lists), built on first use.
    /// </summary>
    public PredicateVocabulary Vocabulary => _vocabulary.Value;

    private readonly Lazy<PredicateVocabulary> _vocabulary = new(() => PredicateVocabulary.WithExtras(predicates.Values
        .Where(p => !p.BuiltIn)
        .Concat(index.TypeNames.Where(t => !predicates.ContainsKey(t)).Select(t => new Predicate(t, PhraseOf(predicates, t), false)))));

    /// <summary>
    /// Whether the file holds a packed evidence row for every relationship (every import since schema 3 writes them, so
    /// a state an import made has them; a file migrated from an older schema has none until its next import).
    /// </summary>
    public bool PackedEvidence { get; init; } = true;

    /// <summary>Document metadata without bodies: enough to shape every citation of a result.</summary>
    public IReadOnlyDictionary<string, DocumentSummary> Documents { get; } = documents;

    /// <summary><see cref="Documents"/> in ordinal id order, sorted once per graph for the pages of the document list.</summary>
    public DocumentSummary[] DocumentsById => _documentsById.Value;

    private readonly Lazy<DocumentSummary[]> _documentsById = new(() => [.. documents.Values.OrderBy(d => d.Id, StringComparer.Ordinal)]);

    /// <summary>
    /// The documents' ids and titles as "did you mean" compares them, normalised by the first unknown document id and kept
    /// for this graph: an unknown id then costs a pass over ready keys, not a normalisation of every title.
    /// </summary>
    public DocumentNames DocumentNames => _documentNames.Value;

    private readonly Lazy<DocumentNames> _documentNames = new(() => DocumentNames.Build(documents.Values.Select(d => (d.Id, d.Title))));

    /// <summary><see cref="Documents"/> as packed evidence rows name them (by the UTF-8 bytes of their ids).</summary>
    public CitedDocuments CitedDocuments => _citedDocuments.Value;

    private readonly Lazy<CitedDocuments> _citedDocuments = new(() => new CitedDocuments(documents));

    /// <summary>
    /// The packed evidence rows of this graph held in memory, when the load or the import that made this state copied them
    /// (<see cref="EvidenceRows"/>); null when the file has none or the option is off (relationships are then read row by row).
    /// </summary>
    public EvidenceRows? Evidence { get; set; }

    /// <summary>
    /// The schema of this graph (its counts take a pass over every entity and relationship), computed by the first
    /// request that asks and kept: it cannot change while this state is the loaded one. Two racing first requests compute
    /// the same value. Path and neighbourhood queries do not ask: their whitelist is the vocabulary
    /// (<see cref="SqliteGraphStore.GetVocabularyAsync"/>).
    /// </summary>
    public GraphSchema? Schema { get; set; }

    public string PhraseOf(string type) => PhraseOf(Predicates, type);

    /// <summary>The phrase of the index's relationship type <paramref name="type"/> (looked up once per type, not per view).</summary>
    public string PhraseOfType(int type) => _phraseOfType.Value[type];

    private readonly Lazy<string[]> _phraseOfType = new(() => [.. index.TypeNames.Select(t => PhraseOf(predicates, t))]);

    private static string PhraseOf(IReadOnlyDictionary<string, Predicate> predicates, string type) =>
        predicates.TryGetValue(type, out var p) ? p.Phrase : PredicateVocabulary.Default.PhraseOf(type);

    public NodeView Node(int entity) => Aliases.View(entity);

    public Resolution Resolve(string text) => Aliases.Resolve(text);

    public bool NamesAnEntity(string nameKey) => Aliases.NamesAnEntity(nameKey);
}
