using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Storage.Neo4j;

/// <summary>
/// Every entity's name and aliases in both <see cref="NameKey"/> forms, for ranked search and "did you mean"
/// suggestions, scored with Core's <see cref="NameSimilarity"/> exactly as the embedded store scores them: the best
/// score over an entity's name and aliases (either key form), at least <see cref="MatchThreshold"/>, ties by name then id.
/// Loaded from Neo4j once per graph version.
/// </summary>
internal sealed class NameTable
{
    public const double MatchThreshold = 0.5;
    public const int MaxSuggestions = 5;

    private readonly IReadOnlyList<Row> _entities;
    private readonly List<(int Entity, string Text, string Normalized, string WithoutArticles)> _entries = [];

    public NameTable(IEnumerable<(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases)> entities)
    {
        _entities = [.. entities.Select(e => new Row(e.Id, e.Name, e.Type, e.Aliases)).OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)];
        for (var i = 0; i < _entities.Count; i++)
        {
            foreach (var text in _entities[i].Aliases.Prepend(_entities[i].Name))
            {
                _entries.Add((i, text, NameKey.Normalize(text), NameKey.WithoutArticles(text)));
            }
        }
    }

    public IReadOnlyList<NodeView> Suggest(string text) =>
        [.. Score(NameKey.Normalize(text), NameKey.WithoutArticles(text))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Entity)
            .Take(MaxSuggestions)
            .Select(h => _entities[h.Entity].View)];

    public IReadOnlyList<EntityHit> Search(EntitySearch search)
    {
        IEnumerable<(int Entity, double Score, string Matched)> ranked = string.IsNullOrWhiteSpace(search.Text)
            ? Enumerable.Range(0, _entities.Count).Select(i => (i, 1.0, _entities[i].Name))
            : Score(NameKey.Normalize(search.Text), NameKey.WithoutArticles(search.Text))
                .OrderByDescending(h => h.Score)
                .ThenBy(h => h.Entity);
        if (search.Type is EntityType type)
        {
            ranked = ranked.Where(h => _entities[h.Entity].Type == type);
        }

        return [.. ranked.Skip(search.Offset).Take(search.Limit).Select(h =>
        {
            var e = _entities[h.Entity];
            return new EntityHit(e.Id, e.Name, e.Type, e.Aliases, h.Matched, Math.Round(h.Score, 4));
        })];
    }

    // Entities are held sorted by (name, id), so ordering by index is the tie-break by name then id.
    private List<(int Entity, double Score, string Matched)> Score(string normalized, string withoutArticles)
    {
        var best = new Dictionary<int, (double Score, string Matched)>();
        foreach (var (entity, text, n, w) in _entries)
        {
            var s = Math.Max(NameSimilarity.Score(normalized, n), NameSimilarity.Score(withoutArticles, w));
            if (s < MatchThreshold)
            {
                continue;
            }

            if (!best.TryGetValue(entity, out var current) || s > current.Score)
            {
                best[entity] = (s, text);
            }
        }

        return [.. best.Select(kv => (kv.Key, kv.Value.Score, kv.Value.Matched))];
    }

    private sealed record Row(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases)
    {
        public NodeView View { get; } = new(Id, Name, Type);
    }
}
