using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Storage.Neo4j.Http;

namespace GraphService.Storage.Neo4j;

/// <summary>Turns the rows of the read statements (cypher/read.cypher) into Core's result records; pure, no I/O.</summary>
internal static class RecordMapping
{
    public static RelationshipView ToRelationshipView(CypherRecord r) => new(
        r.String("id"),
        r.String("type"),
        r.String("phrase"),
        r.String("startId"),
        r.String("endId"),
        r.Double("confidence"),
        r.Int("corroboration"),
        r.Bool("contested"),
        r.StringOrNull("since"),
        r.StringOrNull("until"),
        [.. r.List("citations").Cast<IReadOnlyDictionary<string, object?>>().Select(c => new CitationView(
            c.String("id"),
            c.String("documentId"),
            c.String("title"),
            c.String("publisher"),
            c.StringOrNull("published"),
            c.StringOrNull("url"),
            c.String("quote"),
            checked((int)c.Long("start")),
            checked((int)c.Long("end")),
            GraphModel.ParseStance(c.String("stance"))))])
    {
        Publishers = r.Int("publishers"),
    };

    /// <summary>
    /// A row of paths.cypher#shortest-path-groups as a path of links: its chain of entities, and at each step every
    /// parallel relationship it used there, strongest first, with just enough of each (id, type, ends, strength) for
    /// <see cref="PathOrder"/>; citations are read for the chosen paths only.
    /// </summary>
    public static GraphPath ToLinkedPath(CypherRecord r, PredicateVocabulary vocabulary)
    {
        var entities = r.List("entities").Select(n => n as CypherNode ?? throw new InvalidDataException("Field 'entities' holds a non-node.")).ToList();
        var idOf = entities.DistinctBy(n => n.ElementId).ToDictionary(n => n.ElementId, n => n.Properties.String("id"), StringComparer.Ordinal);
        var nodes = entities.Select(n => new NodeView(n.Properties.String("id"), n.Properties.String("name"), GraphModel.ParseEntityType(n.Properties.String("type")))).ToList();
        var steps = r.List("links").Cast<IReadOnlyDictionary<string, object?>>().OrderBy(l => l.Long("step")).ToList();
        if (steps.Count != nodes.Count - 1 || steps.Where((l, i) => l.Long("step") != i).Any())
        {
            throw new InvalidDataException($"A path row of {nodes.Count} entities has links for steps {string.Join(", ", steps.Select(l => l.Long("step")))}.");
        }

        var links = steps.Select((l, i) => PathLinks.Link(
            nodes[i].Id,
            nodes[i + 1].Id,
            (l.GetValueOrDefault("relationships") as IReadOnlyList<object?> ?? throw new InvalidDataException("A link of a path row has no list of relationships."))
                .Select(o => o as CypherRelationship ?? throw new InvalidDataException("A link holds a non-relationship."))
                .Select(rel => new RelationshipView(
                    rel.Properties.String("id"),
                    rel.Type,
                    vocabulary.PhraseOf(rel.Type),
                    idOf[rel.StartNodeElementId],
                    idOf[rel.EndNodeElementId],
                    rel.Properties.Double("confidence"),
                    checked((int)rel.Properties.Long("corroboration")),
                    rel.Properties.Bool("contested"),
                    rel.Properties.StringOrNull("since"),
                    rel.Properties.StringOrNull("until"),
                    [])))).ToList();
        return new GraphPath(links.Count, nodes, links);
    }

    /// <summary>Paths are chains of distinct entities; a trail longer than the shortest may pass one entity twice.</summary>
    public static bool IsChainOfDistinctEntities(GraphPath path) =>
        path.Nodes.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count() == path.Nodes.Count;

    public static NodeView ToNodeView(CypherRecord r) => new(r.String("id"), r.String("name"), GraphModel.ParseEntityType(r.String("type")));

    public static DocumentSummary ToDocumentSummary(CypherRecord r) => new(
        r.String("id"), r.String("title"), r.String("publisher"), r.StringOrNull("author"), r.StringOrNull("published"), r.StringOrNull("url"), r.StringOrNull("language"), r.Int("length"));

    public static PartialDate? ParseDate(string? text) => text is null ? null : PartialDate.Parse(text);

    public static Entity ToEntity(CypherRecord r) =>
        new(r.String("id"), GraphModel.ParseEntityType(r.String("type")), r.String("name"), r.Strings("aliases"), r.StringOrNull("description"));

    public static SourceDocument ToSourceDocument(CypherRecord r) =>
        new(r.String("id"), r.String("title"), r.String("publisher"), r.StringOrNull("author"), ParseDate(r.StringOrNull("published")), r.StringOrNull("url"), r.StringOrNull("language"), r.String("text"));

    public static Relationship ToRelationship(CypherRecord r) => new(
        r.String("id"),
        r.String("type"),
        r.String("startId"),
        r.String("endId"),
        ParseDate(r.StringOrNull("since")),
        ParseDate(r.StringOrNull("until")),
        r.Double("confidence"),
        r.Bool("confidenceDeclared"),
        r.Int("corroboration"),
        r.Bool("contested"),
        [.. r.List("citations").Cast<IReadOnlyDictionary<string, object?>>().Select(c => new Citation(
            c.String("id"), c.String("documentId"), c.String("quote"), checked((int)c.Long("start")), checked((int)c.Long("end")), GraphModel.ParseStance(c.String("stance"))))])
    {
        Publishers = r.Int("publishers"),
    };

