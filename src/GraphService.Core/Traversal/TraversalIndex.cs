using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary>
/// The part of a graph that traversal and ranking need, in flat arrays: entities and relationships by index (both
/// sorted by id, ordinal, so that comparing indices compares ids), relationship ids in one <see cref="StringTable"/>, and
/// two compressed adjacencies (CSR) over every relationship seen from both of its ends:
/// <list type="bullet">
/// <item>by link (<see cref="LinkNeighbor"/>): an entity's entries grouped by neighbour, each group strongest first, so that
/// the relationships between two entities (one link of a path) are one run whose first admitted entry is its strongest;</item>
/// <item>by strength (<see cref="StrengthNeighbor"/>): strongest first, ties by neighbour, so that a neighbourhood takes its
/// best candidates first and stops at its limit.</item>
/// </list>
/// Both share <see cref="AdjacencyOffsets"/>: entity e's entries are [AdjacencyOffsets[e], AdjacencyOffsets[e+1]). An entry
/// is (neighbour, relationship &lt;&lt; 1 | 1 when the relationship points at e). Citations, quotes and document text are
/// deliberately absent; a store hydrates them for the relationships in a result. Immutable once built; thread-safe.
/// </summary>
public sealed class TraversalIndex
{
    /// <summary>Day number used for an open "since" (no lower bound).</summary>
    public const int OpenSince = int.MinValue;

    /// <summary>Day number used for an open "until" (no upper bound).</summary>
    public const int OpenUntil = int.MaxValue;

    private readonly Dictionary<string, int> _typeByName;

    internal TraversalIndex(
        string[] entityIds,
        string[] entityNames,
        EntityType[] entityTypes,
        string[][] entityAliases,
        StringTable relationshipIds,
        int[] relationshipStart,
        int[] relationshipEnd,
        byte[] relationshipType,
        double[] relationshipConfidence,
        int[] relationshipCorroboration,
        bool[] relationshipContested,
        int[] relationshipSince,
        int[] relationshipUntil,
        string[] typeNames)
    {
        EntityIds = entityIds;
        EntityNames = entityNames;
        EntityTypes = entityTypes;
        EntityAliases = entityAliases;
        RelationshipIds = relationshipIds;
        RelationshipStart = relationshipStart;
        RelationshipEnd = relationshipEnd;
        RelationshipType = relationshipType;
        RelationshipConfidence = relationshipConfidence;
        RelationshipCorroboration = relationshipCorroboration;
        RelationshipContested = relationshipContested;
        RelationshipSince = relationshipSince;
        RelationshipUntil = relationshipUntil;
        TypeNames = typeNames;

        _typeByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < typeNames.Length; i++)
        {
            _typeByName.Add(typeNames[i], i);
        }

