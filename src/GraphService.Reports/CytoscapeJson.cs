using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Reports.Model;

namespace GraphService.Reports;

/// <summary>
/// Cytoscape.js elements JSON (<c>{"data": {...}, "elements": {"nodes": [{"data": {id, label, type}}], "edges":
/// [{"data": {id, source, target, label, ...}}]}}</c>), which Cytoscape.js loads with <c>cy.json()</c> / <c>cy.add()</c>
/// and Cytoscape desktop imports. Cytoscape.js needs ids unique across nodes and edges together: an edge whose
/// relationship id equals an entity id gets the id <c>relationship:{id}</c> (its <c>relationshipId</c> keeps the raw one).
/// Each edge carries its footnote numbers (as in the Markdown report) and its citations in the API's JSON shape.
/// </summary>
public static class CytoscapeJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly JsonSerializerOptions CitationJson =
        GraphJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    public static string Write(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var nodes = new List<NodeView> { result.From };
        nodes.AddRange(result.Paths.SelectMany(p => p.Nodes));
        nodes.Add(result.To);
        return Write(
            w =>
            {
                w.WriteString("kind", "paths");
                w.WriteString("graphVersion", result.GraphVersion);
                w.WriteString("from", result.From.Id);
                w.WriteString("to", result.To.Id);
                w.WriteNumber("paths", result.Paths.Count);
                w.WriteBoolean("truncated", result.Truncated);
            },
            nodes,
            id => id == result.From.Id ? "from" : id == result.To.Id ? "to" : null,
            PathStep.Evidence(result.Paths),
            CitationNumbering.For(result));
    }

    public static string Write(NeighborhoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(
            w =>
            {
                w.WriteString("kind", "neighborhood");
                w.WriteString("graphVersion", result.GraphVersion);
                w.WriteString("center", result.Center.Id);
                w.WriteBoolean("truncated", result.Truncated);
            },
            [result.Center, .. result.Nodes],
            id => id == result.Center.Id ? "center" : null,
            result.Relationships,
            CitationNumbering.For(result));
    }

    private static string Write(
        Action<Utf8JsonWriter> graphData,
        IEnumerable<NodeView> nodes,
        Func<string, string?> roleOf,
        IEnumerable<RelationshipView> relationships,
        CitationNumbering numbering)
    {
        var uniqueNodes = nodes.DistinctBy(n => n.Id).ToList();
        var nodeIds = uniqueNodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var edges = relationships.DistinctBy(r => r.Id).ToList();
        var missing = edges.SelectMany(r => new[] { r.StartNodeId, r.EndNodeId }).Where(id => !nodeIds.Contains(id)).Distinct().ToList();

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            graphData(w);
            w.WriteEndObject();
            w.WriteStartObject("elements");
            w.WriteStartArray("nodes");
            foreach (var n in uniqueNodes)
            {
                w.WriteStartObject();
                w.WriteStartObject("data");
                w.WriteString("id", n.Id);
                w.WriteString("label", n.Name);
                w.WriteString("type", n.Type.ToString());
                if (roleOf(n.Id) is string role)
                {
                    w.WriteString("role", role);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            foreach (var id in missing)
            {
                // A relationship end outside the node list still gets a node, so every edge has both ends.
                w.WriteStartObject();
                w.WriteStartObject("data");
                w.WriteString("id", id);
                w.WriteString("label", id);
                w.WriteNull("type");
                w.WriteString("role", "unlisted");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("edges");
            var allNodeIds = nodeIds.Concat(missing).ToHashSet(StringComparer.Ordinal);
            foreach (var r in edges)
            {
                w.WriteStartObject();
                w.WriteStartObject("data");
                w.WriteString("id", allNodeIds.Contains(r.Id) ? "relationship:" + r.Id : r.Id);
                w.WriteString("source", r.StartNodeId);
                w.WriteString("target", r.EndNodeId);
                w.WriteString("label", r.Phrase);
                w.WriteString("type", r.Type);
                w.WriteString("relationshipId", r.Id);
                w.WriteNumber("confidence", r.Confidence);
                w.WriteNumber("corroboration", r.Corroboration);
                w.WriteNumber("publishers", r.Publishers);
                w.WriteBoolean("contested", r.Contested);
                w.WriteString("since", r.Since);
                w.WriteString("until", r.Until);
                w.WriteStartArray("footnotes");
                foreach (var number in numbering.NumbersOf(r))
                {
                    w.WriteNumberValue(number);
                }

                w.WriteEndArray();
                w.WritePropertyName("citations");
                JsonSerializer.Serialize(w, r.Citations, CitationJson);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
