using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Core.Traversal;

/// <summary>
/// Finds entities by what a user types: the <see cref="NameKey.Normalize"/> and <see cref="NameKey.WithoutArticles"/>
/// forms of every id, name and alias map to entity indices. Resolution and ranked search both run on it.
/// </summary>
public sealed class AliasIndex
{
    /// <summary>Scores below this are not offered as hits or suggestions.</summary>
    public const double MatchThreshold = 0.5;

    public const int MaxSuggestions = 5;

    private readonly TraversalIndex _index;
    private readonly Dictionary<string, int[]> _byNormalized;
    private readonly Dictionary<string, int[]> _byWithoutArticles;

    // One entry per (entity, name or alias): its two key forms and the text as written, for scoring.
    private readonly int[] _entryOwner;
    private readonly string[] _entryText;
    private readonly string[] _entryNormalized;
    private readonly string[] _entryWithoutArticles;
    private readonly int[] _entitiesByName;

    private AliasIndex(TraversalIndex index)
    {
        _index = index;
        var normalized = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var withoutArticles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var owner = new List<int>(index.EntityCount * 2);
        var text = new List<string>(index.EntityCount * 2);
        var keyN = new List<string>(index.EntityCount * 2);
        var keyW = new List<string>(index.EntityCount * 2);

        for (var e = 0; e < index.EntityCount; e++)
        {
            AddKeys(normalized, withoutArticles, e, index.EntityIds[e], out _, out _);
            AddEntry(e, index.EntityNames[e]);
            foreach (var alias in index.EntityAliases[e])
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
        _entitiesByName = [.. Enumerable.Range(0, index.EntityCount).Order(Comparer<int>.Create(CompareByName))];

        void AddEntry(int entity, string written)
        {
            AddKeys(normalized, withoutArticles, entity, written, out var n, out var w);
            owner.Add(entity);
            text.Add(written);
            keyN.Add(n);
            keyW.Add(w);
        }
    }

    public static AliasIndex Build(TraversalIndex index) => new(index);

    public Resolution Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var exact = _index.EntityIndexOf(text.Trim());
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

        var suggestions = Score(normalized, withoutArticles)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Entity, Comparer<int>.Create(CompareByName))
            .Take(MaxSuggestions)
            .Select(h => View(h.Entity))
            .ToList();
        return new Resolution.NotFound(text, suggestions);
    }

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
            ranked = _entitiesByName.Select(e => (e, 1.0, _index.EntityNames[e]));
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
            ranked = ranked.Where(h => _index.EntityTypes[h.Entity] == type);
        }

        return [.. ranked
            .Skip(search.Offset)
            .Take(search.Limit)
            .Select(h => new EntityHit(
                _index.EntityIds[h.Entity],
                _index.EntityNames[h.Entity],
                _index.EntityTypes[h.Entity],
                _index.EntityAliases[h.Entity],
                h.Matched,
                Math.Round(h.Score, 4)))];
    }

    public NodeView View(int entity) => new(_index.EntityIds[entity], _index.EntityNames[entity], _index.EntityTypes[entity]);

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
        var c = string.CompareOrdinal(_index.EntityNames[a], _index.EntityNames[b]);
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
