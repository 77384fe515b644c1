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
    private readonly Dictionary<string, int[]> _byNormalized;
    private readonly Dictionary<string, int[]> _byWithoutArticles;

    // One entry per (entity, name or alias): its two key forms and the text as written, for scoring.
    private readonly int[] _entryOwner;
    private readonly string[] _entryText;
    private readonly string[] _entryNormalized;
    private readonly string[] _entryWithoutArticles;
    private readonly int[] _entitiesByName;

    private AliasIndex(string[] ids, string[] names, EntityType[] types, string[][] aliases, Func<string, int> indexOfId)
    {
        (_ids, _names, _types, _aliases, _indexOfId) = (ids, names, types, aliases, indexOfId);
        var count = ids.Length;
        var normalized = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var withoutArticles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var owner = new List<int>(count * 2);
        var text = new List<string>(count * 2);
        var keyN = new List<string>(count * 2);
        var keyW = new List<string>(count * 2);

        for (var e = 0; e < count; e++)
        {
            AddKeys(normalized, withoutArticles, e, ids[e], out _, out _);
            AddEntry(e, names[e]);
            foreach (var alias in aliases[e])
            {
                AddEntry(e, alias);
            }
        }

        _byNormalized = Freeze(normalized);
        _byWithoutArticles = Freeze(withoutArticles);
        _entryOwner = [.. owner];
        _entryText = [.. text];
        _entryNormalized = [.. keyN];
        _entryWithoutArticles = [.. keyW];
        _entitiesByName = [.. Enumerable.Range(0, count).Order(Comparer<int>.Create(CompareByName))];

        void AddEntry(int entity, string written)
        {
            AddKeys(normalized, withoutArticles, entity, written, out var n, out var w);
            owner.Add(entity);
            text.Add(written);
            keyN.Add(n);
            keyW.Add(w);
        }
    }

    /// <summary>Over the entities of a traversal index (whose entities are already in id order), sharing its arrays.</summary>
    public static AliasIndex Build(TraversalIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new(index.EntityIds, index.EntityNames, index.EntityTypes, index.EntityAliases, index.EntityIndexOf);
    }

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
            id => byId.TryGetValue(id, out var i) ? i : -1);
    }

    public Resolution Resolve(string text)
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
            if (key.Length > 0 && map.TryGetValue(key, out var hits))
            {
                return hits.Length == 1
                    ? new Resolution.Resolved(text, View(hits[0]))
                    : new Resolution.Ambiguous(text, [.. hits.Order(Comparer<int>.Create(CompareByName)).Select(View)]);
            }
        }

        return new Resolution.NotFound(text, Suggest(normalized, withoutArticles));
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
            ranked = Score(NameKey.Normalize(search.Text), NameKey.WithoutArticles(search.Text))
                .OrderByDescending(h => h.Score)
                .ThenBy(h => h.Entity, byName)
                .Select(h => (h.Entity, h.Score, h.Matched));
        }

        if (search.Type is EntityType type)
        {
            ranked = ranked.Where(h => _types[h.Entity] == type);
        }

        return [.. ranked
            .Skip(search.Offset)
            .Take(search.Limit)
            .Select(h => new EntityHit(
                _ids[h.Entity],
                _names[h.Entity],
                _types[h.Entity],
                _aliases[h.Entity],
                h.Matched,
                Math.Round(h.Score, 4)))];
    }

    public NodeView View(int entity) => new(_ids[entity], _names[entity], _types[entity]);

    private List<(int Entity, double Score, string Matched)> Score(string normalized, string withoutArticles)
    {
        var best = new Dictionary<int, (double Score, string Matched)>();
        for (var i = 0; i < _entryOwner.Length; i++)
        {
            var s = Math.Max(ScoreAboveThreshold(normalized, _entryNormalized[i]), ScoreAboveThreshold(withoutArticles, _entryWithoutArticles[i]));
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

    /// <summary>
    /// <see cref="NameSimilarity.Score"/>, skipping the edit distance when the lengths alone rule out reaching the
    /// threshold: below a prefix or containment the score is 0.75·(1 − d/max) and d is at least the length difference.
    /// </summary>
    private static double ScoreAboveThreshold(string query, string candidate)
    {
        if (query.Length == 0 || candidate.Length == 0)
        {
            return 0;
        }

        if (!candidate.Contains(query, StringComparison.Ordinal))
        {
            var longest = Math.Max(query.Length, candidate.Length);
            if (0.75 * (1.0 - ((double)Math.Abs(query.Length - candidate.Length) / longest)) < MatchThreshold)
            {
                return 0;
            }
        }

        return NameSimilarity.Score(query, candidate);
    }

    private int CompareByName(int a, int b)
    {
        var c = string.CompareOrdinal(_names[a], _names[b]);
        return c != 0 ? c : a.CompareTo(b); // entity indices follow ordinal id order
    }

    private static void AddKeys(Dictionary<string, List<int>> normalized, Dictionary<string, List<int>> withoutArticles, int entity, string text, out string n, out string w)
    {
        n = NameKey.Normalize(text);
        w = NameKey.WithoutArticles(text);
        Add(normalized, n, entity);
        Add(withoutArticles, w, entity);
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int entity)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<int>(1);
        }

        if (list.Count == 0 || list[^1] != entity)
        {
            list.Add(entity);
        }
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> map)
    {
        var frozen = new Dictionary<string, int[]>(map.Count, StringComparer.Ordinal);
        foreach (var (key, list) in map)
        {
            frozen[key] = [.. list];
        }

        return frozen;
    }
}
