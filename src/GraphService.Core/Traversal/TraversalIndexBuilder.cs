using GraphService.Core.Domain;

namespace GraphService.Core.Traversal;

/// <summary>
/// Collects entities and relationships one at a time (from a snapshot or from rows streamed out of a store), so that an
/// index can be built without materialising citations. Entities must be added before the relationships that use them.
/// Relationship ids go straight into one character buffer and types into a small table, so that streaming millions of
/// rows keeps no object per relationship.
/// </summary>
public sealed class TraversalIndexBuilder
{
    private static readonly string[] NoAliases = [];

    private readonly List<string> _entityIds;
    private readonly List<string> _entityNames;
    private readonly List<EntityType> _entityTypes;
    private readonly List<string[]> _entityAliases;
    private readonly Dictionary<string, int> _entityIndex;

    private readonly List<char> _idChars;
    private readonly List<int> _idOffsets;
    private bool _idsSorted = true;
    private readonly List<int> _start;
    private readonly List<int> _end;
    private readonly List<int> _type;
    private readonly Dictionary<string, int> _typeIndex = new(StringComparer.Ordinal);
    private readonly List<double> _confidence;
    private readonly List<int> _corroboration;
    private readonly List<bool> _contested;
    private readonly List<int> _since;
    private readonly List<int> _until;

    public TraversalIndexBuilder(int expectedEntities = 0, int expectedRelationships = 0)
    {
        _entityIds = new(expectedEntities);
        _entityNames = new(expectedEntities);
        _entityTypes = new(expectedEntities);
        _entityAliases = new(expectedEntities);
        _entityIndex = new(expectedEntities, StringComparer.Ordinal);
        _idChars = new(expectedRelationships * 8);
        _idOffsets = new(expectedRelationships + 1) { 0 };
        _start = new(expectedRelationships);
        _end = new(expectedRelationships);
        _type = new(expectedRelationships);
        _confidence = new(expectedRelationships);
        _corroboration = new(expectedRelationships);
        _contested = new(expectedRelationships);
        _since = new(expectedRelationships);
        _until = new(expectedRelationships);
    }

    public void AddEntity(string id, EntityType type, string name, IReadOnlyList<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        if (!_entityIndex.TryAdd(id, _entityIds.Count))
        {
            throw new ArgumentException($"entity id '{id}' occurs twice", nameof(id));
        }

        _entityIds.Add(id);
        _entityNames.Add(name);
        _entityTypes.Add(type);
        _entityAliases.Add(aliases.Count == 0 ? NoAliases : [.. aliases]);
    }

    public void AddRelationship(
        string id,
        string type,
        string startId,
        string endId,
        PartialDate? since,
        PartialDate? until,
        double confidence,
        int corroboration,
        bool contested) =>
        AddRelationship(
            id,
            type,
            startId,
            endId,
            since is PartialDate s ? s.Earliest.DayNumber : TraversalIndex.OpenSince,
            until is PartialDate u ? u.Latest.DayNumber : TraversalIndex.OpenUntil,
            confidence,
            corroboration,
            contested);

    /// <param name="id">Relationship id.</param>
    /// <param name="type">Relationship type.</param>
    /// <param name="startId">Start entity id (must have been added).</param>
    /// <param name="endId">End entity id (must have been added).</param>
    /// <param name="sinceDay">Earliest day of "since" as a day number, or <see cref="TraversalIndex.OpenSince"/>.</param>
    /// <param name="untilDay">Latest day of "until" as a day number, or <see cref="TraversalIndex.OpenUntil"/>.</param>
    /// <param name="confidence">Confidence 0..1.</param>
    /// <param name="corroboration">Distinct supporting publishers.</param>
    /// <param name="contested">True when any citation disputes it.</param>
    public void AddRelationship(
        string id,
        string type,
        string startId,
        string endId,
        int sinceDay,
        int untilDay,
        double confidence,
        int corroboration,
        bool contested)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(type);
        if (!_entityIndex.TryGetValue(startId, out var start))
        {
            throw new ArgumentException($"relationship '{id}' starts at unknown entity '{startId}'", nameof(startId));
        }

