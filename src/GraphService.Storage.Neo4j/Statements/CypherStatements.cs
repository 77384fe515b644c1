using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Storage.Neo4j.Http;

namespace GraphService.Storage.Neo4j.Statements;

/// <summary>
/// Every statement the adapter can send, built from cypher/*.cypher. The lint test enumerates <see cref="AllForLint"/>
/// so that what is linted is exactly what is sent.
/// </summary>
internal sealed class CypherStatements
{
    public static CypherStatements Instance { get; } = new();

    private CypherStatements()
    {
        Schema = CypherFile.Load("schema.cypher");
        Import = CypherFile.Load("import.cypher");
        Read = CypherFile.Load("read.cypher");
        Paths = CypherFile.Load("paths.cypher");
    }

    public CypherFile Schema { get; }

    public CypherFile Import { get; }

    public CypherFile Read { get; }

    public CypherFile Paths { get; }

    public static CypherStatement Make(string name, string text, params (string Name, object? Value)[] parameters) =>
        new(name, text, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    public CypherStatement ReadStatement(string name, params (string Name, object? Value)[] parameters) => Make(name, Read[name], parameters);

    public CypherStatement ImportStatement(string name, params (string Name, object? Value)[] parameters) => Make(name, Import[name], parameters);

    public string ClaimRelationshipsText(string type, PredicateVocabulary vocabulary) =>
        PatternTemplate.WithType(Import["merge-claim-relationships"], type, vocabulary);

    public string NeighborsText(IEnumerable<string> types, PredicateVocabulary vocabulary) =>
        PatternTemplate.WithTypes(Read["neighbors"], types, vocabulary);

    public string RelationshipsAmongText(IEnumerable<string> types, PredicateVocabulary vocabulary) =>
        PatternTemplate.WithTypes(Read["relationships-among"], types, vocabulary);

    public string ShortestPathGroupsText(int groups, int maxLength, TraversalDirection direction, IEnumerable<string> types, PredicateVocabulary vocabulary) =>
        PatternTemplate.WithGroups(
            PatternTemplate.WithMaxLength(PatternTemplate.WithDirection(PatternTemplate.WithTypes(Paths["shortest-path-groups"], types, vocabulary), direction), maxLength),
            groups);

    /// <summary>
    /// Every file statement plus the composed variants the adapter can send for <paramref name="vocabulary"/>: a
    /// claim-relationship write per predicate; per type filter the neighbourhood statements and a path statement; and for
    /// filters of other than one type (none, unions) the path statement in every direction, and with every number of
    /// groups and every longest length. The markers are rewritten independently of each other, so this covers every
    /// marker with every filter shape.
    /// </summary>
    public IEnumerable<(string Name, string Text)> AllForLint(PredicateVocabulary vocabulary, IReadOnlyList<IReadOnlySet<string>> typeFilters)
    {
        foreach (var file in new[] { Schema, Import, Read, Paths })
        {
            foreach (var (name, text) in file.Statements)
            {
                yield return ($"{file.FileName}#{name}", text);
            }
        }

        foreach (var p in vocabulary.All)
        {
            yield return ($"import.cypher#merge-claim-relationships[{p.Type}]", ClaimRelationshipsText(p.Type, vocabulary));
        }

        foreach (var types in typeFilters)
        {
            var label = types.Count == 0 ? "all" : string.Join("|", types.Order(StringComparer.Ordinal));
            yield return ($"read.cypher#neighbors[{label}]", NeighborsText(types, vocabulary));
            yield return ($"read.cypher#relationships-among[{label}]", RelationshipsAmongText(types, vocabulary));
            if (types.Count == 1)
            {
                yield return ($"paths.cypher#shortest-path-groups[{label},Any,1,4]", ShortestPathGroupsText(1, 4, TraversalDirection.Any, types, vocabulary));
                continue;
            }

            foreach (var direction in Enum.GetValues<TraversalDirection>())
            {
                for (var n = QueryLimits.MaxHops.Min; n <= QueryLimits.MaxHops.Max; n++)
                {
                    yield return ($"paths.cypher#shortest-path-groups[{label},{direction},{n},6]", ShortestPathGroupsText(n, QueryLimits.MaxHops.Max, direction, types, vocabulary));
                    if (n < QueryLimits.MaxHops.Max)
                    {
                        yield return ($"paths.cypher#shortest-path-groups[{label},{direction},1,{n}]", ShortestPathGroupsText(1, n, direction, types, vocabulary));
                    }
                }
            }
        }
    }
}
