using GraphService.Core.Domain;
using GraphService.Core.Queries;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// Reads entities.yaml: ids (slugs, unique), types, names and aliases, and checks that every name or alias identifies
/// one entity (compared by <see cref="NameKey"/>).
/// </summary>
internal static class EntitiesReader
{
    private static readonly string[] EntityKeys = ["id", "type", "name", "aliases", "description"];
    private static readonly string[] EntityTypeNames = Enum.GetNames<EntityType>();

    /// <summary>The entities; null when entities.yaml is missing or cannot be parsed at all.</summary>
    public static EntitySet? Read(CorpusInput input)
    {
        return input.ReadList(CorpusLayout.EntitiesFile, "entities", "id", (source, items) => Read(input.Log, source, items));
    }

    private static EntitySet Read(ProblemLog log, YamlSource source, IEnumerable<YamlNode> items)
    {
        const string file = CorpusLayout.EntitiesFile;
        var valid = new List<EntityEntry>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, (string EntityId, string Kind, string Text, int Line)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (source.Record(item, "entity", EntityKeys) is not { } record)
            {
                continue;
            }

            var entityProblemsBefore = log.Count;
            var id = record.Text("id", required: true)?.Trim();
            var typeText = record.Text("type", required: true)?.Trim();
            var name = record.Text("name", required: true)?.Trim();
            var description = record.Text("description", required: false)?.Trim();
            if (id is not null)
            {
                known.Add(id);
                if (!CorpusLayout.IsSlug(id))
                {
                    source.ReportAtLine(record.LineOf("id"), $"entity id '{id}' is not a kebab-case slug: use lowercase letters and digits joined by single hyphens (e.g. qais-al-khazali)");
                }
                else if (firstLine.TryGetValue(id, out var first))
                {
                    source.ReportAtLine(record.LineOf("id"), $"duplicate entity id '{id}' (first at {file}:{first})");
                }
                else
                {
                    firstLine[id] = record.Line;
                }
            }

            EntityType? type = null;
            if (typeText is not null)
            {
                if (EntityTypeNames.Contains(typeText, StringComparer.Ordinal))
                {
                    type = Enum.Parse<EntityType>(typeText);
                }
                else
                {
                    source.ReportAtLine(record.LineOf("type"), $"unknown entity type '{typeText}' (allowed: {string.Join(", ", EntityTypeNames)})");
                }
            }

            var aliases = ReadAliases(source, record);
            var owner = id ?? $"(entity at {file}:{record.Line})";
            var named = new List<(string Kind, string Text, int Line)>(1 + aliases.Count);
            if (name is not null)
            {
                named.Add(("name", name, record.LineOf("name")));
            }

            foreach (var (aliasText, aliasLine) in aliases)
            {
                named.Add(("alias", aliasText, aliasLine));
            }

            // An entity with one name (most have no alias) cannot repeat a key of its own: no set for it.
            var ownKeys = named.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
            foreach (var (kind, nameText, line) in named)
            {
                var key = NameKey.Normalize(nameText);
                if (key.Length == 0)
                {
                    source.ReportAtLine(line, $"{kind} '{nameText}' of '{owner}' has no letters or digits");
                }
                else if (names.TryGetValue(key, out var other) && other.EntityId != owner)
                {
                    source.ReportAtLine(line, $"{kind} '{nameText}' of '{owner}' collides with {other.Kind} '{other.Text}' of '{other.EntityId}' ({file}:{other.Line}): a name or alias must identify one entity");
                }
                else if (ownKeys?.Add(key) ?? true)
                {
                    names.TryAdd(key, (owner, kind, nameText, line));
                }
            }

            if (log.Count == entityProblemsBefore && id is not null && type is EntityType t && name is not null)
            {
                var distinctAliases = aliases.Count switch
                {
                    0 => [],
                    1 => [aliases[0].Text],
                    _ => aliases.Select(a => a.Text).Distinct(StringComparer.Ordinal).ToList(),
                };
                valid.Add(new EntityEntry(new Entity(id, t, name, distinctAliases, description), record.Line));
            }
        }

        return new EntitySet(valid, known);
    }

    private static List<(string Text, int Line)> ReadAliases(YamlSource source, YamlRecord record)
    {
        var aliases = new List<(string Text, int Line)>();
        foreach (var a in record.List("aliases")?.Children ?? [])
        {
            if (a is YamlScalarNode scalar && !YamlSource.IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                aliases.Add((scalar.Value.Trim(), source.LineOf(a)));
            }
            else
            {
                source.Report(a, "each alias must be a name (a single text value)");
            }
        }

        return aliases;
    }
}
