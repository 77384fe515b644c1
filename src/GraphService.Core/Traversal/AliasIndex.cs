using System.Runtime.CompilerServices;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary>
/// Finds entities by what a user types: the <see cref="NameKey.Normalize"/> and <see cref="NameKey.WithoutArticles"/>
/// forms of every id, name and alias map to entity indices. Resolution, "did you mean" suggestions and ranked search
/// all run on it, for every backend: the embedded store builds it from its traversal index, the Neo4j store from the
/// name table it reads once per graph version.
/// </summary>
public sealed class AliasIndex
{
    /// <summary>Scores below this are not offered as hits or suggestions.</summary>
    public const double MatchThreshold = NameSimilarity.SuggestionThreshold;

    public const int MaxSuggestions = 5;

    // Entities in ordinal id order, so that comparing indices compares ids.
    private readonly string[] _ids;
    private readonly string[] _names;
    private readonly EntityType[] _types;
    private readonly string[][] _aliases;
    private readonly Func<string, int> _indexOfId;

    // Key -> the one entity it names (>= 0), or ~i for the entities _shared[i] when several share it: most keys name one
    // entity, and a dictionary of ints needs no array per key.
    private readonly Dictionary<string, int> _byNormalized;
    private readonly Dictionary<string, int> _byWithoutArticles;
    private readonly int[][] _shared;

    // Per entity, the key forms of its id (kept so that a store can save them: computing keys is most of the build).
    private readonly string[] _idNormalized;
    private readonly string[] _idWithoutArticles;

    // One entry per (entity, name or alias): its two key forms and the text as written, for scoring.
    private readonly int[] _entryOwner;
    private readonly string[] _entryText;
    private readonly string[] _entryNormalized;
    private readonly string[] _entryWithoutArticles;
    private readonly int[] _entitiesByName;

    // The entries' keys of each form as scoring reads them (over the arrays above): with each key's length and character
    // counts, which rule most keys out without a visit to their string.
    private readonly NameKeyTable _normalizedTable;
    private readonly NameKeyTable _withoutArticlesTable;

    // The entries in the ordinal order of each key form: the keys that start with a search's text are one run of each.
    private readonly int[] _entriesByNormalized;
    private readonly int[] _entriesByWithoutArticles;

    /// <param name="ids">Entity ids, ordinally sorted.</param>
    /// <param name="names">Entity names.</param>
    /// <param name="types">Entity types.</param>
    /// <param name="aliases">Entity aliases.</param>
    /// <param name="indexOfId">Entity index of an id, or -1.</param>
    /// <param name="keys">The keys of these entities as an earlier build computed them (<see cref="Keys"/>), or null to compute them.</param>
    private AliasIndex(string[] ids, string[] names, EntityType[] types, string[][] aliases, Func<string, int> indexOfId, AliasKeys? keys)
    {
        (_ids, _names, _types, _aliases, _indexOfId) = (ids, names, types, aliases, indexOfId);
        var count = ids.Length;
        var entries = count;
        foreach (var a in aliases)
        {
            entries += a.Length;
        }

        if (keys is not null && (keys.IdNormalized.Length != count || keys.IdWithoutArticles.Length != count
            || keys.EntryNormalized.Length != entries || keys.EntryWithoutArticles.Length != entries || keys.EntitiesByName.Length != count))
        {
            throw new ArgumentException("the saved name keys do not match the entities", nameof(keys));
        }

        var normalized = new Dictionary<string, int>(count + entries, StringComparer.Ordinal);
        var withoutArticles = new Dictionary<string, int>(count + entries, StringComparer.Ordinal);
        var shared = new List<List<int>>();
        _idNormalized = keys?.IdNormalized ?? new string[count];
        _idWithoutArticles = keys?.IdWithoutArticles ?? new string[count];
        _entryOwner = new int[entries];
        _entryText = new string[entries];
        _entryNormalized = keys?.EntryNormalized ?? new string[entries];
        _entryWithoutArticles = keys?.EntryWithoutArticles ?? new string[entries];

        var entry = 0;
        for (var e = 0; e < count; e++)
        {
            if (keys is null)
            {
                _idNormalized[e] = NameKey.Normalize(ids[e]);
                _idWithoutArticles[e] = NameKey.WithoutArticles(ids[e]);
            }

            Add(normalized, shared, _idNormalized[e], e);
            Add(withoutArticles, shared, _idWithoutArticles[e], e);
            AddEntry(e, names[e]);
            foreach (var alias in aliases[e])
            {
                AddEntry(e, alias);
            }
        }

        _byNormalized = normalized;
        _byWithoutArticles = withoutArticles;
        _normalizedTable = new NameKeyTable(_entryNormalized);
        _withoutArticlesTable = new NameKeyTable(_entryWithoutArticles);
        _entriesByNormalized = InKeyOrder(_entryNormalized);
        _entriesByWithoutArticles = InKeyOrder(_entryWithoutArticles);
        _shared = [.. shared.Select(l => l.ToArray())];
        _entitiesByName = keys?.EntitiesByName ?? [.. Enumerable.Range(0, count).Order(Comparer<int>.Create(CompareByName))];

        void AddEntry(int entity, string written)
        {
            if (keys is null)
            {
                _entryNormalized[entry] = NameKey.Normalize(written);
                _entryWithoutArticles[entry] = NameKey.WithoutArticles(written);
            }

            Add(normalized, shared, _entryNormalized[entry], entity);
            Add(withoutArticles, shared, _entryWithoutArticles[entry], entity);
            _entryOwner[entry] = entity;
            _entryText[entry] = written;
            entry++;
        }
    }