    public static Predicate ToPredicate(CypherRecord r) => new(r.String("type"), r.String("phrase"), r.Bool("builtIn"));

    /// <summary>The rows of snapshot-mentions (one per entity and document, spans as parallel lists) back in corpus order.</summary>
    public static IReadOnlyList<Mention> ToMentions(IEnumerable<CypherRecord> rows)
    {
        var mentions = new List<(long Ordinal, Mention Mention)>();
        foreach (var r in rows)
        {
            var starts = r.Longs("starts");
            var ends = r.Longs("ends");
            var ordinals = r.Longs("ordinals");
            for (var i = 0; i < starts.Count; i++)
            {
                mentions.Add((ordinals[i], new Mention(r.String("entityId"), r.String("documentId"), checked((int)starts[i]), checked((int)ends[i]))));
            }
        }

        return [.. mentions.OrderBy(x => x.Ordinal).Select(x => x.Mention)];
    }

    /// <summary>One candidate per neighbour of a neighbors row set, through its strongest relationship.</summary>
    public static Dictionary<string, (EvidenceStrength Strength, NodeView View)> StrongestPerNeighbor(IEnumerable<CypherRecord> rows)
    {
        var candidates = new Dictionary<string, (EvidenceStrength Strength, NodeView View)>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var view = ToNodeView(r);
            var strength = new EvidenceStrength(r.Int("corroboration"), r.Double("confidence"));
            if (!candidates.TryGetValue(view.Id, out var best) || strength > best.Strength)
            {
                candidates[view.Id] = (strength, view);
            }
        }

        return candidates;
    }

    /// <summary>A row of read.cypher#entity-relationships as Core's entry (its handle the row's position) and the other end.</summary>
    public static EntityRelationshipEntry ToEntityRelationshipEntry(CypherRecord r, int idOrder, int position, out NodeView other)
    {
        other = new NodeView(r.String("otherId"), r.String("otherName"), GraphModel.ParseEntityType(r.String("otherType")));
        return new EntityRelationshipEntry(r.String("type"), r.Bool("outgoing"), new EvidenceStrength(r.Int("corroboration"), r.Double("confidence")), idOrder, position);
    }

    public static EntityDetail ToEntityDetail(
        string version,
        CypherNode node,
        EntityRelationshipPage page,
        IEnumerable<EntityRelationship> listed,
        int citations,
        CypherRecord mentionCounts,
        IEnumerable<CypherRecord> mentionRows)
    {
        var p = node.Properties;
        return new EntityDetail(
            version,
            p.String("id"),
            p.String("name"),
            GraphModel.ParseEntityType(p.String("type")),
            p.Strings("aliases"),
            p.StringOrNull("description"),
            EntityRelationships.ByPredicate(listed),
            page.Counts,
            page.Truncated,
            citations,
            mentionCounts.Int("mentions"),
            [.. mentionRows.Select(ToDocumentSummary)],
            mentionCounts.Int("documents"));
    }

    public static SpanRef ToSpan(CypherRecord r, string idField) => new(r.Int("start"), r.Int("end"), r.String(idField));

    /// <summary>
    /// The page of a document row (read.cypher#document): its text window comes cut by Neo4j, or whole when Cypher's code
    /// points and the API's UTF-16 code units disagree, and is then cut here.
    /// </summary>
    public static DocumentDetail ToDocumentPage(string version, CypherRecord d, DocumentQuery query, int readEnd, IReadOnlyList<SpanRef> mentions, IReadOnlyList<SpanRef> citations)
    {
        var summary = ToDocumentSummary(d);
        var (start, pageEnd) = DocumentPaging.Clamp(query, summary.Length);
        readEnd = Math.Min(readEnd, summary.Length);
        TextWindow window;
        if (d.StringOrNull("text") is { } text)
        {
            window = new TextWindow(start, text);
        }
        else
        {
            (start, pageEnd, window) = DocumentPaging.CutWindow(d.String("wholeText"), start, pageEnd, readEnd);
        }

        return DocumentPaging.Page(version, summary, start, pageEnd, window, mentions, query.MentionLimit, citations);
    }

    public static CitationView ToCitationView(CypherRecord r) => new(
        r.String("id"), r.String("documentId"), r.String("title"), r.String("publisher"), r.StringOrNull("published"), r.StringOrNull("url"),
        r.String("quote"), r.Int("start"), r.Int("end"), GraphModel.ParseStance(r.String("stance")));

    public static GraphSchema ToSchema(string version, IEnumerable<CypherRecord> types, IEnumerable<CypherRecord> predicates, CypherRecord counts) => new(
        version,
        [.. types.Select(r => new TypeCount(GraphModel.ParseEntityType(r.String("type")).ToString(), r.Int("count"))).OrderBy(t => t.Type, StringComparer.Ordinal)],
        [.. predicates.Select(r => new PredicateCount(r.String("type"), r.String("phrase"), r.Bool("builtIn"), r.Int("count"))).OrderBy(p => p.Type, StringComparer.Ordinal)],
        counts.Int("entities"),
        counts.Int("relationships"),
        counts.Int("documents"),
        counts.Int("citations"),
        counts.Int("mentions"));
}
