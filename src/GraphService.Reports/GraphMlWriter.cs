using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using GraphService.Core.Domain;
using GraphService.Core.Export;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Reports.Model;

namespace GraphService.Reports;

/// <summary>
/// GraphML (http://graphml.graphdrawing.org/xmlns) for Gephi, yEd and Cytoscape: a directed graph whose nodes are
/// entities and whose edges are relationships, every attribute declared as a <c>key</c> with <c>attr.name</c> and
/// <c>attr.type</c>. Each edge carries its citations twice: as readable text (<c>sources</c>) and as the API's JSON
/// (<c>citations</c>). Node and edge ids are the graph's ids, encoded with <see cref="XmlConvert.EncodeNmToken"/> when
/// they are not already valid NMTOKENs; the raw id is also kept as data.
/// </summary>
public static class GraphMlWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const string SchemaLocation = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";
    private static readonly JsonSerializerOptions CompactJson = GraphJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static readonly Key[] Keys =
    [
        new("g_graphVersion", "graph", "graphVersion", "string"),
        new("g_description", "graph", "description", "string"),
        new("g_truncated", "graph", "truncated", "boolean"),
        new("n_label", "node", "label", "string"),
        new("n_type", "node", "type", "string"),
        new("n_entityId", "node", "entityId", "string"),
        new("n_role", "node", "role", "string"),
        new("n_aliases", "node", "aliases", "string"),
        new("n_description", "node", "description", "string"),
        new("e_label", "edge", "label", "string"),
        new("e_type", "edge", "type", "string"),
        new("e_relationshipId", "edge", "relationshipId", "string"),
        new("e_confidence", "edge", "confidence", "double"),
        new("e_corroboration", "edge", "corroboration", "int"),
        new("e_publishers", "edge", "publishers", "int"),
        new("e_contested", "edge", "contested", "boolean"),
        new("e_since", "edge", "since", "string"),
        new("e_until", "edge", "until", "string"),
        new("e_citationCount", "edge", "citationCount", "int"),
        new("e_sources", "edge", "sources", "string"),
        new("e_citations", "edge", "citations", "string"),
    ];

    public static string Write(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var nodes = new List<NodeView> { result.From };
        nodes.AddRange(result.Paths.SelectMany(p => p.Nodes));
        nodes.Add(result.To);
        var description = $"Paths from {result.From.Name} to {result.To.Name}: {Headline.Count(result.Paths.Count, "path", "paths")}";
        return Write(
            result.GraphVersion,
            description,
            result.Truncated,
            nodes.DistinctBy(n => n.Id).Select(n => new NodeRow(n, n.Id == result.From.Id ? "from" : n.Id == result.To.Id ? "to" : null, null, null)),
            PathStep.Evidence(result.Paths));
    }

    public static string Write(NeighborhoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var nodes = new List<NodeView> { result.Center };
        nodes.AddRange(result.Nodes);
        return Write(
            result.GraphVersion,
            $"Neighborhood of {result.Center.Name}",
            result.Truncated,
            nodes.DistinctBy(n => n.Id).Select(n => new NodeRow(n, n.Id == result.Center.Id ? "center" : null, null, null)),
            result.Relationships);
    }

    /// <summary>The whole graph: every entity (with aliases and description) and every relationship with its citations.</summary>
    public static string Write(GraphSnapshot snapshot)
    {
        return AsText(stream => Write(GraphContent.Of(snapshot), stream, CancellationToken.None));
    }

    /// <summary>
    /// Writes <see cref="Write(GraphSnapshot)"/>'s document to <paramref name="path"/> an element at a time, through a
    /// <c>.partial</c> file that takes the name only when complete (<see cref="PartialFiles"/>), so that a failed or
    /// cancelled export leaves any earlier file as it was.
    /// </summary>
    public static Task WriteAsync(GraphSnapshot snapshot, string path, CancellationToken cancellationToken) =>
        WriteAsync(GraphContent.Of(snapshot), path, cancellationToken);

    /// <inheritdoc cref="WriteAsync(GraphSnapshot, string, CancellationToken)"/>
    public static async Task WriteAsync(GraphContent graph, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var (files, name) = PartialFiles.For(path);
        await using (files.ConfigureAwait(false))
        {
            Write(graph, files.CreateStream(name), cancellationToken);
            await files.CommitAsync().ConfigureAwait(false);
        }
    }

    private static void Write(GraphContent graph, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);

        // A citation shows its document's title, publisher, date and link; the bodies, most of a corpus, are not kept.
        var documents = graph.Documents.ToDictionary(d => d.Id, d => d with { Body = string.Empty }, StringComparer.Ordinal);
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in PredicateVocabulary.BuiltIns.Concat(graph.Predicates))
        {
            phrases[p.Type] = p.Phrase;
        }

        SourceDocument DocumentOf(string id) => documents.TryGetValue(id, out var d)
            ? d
            : throw new InvalidOperationException($"The snapshot cites document {id}, which it does not contain.");

        // The relationships are read twice, for their ends and then as edges, and each view is made only as it is written.
        var relationships = graph.Relationships.DistinctBy(r => r.Id, StringComparer.Ordinal);
        Write(
            stream,
            graph.Version,
            $"Corpus {graph.CorpusName}",
            truncated: false,
            graph.Entities.Select(e => new NodeRow(e.ToView(), null, e.Aliases, e.Description)),
            relationships.SelectMany(r => new[] { r.StartId, r.EndId }),
            relationships.Select(r =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return r.ToView(phrases.GetValueOrDefault(r.Type) ?? r.Type.ToLowerInvariant().Replace('_', ' '), DocumentOf);
            }));
    }

    private static string Write(string version, string description, bool truncated, IEnumerable<NodeRow> nodes, IEnumerable<RelationshipView> relationships)
    {
        var edges = relationships.DistinctBy(r => r.Id).ToList();
        return AsText(stream => Write(stream, version, description, truncated, nodes, edges.SelectMany(r => new[] { r.StartNodeId, r.EndNodeId }), edges));
    }

    /// <summary>What <paramref name="write"/> writes, as a string.</summary>
    private static string AsText(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>The document, then a line feed: <paramref name="ends"/> are the edges' ends, in edge order.</summary>
    private static void Write(Stream stream, string version, string description, bool truncated, IEnumerable<NodeRow> nodes, IEnumerable<string> ends, IEnumerable<RelationshipView> edges)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };

        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("graphml", Namespace);
            w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", SchemaLocation);
            foreach (var k in Keys)
            {
                w.WriteStartElement("key", Namespace);
                w.WriteAttributeString("id", k.Id);
                w.WriteAttributeString("for", k.For);
                w.WriteAttributeString("attr.name", k.Name);
                w.WriteAttributeString("attr.type", k.Type);
                w.WriteEndElement();
            }

            w.WriteStartElement("graph", Namespace);
            w.WriteAttributeString("id", "G");
            w.WriteAttributeString("edgedefault", "directed");
            Data(w, "g_graphVersion", version);
            Data(w, "g_description", description);
            Data(w, "g_truncated", truncated ? "true" : "false");

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in nodes)
            {
                written.Add(row.Node.Id);
                WriteNode(w, row);
            }

            foreach (var end in ends)
            {
                if (written.Add(end))
                {
                    // A relationship end outside the node list still gets a node, so every edge has both ends.
                    WriteNode(w, new NodeRow(new NodeView(end, end, EntityType.Organization), "unlisted", null, null));
                }
            }

            foreach (var r in edges)
            {
                WriteEdge(w, r);
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteNode(XmlWriter w, NodeRow row)
    {
        w.WriteStartElement("node", Namespace);
        w.WriteAttributeString("id", XmlId(row.Node.Id));
        Data(w, "n_label", row.Node.Name);
        Data(w, "n_type", row.Role == "unlisted" ? null : row.Node.Type.ToString());
        Data(w, "n_entityId", row.Node.Id);
        Data(w, "n_role", row.Role);
        Data(w, "n_aliases", row.Aliases is null ? null : string.Join("; ", row.Aliases));
        Data(w, "n_description", row.Description);
        w.WriteEndElement();
    }

    private static void WriteEdge(XmlWriter w, RelationshipView r)
    {
        w.WriteStartElement("edge", Namespace);
        w.WriteAttributeString("id", XmlId(r.Id));
        w.WriteAttributeString("source", XmlId(r.StartNodeId));
        w.WriteAttributeString("target", XmlId(r.EndNodeId));
        Data(w, "e_label", r.Phrase);
        Data(w, "e_type", r.Type);
        Data(w, "e_relationshipId", r.Id);
        Data(w, "e_confidence", r.Confidence.ToString("R", CultureInfo.InvariantCulture));
        Data(w, "e_corroboration", r.Corroboration.ToString(CultureInfo.InvariantCulture));
        Data(w, "e_publishers", r.Publishers.ToString(CultureInfo.InvariantCulture));
        Data(w, "e_contested", r.Contested ? "true" : "false");
        Data(w, "e_since", r.Since);
        Data(w, "e_until", r.Until);
        Data(w, "e_citationCount", r.Citations.Count.ToString(CultureInfo.InvariantCulture));
        Data(w, "e_sources", string.Join("\n", r.Citations.Select(Source)));
        Data(w, "e_citations", JsonSerializer.Serialize(r.Citations, CompactJson));
        w.WriteEndElement();
    }

    private static string Source(CitationView c) =>
        $"[{c.Stance.ToWord()}] {c.Publisher}, \"{c.Title}\", {ReportWording.DateOf(c)}{(c.Url is null ? string.Empty : ", " + c.Url)}: \u201C{c.Quote}\u201D";

    private static void Data(XmlWriter w, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        w.WriteStartElement("data", Namespace);
        w.WriteAttributeString("key", key);
        w.WriteString(Text.XmlText.Sanitize(value));
        w.WriteEndElement();
    }

    /// <summary>GraphML ids are NMTOKENs; ids that are not become their reversible XML-encoded form.</summary>
    internal static string XmlId(string id) => XmlConvert.EncodeNmToken(id) ?? string.Empty;

    private sealed record Key(string Id, string For, string Name, string Type);

    private sealed record NodeRow(NodeView Node, string? Role, IReadOnlyList<string>? Aliases, string? Description);
}
