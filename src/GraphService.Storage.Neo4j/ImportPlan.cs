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
    /// <summary>
    /// The statements, made one at a time as they are asked for: a batch's rows exist only while its statement is being
    /// sent, so that replacing a graph of millions of relationships never holds them all as rows at once.
    /// </summary>
    public IEnumerable<CypherStatement> Statements(GraphContent graph)
    {
        yield return cypher.ImportStatement("delete-graph");
        var batches = Batches("merge-predicates", cypher.Import["merge-predicates"], PredicateRows(graph))
            .Concat(Batches("merge-entities", cypher.Import["merge-entities"], EntityRows(graph)))
            .Concat(Batches("merge-documents", cypher.Import["merge-documents"], DocumentRows(graph)))
            .Concat(Batches("merge-claims", cypher.Import["merge-claims"], ClaimRows(graph, vocabulary)));
        foreach (var statement in batches)
        {
            yield return statement;
        }

        // One pass over the relationships per type, in ordinal order of the type, each row keeping its claim's ordinal.
        foreach (var type in graph.Relationships.Select(r => r.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var rows = graph.Relationships
                .Select((r, i) => (Relationship: r, Ordinal: i))
                .Where(x => string.Equals(x.Relationship.Type, type, StringComparison.Ordinal))
                .Select(x => ClaimRow(x.Relationship, x.Ordinal, vocabulary));
            foreach (var statement in Batches($"merge-claim-relationships[{type}]", cypher.ClaimRelationshipsText(type, vocabulary), rows))
            {
                yield return statement;
            }
        }

        batches = Batches("merge-citations", cypher.Import["merge-citations"], CitationRows(graph))
            .Concat(Batches("link-citations", cypher.Import["link-citations"], CitationLinkRows(graph)))
            .Concat(Batches("merge-mentions", cypher.Import["merge-mentions"], MentionRows(graph)));
        foreach (var statement in batches)
        {
            yield return statement;
        }

        yield return cypher.ImportStatement("set-graph-version", ("version", graph.Version), ("corpusName", graph.CorpusName),
            ("importedAt", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private IEnumerable<CypherStatement> Batches(string name, string text, IEnumerable<Dictionary<string, object?>> rows) =>
        rows.Chunk(batchSize).Select(batch => CypherStatements.Make(name, text, ("rows", batch)));

    public static IEnumerable<Dictionary<string, object?>> PredicateRows(GraphContent graph) =>
        graph.Predicates.Select((p, i) => new Dictionary<string, object?>
        {
            ["type"] = p.Type,
            ["phrase"] = p.Phrase,
            ["builtIn"] = p.BuiltIn,
            ["ordinal"] = i,
        });

    public static IEnumerable<Dictionary<string, object?>> EntityRows(GraphContent graph) =>
        graph.Entities.Select((e, i) => new Dictionary<string, object?>
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
        });

    public static IEnumerable<Dictionary<string, object?>> DocumentRows(GraphContent graph) =>
        graph.Documents.Select((d, i) => new Dictionary<string, object?>
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
        });

    private static IEnumerable<Dictionary<string, object?>> ClaimRows(GraphContent graph, PredicateVocabulary vocabulary) =>
        graph.Relationships.Select((r, i) => ClaimRow(r, i, vocabulary));

    /// <summary>The row of <paramref name="r"/>, the <paramref name="i"/>-th relationship of the graph.</summary>
    public static Dictionary<string, object?> ClaimRow(Relationship r, int i, PredicateVocabulary vocabulary) =>
        new()
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
        };

    /// <summary>
    /// One pass over the relationships, in order, for writers that make several kinds of rows from each: its claim row
    /// and, for each of its citations, the citation's row the first time the citation is seen (null after) and the row
    /// of its link to the claim. A relationship whose type the vocabulary does not declare is refused when reached.
    /// </summary>
    public static IEnumerable<ClaimWithCitations> ClaimsWithCitations(GraphContent graph, PredicateVocabulary vocabulary)
    {
        var cited = new HashSet<string>(StringComparer.Ordinal);
        var ordinal = 0;
        foreach (var relationship in graph.Relationships)
        {
            GraphModel.RequireDeclared(vocabulary, relationship);
            var citations = new List<(Dictionary<string, object?>? Citation, Dictionary<string, object?> Link)>(relationship.Citations.Count);
            for (var i = 0; i < relationship.Citations.Count; i++)
            {
                var citation = relationship.Citations[i];
                citations.Add((cited.Add(citation.Id) ? CitationRow(citation) : null, CitationLinkRow(relationship, citation, i)));
            }

            yield return new ClaimWithCitations(relationship, ClaimRow(relationship, ordinal++, vocabulary), citations);
        }
    }

    /// <summary>One row per distinct citation id (a citation may back more than one relationship).</summary>
    private static IEnumerable<Dictionary<string, object?>> CitationRows(GraphContent graph) =>
        graph.Relationships.SelectMany(r => r.Citations).DistinctBy(c => c.Id, StringComparer.Ordinal).Select(CitationRow);

    public static Dictionary<string, object?> CitationRow(Citation c) =>
        new()
        {
            ["id"] = c.Id,
            ["documentId"] = c.DocumentId,
            ["quote"] = c.Quote,
            ["start"] = c.Start,
            ["end"] = c.End,
            ["stance"] = c.Stance.ToWord(),
        };

    private static IEnumerable<Dictionary<string, object?>> CitationLinkRows(GraphContent graph) =>
        graph.Relationships.SelectMany(r => r.Citations.Select((c, i) => CitationLinkRow(r, c, i)));

    /// <summary>The link from <paramref name="c"/> to the claim of <paramref name="r"/>, the <paramref name="ordinal"/>-th of its citations.</summary>
    public static Dictionary<string, object?> CitationLinkRow(Relationship r, Citation c, int ordinal) =>
        new()
        {
            ["citationId"] = c.Id,
            ["claimId"] = r.Id,
            ["stance"] = c.Stance.ToWord(),
            ["ordinal"] = ordinal,
        };

    /// <summary>One row per (entity, document) with the spans as parallel lists, in corpus order.</summary>
    public static IEnumerable<Dictionary<string, object?>> MentionRows(GraphContent graph) =>
        graph.Mentions
            .Select((m, i) => (Mention: m, Ordinal: i))
            .GroupBy(x => (x.Mention.EntityId, x.Mention.DocumentId))
            .Select(g => new Dictionary<string, object?>
            {
                ["entityId"] = g.Key.EntityId,
                ["documentId"] = g.Key.DocumentId,
                ["starts"] = g.Select(x => x.Mention.Start).ToList(),
                ["ends"] = g.Select(x => x.Mention.End).ToList(),
                ["ordinals"] = g.Select(x => x.Ordinal).ToList(),
            });
}

/// <summary>A relationship with the rows <see cref="ImportPlan.ClaimsWithCitations"/> makes from it.</summary>
internal sealed record ClaimWithCitations(
    Relationship Relationship,
    Dictionary<string, object?> Claim,
    IReadOnlyList<(Dictionary<string, object?>? Citation, Dictionary<string, object?> Link)> Citations);
