using GraphService.Core.Domain;
using GraphService.Storage.Neo4j.Http;
using GraphService.Storage.Neo4j.Statements;

namespace GraphService.Storage.Neo4j;

/// <summary>
/// The statements that replace the graph, in transaction order: delete the old graph, write predicates, entities,
/// documents, claims, typed claim relationships, citations and their links, mentions in batches of UNWIND rows, and
/// set the graph version last. The rows are also what the exporters write, so the three ways into Neo4j agree.
/// </summary>
internal sealed class ImportPlan(CypherStatements cypher, PredicateVocabulary vocabulary, int batchSize)
{
    public IReadOnlyList<CypherStatement> Statements(GraphSnapshot graph)
    {
        var statements = new List<CypherStatement> { cypher.ImportStatement("delete-graph") };
        Batches(statements, "merge-predicates", cypher.Import["merge-predicates"], PredicateRows(graph));
        Batches(statements, "merge-entities", cypher.Import["merge-entities"], EntityRows(graph));
        Batches(statements, "merge-documents", cypher.Import["merge-documents"], DocumentRows(graph));
        var claims = ClaimRows(graph, vocabulary);
        Batches(statements, "merge-claims", cypher.Import["merge-claims"], claims);
        foreach (var group in claims.GroupBy(c => (string)c["type"]!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Batches(statements, $"merge-claim-relationships[{group.Key}]", cypher.ClaimRelationshipsText(group.Key, vocabulary), [.. group]);
        }

        Batches(statements, "merge-citations", cypher.Import["merge-citations"], CitationRows(graph));
        Batches(statements, "link-citations", cypher.Import["link-citations"], CitationLinkRows(graph));
        Batches(statements, "merge-mentions", cypher.Import["merge-mentions"], MentionRows(graph));
        statements.Add(cypher.ImportStatement("set-graph-version", ("version", graph.Version), ("corpusName", graph.CorpusName),
            ("importedAt", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
        return statements;
    }

    private void Batches(List<CypherStatement> statements, string name, string text, IReadOnlyList<Dictionary<string, object?>> rows)
    {
        for (var i = 0; i < rows.Count; i += batchSize)
        {
            var batch = rows.Skip(i).Take(batchSize).ToList();
            statements.Add(CypherStatements.Make(name, text, ("rows", batch)));
        }
    }

    public static IReadOnlyList<Dictionary<string, object?>> PredicateRows(GraphSnapshot graph) =>
        [.. graph.Predicates.Select((p, i) => new Dictionary<string, object?>
        {
            ["type"] = p.Type,
            ["phrase"] = p.Phrase,
            ["builtIn"] = p.BuiltIn,
            ["ordinal"] = i,
        })];

    public static IReadOnlyList<Dictionary<string, object?>> EntityRows(GraphSnapshot graph) =>
        [.. graph.Entities.Select((e, i) => new Dictionary<string, object?>
        {
            ["id"] = e.Id,
            ["name"] = e.Name,
            ["type"] = e.Type.ToString(),
            ["aliases"] = e.Aliases.ToList(),
            ["aliasText"] = GraphModel.AliasText(e),
            ["description"] = e.Description,
            ["nkeys"] = GraphModel.NormalizedKeys(e).ToList(),
            ["wkeys"] = GraphModel.KeysWithoutArticles(e).ToList(),
            ["ordinal"] = i,
        })];

    public static IReadOnlyList<Dictionary<string, object?>> DocumentRows(GraphSnapshot graph) =>
        [.. graph.Documents.Select((d, i) => new Dictionary<string, object?>
        {
            ["id"] = d.Id,
            ["title"] = d.Title,
            ["publisher"] = d.Publisher,
            ["author"] = d.Author,
            ["published"] = d.Published?.ToString(),
            ["url"] = d.Url,
            ["language"] = d.Language,
            ["text"] = d.Body,
            ["length"] = d.Body.Length,
            ["ordinal"] = i,
        })];

    public static IReadOnlyList<Dictionary<string, object?>> ClaimRows(GraphSnapshot graph, PredicateVocabulary vocabulary) =>
        [.. graph.Relationships.Select((r, i) => new Dictionary<string, object?>
        {
            ["id"] = r.Id,
            ["type"] = r.Type,
            ["phrase"] = vocabulary.PhraseOf(r.Type),
            ["startId"] = r.StartId,
            ["endId"] = r.EndId,
            ["confidence"] = r.Confidence,
            ["confidenceDeclared"] = r.ConfidenceDeclared,
            ["corroboration"] = r.Corroboration,
            ["publishers"] = r.Publishers,
            ["contested"] = r.Contested,
            ["since"] = r.Since?.ToString(),
            ["until"] = r.Until?.ToString(),
            ["sinceFrom"] = GraphModel.EarliestDay(r.Since),
            ["untilTo"] = GraphModel.LatestDay(r.Until),
            ["citationIds"] = r.Citations.Select(c => c.Id).ToList(),
            ["ordinal"] = i,
        })];

    /// <summary>One row per distinct citation id (a citation may back more than one relationship).</summary>
    public static IReadOnlyList<Dictionary<string, object?>> CitationRows(GraphSnapshot graph) =>
        [.. graph.Relationships.SelectMany(r => r.Citations).DistinctBy(c => c.Id, StringComparer.Ordinal).Select(c => new Dictionary<string, object?>
        {
            ["id"] = c.Id,
            ["documentId"] = c.DocumentId,
            ["quote"] = c.Quote,
            ["start"] = c.Start,
            ["end"] = c.End,
            ["stance"] = c.Stance.ToWord(),
        })];

    public static IReadOnlyList<Dictionary<string, object?>> CitationLinkRows(GraphSnapshot graph) =>
        [.. graph.Relationships.SelectMany(r => r.Citations.Select((c, i) => new Dictionary<string, object?>
        {
            ["citationId"] = c.Id,
            ["claimId"] = r.Id,
            ["stance"] = c.Stance.ToWord(),
            ["ordinal"] = i,
        }))];

    /// <summary>One row per (entity, document) with the spans as parallel lists, in corpus order.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> MentionRows(GraphSnapshot graph) =>
        [.. graph.Mentions
            .Select((m, i) => (Mention: m, Ordinal: i))
            .GroupBy(x => (x.Mention.EntityId, x.Mention.DocumentId))
            .Select(g => new Dictionary<string, object?>
            {
                ["entityId"] = g.Key.EntityId,
                ["documentId"] = g.Key.DocumentId,
                ["starts"] = g.Select(x => x.Mention.Start).ToList(),
                ["ends"] = g.Select(x => x.Mention.End).ToList(),
                ["ordinals"] = g.Select(x => x.Ordinal).ToList(),
            })];
}
