using GraphService.Core.Domain;

namespace GraphService.Core.Traversal;

/// <summary>
/// The part of a graph that traversal and ranking need, in flat arrays: entities and relationships by index (both
/// sorted by id, ordinal, so that comparing indices compares ids), and a compressed adjacency (CSR) in both directions.
/// Citations, quotes and document text are deliberately absent; a store hydrates them for the relationships in a result.
/// Immutable once built; safe to share between threads.
/// </summary>
public sealed class TraversalIndex
{
    /// <summary>Day number used for an open "since" (no lower bound).</summary>
    public const int OpenSince = int.MinValue;

    /// <summary>Day number used for an open "until" (no upper bound).</summary>
    public const int OpenUntil = int.MaxValue;

    private readonly Dictionary<string, int> _entityByKey;
    private readonly Dictionary<string, int> _relationshipById;
    private readonly Dictionary<string, int> _typeByName;

    internal TraversalIndex(
        string[] entityIds,
        string[] entityNames,
        EntityType[] entityTypes,
        string[][] entityAliases,
        string[] relationshipIds,
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

        _entityByKey = new Dictionary<string, int>(entityIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < entityIds.Length; i++)
        {
            _entityByKey.Add(entityIds[i], i);
        }

        _relationshipById = new Dictionary<string, int>(relationshipIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < relationshipIds.Length; i++)
        {
            _relationshipById.Add(relationshipIds[i], i);
        }

        _typeByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < typeNames.Length; i++)
        {
            _typeByName.Add(typeNames[i], i);
        }

        (OutOffsets, OutNeighbor, OutRelationship) = BuildAdjacency(entityIds.Length, relationshipStart, relationshipEnd);
        (InOffsets, InNeighbor, InRelationship) = BuildAdjacency(entityIds.Length, relationshipEnd, relationshipStart);
    }

    public int EntityCount => EntityIds.Length;

    public int RelationshipCount => RelationshipIds.Length;

    public string[] EntityIds { get; }

    public string[] EntityNames { get; }

    public EntityType[] EntityTypes { get; }

    public string[][] EntityAliases { get; }

    public string[] RelationshipIds { get; }

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

    /// <summary>CSR of relationships as written: the relationships starting at entity e are OutRelationship[OutOffsets[e]..OutOffsets[e+1]].</summary>
    public int[] OutOffsets { get; }

    public int[] OutNeighbor { get; }

    public int[] OutRelationship { get; }

    /// <summary>CSR of relationships against their direction: those ending at entity e.</summary>
    public int[] InOffsets { get; }

    public int[] InNeighbor { get; }

    public int[] InRelationship { get; }

    /// <summary>The entity index of an id, or -1.</summary>
    public int EntityIndexOf(string id) => _entityByKey.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The relationship index of an id, or -1.</summary>
    public int RelationshipIndexOf(string id) => _relationshipById.TryGetValue(id, out var i) ? i : -1;

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

    private static (int[] Offsets, int[] Neighbor, int[] Relationship) BuildAdjacency(int nodeCount, int[] from, int[] to)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var f in from)
        {
            offsets[f + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var neighbor = new int[from.Length];
        var relationship = new int[from.Length];
        var cursor = new int[nodeCount];
        Array.Copy(offsets, cursor, nodeCount);

        // Relationships are visited in index (= id) order, so every adjacency list is sorted by relationship id.
        for (var r = 0; r < from.Length; r++)
        {
            var slot = cursor[from[r]]++;
            neighbor[slot] = to[r];
            relationship[slot] = r;
        }

        return (offsets, neighbor, relationship);
    }
}