        (StrengthClass, StrengthRank) = RankByStrength(relationshipCorroboration, relationshipConfidence);
        var adjacency = Adjacency.Build(entityIds.Length, relationshipStart, relationshipEnd, StrengthClass, StrengthRank);
        AdjacencyOffsets = adjacency.Offsets;
        LinkNeighbor = adjacency.LinkNeighbor;
        LinkEntry = adjacency.LinkEntry;
        StrengthNeighbor = adjacency.StrengthNeighbor;
        StrengthEntry = adjacency.StrengthEntry;
    }

    /// <summary>
    /// How many searches on one index keep their working memory between queries: marks for every entity, about 20 MB at
    /// 1M entities. A search beyond these allocates its own and leaves it to the collector, so a host runs at most this
    /// many at once (the embedded store queues the rest).
    /// </summary>
    public static int SearchesKept { get; } = Math.Max(4, 2 * Environment.ProcessorCount);

    public int EntityCount => EntityIds.Length;

    public int RelationshipCount => RelationshipIds.Count;

    public string[] EntityIds { get; }

    public string[] EntityNames { get; }

    public EntityType[] EntityTypes { get; }

    public string[][] EntityAliases { get; }

    public StringTable RelationshipIds { get; }

    public int[] RelationshipStart { get; }

    public int[] RelationshipEnd { get; }

    /// <summary>Index into <see cref="TypeNames"/>.</summary>
    public byte[] RelationshipType { get; }

    public double[] RelationshipConfidence { get; }

    public int[] RelationshipCorroboration { get; }

    public bool[] RelationshipContested { get; }

    /// <summary>The earliest day (<see cref="DateOnly.DayNumber"/>) of "since", or <see cref="OpenSince"/>.</summary>
    public int[] RelationshipSince { get; }

    /// <summary>The latest day (<see cref="DateOnly.DayNumber"/>) of "until", or <see cref="OpenUntil"/>.</summary>
    public int[] RelationshipUntil { get; }

    /// <summary>Relationship type names, sorted ordinally.</summary>
    public string[] TypeNames { get; }

    /// <summary>Per relationship: 0 for the strongest <see cref="EvidenceStrength"/> of the graph, 1 for the next, and so on.</summary>
    public int[] StrengthClass { get; }

    /// <summary>Per relationship: its position in <see cref="EvidenceStrength.StrongestFirst"/> order (strength, then id).</summary>
    public int[] StrengthRank { get; }

    /// <summary>Entity e's adjacency entries (in both CSRs) are [AdjacencyOffsets[e], AdjacencyOffsets[e+1]).</summary>
    public int[] AdjacencyOffsets { get; }

    /// <summary>Neighbours by link: by neighbour index, then strongest first.</summary>
    public int[] LinkNeighbor { get; }

    /// <summary>Relationship &lt;&lt; 1, | 1 when it points at the entity whose entry this is (see <see cref="LinkNeighbor"/>).</summary>
    public int[] LinkEntry { get; }

    /// <summary>Neighbours by strength: strongest class first, then by neighbour index.</summary>
    public int[] StrengthNeighbor { get; }

    /// <summary>As <see cref="LinkEntry"/>, in the order of <see cref="StrengthNeighbor"/>.</summary>
    public int[] StrengthEntry { get; }

    /// <summary>
    /// Where entity <paramref name="entity"/>'s entries towards <paramref name="neighbor"/> lie in <see cref="LinkNeighbor"/>
    /// and <see cref="LinkEntry"/>: [Start, End), strongest first; empty (Start == End) when none does. Found by binary
    /// search, since the entries are grouped by neighbour in neighbour order: the way to look up one link of a hub.
    /// </summary>
    public (int Start, int End) LinkRun(int entity, int neighbor)
    {
        var (from, to) = (AdjacencyOffsets[entity], AdjacencyOffsets[entity + 1]);
        var slot = Array.BinarySearch(LinkNeighbor, from, to - from, neighbor);
        if (slot < 0)
        {
            return (from, from);
        }

        var (start, end) = (slot, slot + 1);
        while (start > from && LinkNeighbor[start - 1] == neighbor)
        {
            start--;
        }

        while (end < to && LinkNeighbor[end] == neighbor)
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>The entity index of an id, or -1.</summary>
    public int EntityIndexOf(string id)
    {
        var i = Array.BinarySearch(EntityIds, id, StringComparer.Ordinal);
        return i >= 0 ? i : -1;
    }

    /// <summary>The relationship index of an id, or -1.</summary>
    public int RelationshipIndexOf(string id) => RelationshipIds.IndexOfSorted(id);

    /// <summary>The type index of a relationship type name, or -1 when no relationship of the graph has it.</summary>
    public int TypeIndexOf(string type) => _typeByName.TryGetValue(type, out var i) ? i : -1;

    public static TraversalIndex FromSnapshot(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var builder = new TraversalIndexBuilder(snapshot.Entities.Count, snapshot.Relationships.Count);
        foreach (var e in snapshot.Entities)
        {
            builder.AddEntity(e.Id, e.Type, e.Name, e.Aliases);
        }

        foreach (var r in snapshot.Relationships)
        {
            builder.AddRelationship(r.Id, r.Type, r.StartId, r.EndId, r.Since, r.Until, r.Confidence, r.Corroboration, r.Contested);
        }

        return builder.Build();
    }

    /// <summary>
    /// Dense strength classes (0 = strongest) and the rank of every relationship in strongest-first order, ties by index
    /// (= id): a counting sort over the classes, since relationships are already in id order.
    /// </summary>
    private static (int[] Class, int[] Rank) RankByStrength(int[] corroboration, double[] confidence)
    {
        var count = corroboration.Length;
        var distinct = new HashSet<EvidenceStrength>();
        for (var r = 0; r < count; r++)
        {
            distinct.Add(new EvidenceStrength(corroboration[r], confidence[r]));
        }

        var strongestFirst = distinct.ToList();
        strongestFirst.Sort((a, b) => b.CompareTo(a));
        var classOf = new Dictionary<EvidenceStrength, int>(strongestFirst.Count);
        for (var c = 0; c < strongestFirst.Count; c++)
        {
            classOf[strongestFirst[c]] = c;
        }

        var classes = new int[count];
        var cursor = new int[strongestFirst.Count + 1];
        for (var r = 0; r < count; r++)
        {
            classes[r] = classOf[new EvidenceStrength(corroboration[r], confidence[r])];
            cursor[classes[r] + 1]++;
        }

        for (var c = 0; c < strongestFirst.Count; c++)
        {
            cursor[c + 1] += cursor[c];
        }

        var rank = new int[count];
        for (var r = 0; r < count; r++)
        {
            rank[r] = cursor[classes[r]]++;
        }

        return (classes, rank);
    }
}