    /// <summary>What <see cref="Build(string[], string[], EntityType[], string[][], AliasKeys)"/> needs to skip computing keys and sorting names.</summary>
    internal AliasKeys Keys => new(_idNormalized, _idWithoutArticles, _entryNormalized, _entryWithoutArticles, _entitiesByName);

    /// <summary>Over the entities of a traversal index (whose entities are already in id order), sharing its arrays.</summary>
    public static AliasIndex Build(TraversalIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new(index.EntityIds, index.EntityNames, index.EntityTypes, index.EntityAliases, index.EntityIndexOf, null);
    }

    /// <summary>
    /// Over the entities of a traversal index (ids ordinally sorted), with the keys an earlier build of the same entities
    /// computed; it needs no index yet, so it can be built while the index is.
    /// </summary>
    internal static AliasIndex Build(string[] ids, string[] names, EntityType[] types, string[][] aliases, AliasKeys keys) =>
        new(ids, names, types, aliases, id => Array.BinarySearch(ids, id, StringComparer.Ordinal) is var i && i >= 0 ? i : -1, keys);

    /// <summary>Over a list of entities, for a backend that keeps no traversal index.</summary>
    public static AliasIndex Build(IEnumerable<(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases)> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var sorted = entities.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
        var byId = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            byId[sorted[i].Id] = i;
        }

