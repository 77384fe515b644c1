using System.Globalization;
using System.Text;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Text;
using GraphService.Reports.Model;

namespace GraphService.Reports;

/// <summary>
/// A Cypher statement that shows exactly this result in Neo4j Browser, in the graph model the Neo4j store writes:
/// entities are <c>(:Entity {id})</c> nodes and claims are typed relationships whose <c>id</c> property is the
/// relationship id. Each path is matched by its entity ids and relationship ids, hop by hop in the direction each
/// relationship points, over each link's strongest relationship; a link's other relationships are matched after the
/// paths and returned with them. Relationship types are written only when they have the whitelisted shape
/// <c>^[A-Z][A-Z0-9_]*$</c> (anything else is refused with <see cref="ArgumentException"/>); every value is a string
/// literal escaped by Core's <see cref="CypherLiteral"/>, never text pasted into the statement.
/// </summary>
public static class CypherReproduction
{
    public static string Write(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = new Variables();
        var sb = new StringBuilder();
        sb.Append("// GraphService paths ").Append(CypherLiteral.Comment(result.From.Id)).Append(" -> ").Append(CypherLiteral.Comment(result.To.Id))
          .Append(": ").Append(Headline.Count(result.Paths.Count, "path", "paths"))
          .Append(", graph version ").Append(CypherLiteral.Comment(result.GraphVersion)).Append('\n');

        if (result.Paths.Count == 0)
        {
            sb.Append("MATCH ").Append(v.Node(result.From)).Append('\n');
            sb.Append("MATCH ").Append(v.Node(result.To)).Append('\n');
            sb.Append("RETURN ").Append(string.Join(", ", v.NodeVariables));
            return sb.Append('\n').ToString();
        }

        var pathVariables = new List<string>();
        var others = new List<(PathStep Step, RelationshipView Relationship)>();
        for (var i = 0; i < result.Paths.Count; i++)
        {
            var pathVariable = "p" + i.ToString(CultureInfo.InvariantCulture);
            pathVariables.Add(pathVariable);
            var path = result.Paths[i];
            sb.Append("MATCH ").Append(pathVariable).Append(" = ").Append(v.Node(path.Nodes[0]));
            foreach (var step in PathStep.Of(path))
            {
                var rel = v.Relationship(step.Relationship);
                sb.Append(step.Forward ? "-" + rel + "->" : "<-" + rel + "-").Append(v.Node(step.To));
                others.AddRange(step.Others.Select(o => (step, o)));
            }

            sb.Append('\n');
        }

        // A link's other relationships join the same two entities as the path's hop; Browser draws them beside it.
        var otherVariables = new List<string>();
        foreach (var (step, r) in others.DistinctBy(o => o.Relationship.Id))
        {
            var (start, end) = r.StartNodeId == step.From.Id ? (step.From, step.To) : (step.To, step.From);
            sb.Append("MATCH ").Append(v.Node(start)).Append('-').Append(v.Relationship(r)).Append("->").Append(v.Node(end)).Append('\n');
            otherVariables.Add(v.LastRelationship);
        }

        sb.Append("RETURN ").Append(string.Join(", ", pathVariables.Concat(otherVariables)));
        return sb.Append('\n').ToString();
    }

    public static string Write(NeighborhoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = new Variables();
        var sb = new StringBuilder();
        sb.Append("// GraphService neighborhood of ").Append(CypherLiteral.Comment(result.Center.Id))
          .Append(", graph version ").Append(CypherLiteral.Comment(result.GraphVersion)).Append('\n');
        sb.Append("MATCH ").Append(v.Node(result.Center)).Append('\n');
        var nodes = Explanation.NodeIndex(result);
        var relationshipVariables = new List<string>();
        foreach (var r in result.Relationships.DistinctBy(r => r.Id))
        {
            sb.Append("MATCH ").Append(v.Node(Explanation.NodeOf(r.StartNodeId, nodes))).Append('-').Append(v.Relationship(r)).Append("->")
              .Append(v.Node(Explanation.NodeOf(r.EndNodeId, nodes))).Append('\n');
            relationshipVariables.Add(v.LastRelationship);
        }

        foreach (var n in result.Nodes)
        {
            if (!v.Knows(n))
            {
                sb.Append("MATCH ").Append(v.Node(n)).Append('\n');
            }
        }

        sb.Append("RETURN ").Append(string.Join(", ", v.NodeVariables.Concat(relationshipVariables)));
        return sb.Append('\n').ToString();
    }

    /// <summary>
    /// The Neo4j Browser address that opens <paramref name="statement"/> in the editor:
    /// <c>{Neo4jBrowserUrl}?cmd=edit&amp;arg={url-encoded statement}</c>.
    /// </summary>
    public static Uri BrowserUrl(string statement, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.Neo4jBrowserUrl.AbsoluteUri;
        var separator = baseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri(baseUrl + separator + "cmd=edit&arg=" + Uri.EscapeDataString(statement));
    }

    public static Uri BrowserUrl(PathResult result, ReportOptions options) => BrowserUrl(Write(result), options);

    public static Uri BrowserUrl(NeighborhoodResult result, ReportOptions options) => BrowserUrl(Write(result), options);

    /// <summary>The relationship type as a Cypher identifier, or an <see cref="ArgumentException"/> when it is not whitelisted.</summary>
    public static string RelationshipType(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return PredicateVocabulary.IsWellFormedType(type)
            ? type
            : throw new ArgumentException($"'{type}' is not a relationship type of the form UPPER_SNAKE_CASE; it cannot be written into Cypher.", nameof(type));
    }

    /// <summary>Hands out variable names: one per entity (declared with its label and id on first use), one per hop.</summary>
    private sealed class Variables
    {
        private readonly Dictionary<string, string> _nodes = new(StringComparer.Ordinal);
        private int _relationships;

        public List<string> NodeVariables { get; } = [];

        public string LastRelationship { get; private set; } = string.Empty;

        public bool Knows(NodeView n) => _nodes.ContainsKey(n.Id);

        public string Node(NodeView n)
        {
            if (_nodes.TryGetValue(n.Id, out var name))
            {
                return "(" + name + ")";
            }

            name = "n" + _nodes.Count.ToString(CultureInfo.InvariantCulture);
            _nodes[n.Id] = name;
            NodeVariables.Add(name);
            return "(" + name + ":Entity {id: " + CypherLiteral.String(n.Id) + "})";
        }

        public string Relationship(RelationshipView r)
        {
            LastRelationship = "r" + _relationships.ToString(CultureInfo.InvariantCulture);
            _relationships++;
            return "[" + LastRelationship + ":" + RelationshipType(r.Type) + " {id: " + CypherLiteral.String(r.Id) + "}]";
        }
    }
}
