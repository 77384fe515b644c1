using GraphService.Core.Domain;
using GraphService.Core.Queries;
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
    AliasIndex? aliases = null)
{
    public string Version { get; } = version;

    public TraversalIndex Index { get; } = index;

    public AliasIndex Aliases { get; } = aliases ?? AliasIndex.Build(index);

    /// <summary>Entity indices most connected first (Connectedness), ranked once per loaded graph on first use.</summary>
    public int[] ByConnectedness => _byConnectedness.Value;

    private readonly Lazy<int[]> _byConnectedness = new(() => Connectedness.Rank(index));

    public IReadOnlyDictionary<string, Predicate> Predicates { get; } = predicates;

    /// <summary>
    /// Whether the file holds a packed evidence row for every relationship (every import since schema 3 writes them, so
    /// a state an import made has them; a file migrated from an older schema has none until its next import).
    /// </summary>
    public bool PackedEvidence { get; init; } = true;

    /// <summary>Document metadata without bodies: enough to shape every citation of a result.</summary>
    public IReadOnlyDictionary<string, DocumentSummary> Documents { get; } = documents;

    /// <summary>
    /// The schema of this graph, computed by the first request that asks (every path request does, for the predicate
    /// whitelist) and kept: it cannot change while this state is the loaded one. Two racing first requests compute the
    /// same value.
    /// </summary>
    public GraphSchema? Schema { get; set; }

    public string PhraseOf(string type) =>
        Predicates.TryGetValue(type, out var p) ? p.Phrase : PredicateVocabulary.Default.PhraseOf(type);

    public NodeView Node(int entity) => Aliases.View(entity);
}