        return new(
            [.. sorted.Select(e => e.Id)],
            [.. sorted.Select(e => e.Name)],
            [.. sorted.Select(e => e.Type)],
            [.. sorted.Select(e => e.Aliases.ToArray())],
            id => byId.TryGetValue(id, out var i) ? i : -1,
            null);
    }

    public Resolution Resolve(string text) => Resolve(text, suggest: true);

    /// <summary>
    /// Whether some entity has a name or alias whose <see cref="NameKey.Normalize"/> key is <paramref name="nameKey"/>.
    /// An id's key alone does not count, although the same table finds entities by it: the entities the table gives
    /// for the key are checked for an entry (a name or alias) with it.
    /// </summary>
    public bool NamesAnEntity(string nameKey)
    {
        ArgumentNullException.ThrowIfNull(nameKey);
        if (!_byNormalized.TryGetValue(nameKey, out var hit))
        {
            return false;
        }

        foreach (var e in hit >= 0 ? [hit] : _shared[~hit])
        {
            // An entity's entries are consecutive, in entity order: the first is where the owners reach e.
            for (var entry = FirstEntry(e); entry < _entryOwner.Length && _entryOwner[entry] == e; entry++)
            {
                if (string.Equals(_entryNormalized[entry], nameKey, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private int FirstEntry(int entity) => FirstWhere(0, _entryOwner.Length, i => _entryOwner[i] >= entity);

    /// <summary>The first index in [lo, hi) where <paramref name="holds"/> is true, given that it holds from some index on.</summary>
    private static int FirstWhere(int lo, int hi, Func<int, bool> holds)
    {
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (holds(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// As <see cref="Resolve(string)"/>, but a text that names no entity comes back without suggestions: "did you mean"
    /// scores every name of the graph, which a caller that only needs to know whether a name resolves (the overview's
    /// configured starting points) need not pay for.
    /// </summary>
    public Resolution Identify(string text) => Resolve(text, suggest: false);

    private Resolution Resolve(string text, bool suggest)
    {
        ArgumentNullException.ThrowIfNull(text);
        var exact = _indexOfId(text.Trim());
        if (exact >= 0)
        {
            return new Resolution.Resolved(text, View(exact));
        }

        var normalized = NameKey.Normalize(text);
        var withoutArticles = NameKey.WithoutArticles(text);
        foreach (var (map, key) in new[] { (_byNormalized, normalized), (_byWithoutArticles, withoutArticles) })
        {
            if (key.Length > 0 && map.TryGetValue(key, out var hit))
            {
                return hit >= 0
                    ? new Resolution.Resolved(text, View(hit))
                    : new Resolution.Ambiguous(text, [.. _shared[~hit].Order(Comparer<int>.Create(CompareByName)).Select(View)]);
            }
        }

        return new Resolution.NotFound(text, suggest ? Suggest(normalized, withoutArticles) : []);
    }

    /// <summary>The closest names to <paramref name="text"/>, best first: what "did you mean" offers.</summary>
    public IReadOnlyList<NodeView> Suggest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Suggest(NameKey.Normalize(text), NameKey.WithoutArticles(text));
    }

    private List<NodeView> Suggest(string normalized, string withoutArticles) =>
        [.. Score(normalized, withoutArticles)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Entity, Comparer<int>.Create(CompareByName))
            .Take(MaxSuggestions)
            .Select(h => View(h.Entity))];

    /// <summary>
    /// Ranked search: the best similarity over an entity's name and aliases (both key forms), at least
    /// <see cref="MatchThreshold"/>; ties by name. Empty text lists every entity by name, each with score 1.
    /// </summary>
    public IReadOnlyList<EntityHit> Search(EntitySearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var byName = Comparer<int>.Create(CompareByName);
        IEnumerable<(int Entity, double Score, string Matched)> ranked;
        if (string.IsNullOrWhiteSpace(search.Text))
        {
            ranked = _entitiesByName.Select(e => (e, 1.0, _names[e]));
        }
        else
        {
            var (normalized, withoutArticles) = (NameKey.Normalize(search.Text), NameKey.WithoutArticles(search.Text));
            var pageEnd = (int)Math.Min((long)search.Offset + search.Limit, int.MaxValue);
            if (BestStartingWith(normalized, withoutArticles, search.Type, pageEnd) is { } best)
            {
                return [.. best.Skip(search.Offset).Select(Hit)];
            }

            ranked = Score(normalized, withoutArticles)
                .OrderByDescending(h => h.Score)
                .ThenBy(h => h.Entity, byName)
                .Select(h => (h.Entity, h.Score, h.Matched));
        }

        if (search.Type is EntityType type)
        {
            ranked = ranked.Where(h => _types[h.Entity] == type);
        }

        return [.. ranked.Skip(search.Offset).Take(search.Limit).Select(Hit)];

        EntityHit Hit((int Entity, double Score, string Matched) h) =>
            new(_ids[h.Entity], _names[h.Entity], _types[h.Entity], _aliases[h.Entity], h.Matched, Math.Round(h.Score, 4));
    }

    /// <summary>
    /// The first <paramref name="count"/> hits of a search, best first, when the entities (of <paramref name="type"/>)
    /// with a key that starts with the text are at least that many; null otherwise. A key that starts with the text scores
    /// at least 0.9 and one that does not at most 0.85 (<see cref="NameMatcher.Score"/>), so those entities rank above
    /// every other, and only they are scored: a short text is contained in nearly every name of a large graph, and the
    /// full scan scored them all to show a page. An entity's score and matched text are those <see cref="Score"/> gives.
    /// </summary>
    private List<(int Entity, double Score, string Matched)>? BestStartingWith(string normalized, string withoutArticles, EntityType? type, int count)
    {
        var (normalizedFrom, normalizedTo) = StartingWith(_entriesByNormalized, _entryNormalized, normalized);
        var (withoutArticlesFrom, withoutArticlesTo) = StartingWith(_entriesByWithoutArticles, _entryWithoutArticles, withoutArticles);
        var found = (normalizedTo - normalizedFrom) + (withoutArticlesTo - withoutArticlesFrom);
        if (found < count)
        {
            return null;
        }

        var entries = new int[found];
        var taken = Take(_entriesByNormalized, normalizedFrom, normalizedTo, 0);
        taken = Take(_entriesByWithoutArticles, withoutArticlesFrom, withoutArticlesTo, taken);
        if (taken < count)
        {
            return null;
        }

        // Entries lie in entity order, so sorting them groups each entity's. Only the entries found here are scored: any
        // other does not start with the text, so it scores less and is never an entity's best.
        Array.Sort(entries, 0, taken);
        var owners = 0;
        for (var i = 0; i < taken; i++)
        {
            if (i == 0 || _entryOwner[entries[i]] != _entryOwner[entries[i - 1]])
            {
                owners++;
            }
        }

        if (owners < count)
        {
            return null;
        }

        // The worst of those kept so far is dequeued first: lower score, then later by name.
        var kept = new PriorityQueue<(int Entity, double Score, string Matched), (double Score, int Entity)>(
            Comparer<(double Score, int Entity)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : CompareByName(b.Entity, a.Entity)));
        var (byNormalized, byWithoutArticles) = (new NameKeyTable.Query(normalized), new NameKeyTable.Query(withoutArticles));
        for (var i = 0; i < taken;)
        {
            var e = _entryOwner[entries[i]];
            var (score, matched) = (0.0, string.Empty);
            for (; i < taken && _entryOwner[entries[i]] == e; i++)
            {
                var entry = entries[i];
                if (i > 0 && entries[i - 1] == entry)
                {
                    continue; // found under both key forms
                }

                var s = Math.Max(_normalizedTable.ScoreIfClose(byNormalized, entry), _withoutArticlesTable.ScoreIfClose(byWithoutArticles, entry));
                if (s > score)
                {
                    (score, matched) = (s, _entryText[entry]);
                }
            }

            if (kept.Count < count)
            {
                kept.Enqueue((e, score, matched), (score, e));
            }
            else
            {
                kept.EnqueueDequeue((e, score, matched), (score, e));
            }
        }

        var best = new List<(int Entity, double Score, string Matched)>(kept.Count);
        while (kept.Count > 0)
        {
            best.Add(kept.Dequeue());
        }

        best.Reverse();
        return best;

        // Adds the entries of a run whose entity is of the asked type after the first `at`; returns how many there are now.
        int Take(int[] entriesByKey, int from, int to, int at)
        {
            for (var i = from; i < to; i++)
            {
                var entry = entriesByKey[i];
                if (type is null || _types[_entryOwner[entry]] == type)
                {
                    entries[at++] = entry;
                }
            }

            return at;
        }
    }

    /// <summary>
    /// The run of <paramref name="entriesByKey"/> whose keys start with <paramref name="text"/>, found by two binary
    /// searches: those keys follow one another in ordinal order, from the first key not below the text. Empty for an
    /// empty text, which scores 0.
    /// </summary>
    private static (int From, int To) StartingWith(int[] entriesByKey, string[] keys, string text)
    {
        if (text.Length == 0)
        {
            return (0, 0);
        }

        var from = FirstWhere(0, entriesByKey.Length, i => string.CompareOrdinal(keys[entriesByKey[i]], text) >= 0);
        return (from, FirstWhere(from, entriesByKey.Length, i => !keys[entriesByKey[i]].StartsWith(text, StringComparison.Ordinal)));
    }

    private static int[] InKeyOrder(string[] keys)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort((string[])keys.Clone(), order, StringComparer.Ordinal);
        return order;
    }

    public NodeView View(int entity) => new(_ids[entity], _names[entity], _types[entity]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
    private List<(int Entity, double Score, string Matched)> Score(string normalized, string withoutArticles)
    {
        var best = new Dictionary<int, (double Score, string Matched)>();
        var (byNormalized, byWithoutArticles) = (new NameKeyTable.Query(normalized), new NameKeyTable.Query(withoutArticles));
        for (var i = 0; i < _entryOwner.Length; i++)
        {
            var s = Math.Max(_normalizedTable.ScoreIfClose(byNormalized, i), _withoutArticlesTable.ScoreIfClose(byWithoutArticles, i));
            if (s < MatchThreshold)
            {
                continue;
            }

            var e = _entryOwner[i];
            if (!best.TryGetValue(e, out var current) || s > current.Score)
            {
                best[e] = (s, _entryText[i]);
            }
        }

        return [.. best.Select(kv => (kv.Key, kv.Value.Score, kv.Value.Matched))];
    }

    private int CompareByName(int a, int b)
    {
        var c = string.CompareOrdinal(_names[a], _names[b]);
        return c != 0 ? c : a.CompareTo(b); // entity indices follow ordinal id order
    }

    private static void Add(Dictionary<string, int> map, List<List<int>> shared, string key, int entity)
    {
        if (key.Length == 0)
        {
            return;
        }

        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, key, out var exists);
        if (!exists)
        {
            slot = entity;
        }
        else if (slot >= 0)
        {
            // Entities arrive in index order, so a repeat of the last one is the same entity naming itself twice.
            if (slot != entity)
            {
                shared.Add([slot, entity]);
                slot = ~(shared.Count - 1);
            }
        }
        else if (shared[~slot][^1] != entity)
        {
            shared[~slot].Add(entity);
        }
    }
}