        if (!_entityIndex.TryGetValue(endId, out var end))
        {
            throw new ArgumentException($"relationship '{id}' ends at unknown entity '{endId}'", nameof(endId));
        }

        var count = _start.Count;
        if (count > 0 && _idsSorted)
        {
            var previous = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_idChars)[_idOffsets[count - 1].._idOffsets[count]];
            _idsSorted = previous.SequenceCompareTo(id.AsSpan()) < 0;
        }

        _idChars.AddRange(id);
        _idOffsets.Add(_idChars.Count);
        _start.Add(start);
        _end.Add(end);
        if (!_typeIndex.TryGetValue(type, out var t))
        {
            _typeIndex.Add(type, t = _typeIndex.Count);
        }

        _type.Add(t);
        _confidence.Add(confidence);
        _corroboration.Add(corroboration);
        _contested.Add(contested);
        _since.Add(sinceDay);
        _until.Add(untilDay);
    }

    public TraversalIndex Build()
    {
        // Entities too are sorted by id, so that "lower entity index" means "lower id" in tie-breaks.
        var entityIds = _entityIds.ToArray();
        var entityOrder = Identity(entityIds.Length);
        if (!IsSorted(entityIds))
        {
            Array.Sort(entityIds, entityOrder, StringComparer.Ordinal);
        }

        var entityAt = new int[entityIds.Length];
        for (var i = 0; i < entityOrder.Length; i++)
        {
            entityAt[entityOrder[i]] = i;
        }

        // Sorting by id makes "lower relationship index" mean "lower id", which the link order's tie-break relies on.
        // Rows read from the store come in id order already; only then is the sort (and every id as a string) skipped.
        var count = _start.Count;
        var chars = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_idChars);
        StringTable ids;
        int[] order;
        if (_idsSorted)
        {
            ids = StringTable.FromBuffer(chars, [.. _idOffsets]);
            order = Identity(count);
        }
        else
        {
            var strings = new string[count];
            for (var i = 0; i < count; i++)
            {
                strings[i] = new string(chars[_idOffsets[i].._idOffsets[i + 1]]);
            }

            order = Identity(count);
            Array.Sort(strings, order, StringComparer.Ordinal);
            for (var i = 1; i < count; i++)
            {
                if (string.Equals(strings[i - 1], strings[i], StringComparison.Ordinal))
                {
                    throw new ArgumentException($"relationship id '{strings[i]}' occurs twice");
                }
            }

            ids = new StringTable(strings);
        }

        if (_typeIndex.Count > byte.MaxValue + 1)
        {
            throw new ArgumentException($"the index holds at most 256 relationship types; the graph has {_typeIndex.Count}");
        }

        var typeNames = _typeIndex.Keys.Order(StringComparer.Ordinal).ToArray();
        var typeAt = new byte[_typeIndex.Count];
        for (var i = 0; i < typeNames.Length; i++)
        {
            typeAt[_typeIndex[typeNames[i]]] = (byte)i;
        }

        var start = new int[count];
        var end = new int[count];
        var type = new byte[count];
        var confidence = new double[count];
        var corroboration = new int[count];
        var contested = new bool[count];
        var since = new int[count];
        var until = new int[count];
        for (var i = 0; i < count; i++)
        {
            var o = order[i];
            start[i] = entityAt[_start[o]];
            end[i] = entityAt[_end[o]];
            type[i] = typeAt[_type[o]];
            confidence[i] = _confidence[o];
            corroboration[i] = _corroboration[o];
            contested[i] = _contested[o];
            since[i] = _since[o];
            until[i] = _until[o];
        }

        return new TraversalIndex(
            entityIds,
            [.. entityOrder.Select(o => _entityNames[o])],
            [.. entityOrder.Select(o => _entityTypes[o])],
            [.. entityOrder.Select(o => _entityAliases[o])],
            ids,
            start,
            end,
            type,
            confidence,
            corroboration,
            contested,
            since,
            until,
            typeNames);
    }

    private static int[] Identity(int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        return order;
    }

    private static bool IsSorted(string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            if (string.CompareOrdinal(ids[i - 1], ids[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
