using GraphService.Core.Queries;

namespace GraphService.Reports.Model;

/// <summary>
/// One hop of a path as it is walked: from <see cref="From"/> to <see cref="To"/> over <see cref="Relationship"/>.
/// <see cref="Forward"/> is false when the relationship points against the walk (To —Type→ From).
/// </summary>
internal sealed record PathStep(NodeView From, NodeView To, RelationshipView Relationship, bool Forward)
{
    public NodeView Subject => Forward ? From : To;

    public NodeView Object => Forward ? To : From;

    public static IReadOnlyList<PathStep> Of(GraphPath path)
    {
        if (path.Nodes.Count != path.Relationships.Count + 1)
        {
            throw new ArgumentException(
                $"A path needs one node more than relationships; got {path.Nodes.Count} nodes and {path.Relationships.Count} relationships.",
                nameof(path));
        }

        var steps = new List<PathStep>(path.Relationships.Count);
        for (var i = 0; i < path.Relationships.Count; i++)
        {
            var from = path.Nodes[i];
            var to = path.Nodes[i + 1];
            var r = path.Relationships[i];
            if (r.StartNodeId == from.Id && r.EndNodeId == to.Id)
            {
                steps.Add(new PathStep(from, to, r, Forward: true));
            }
            else if (r.StartNodeId == to.Id && r.EndNodeId == from.Id)
            {
                steps.Add(new PathStep(from, to, r, Forward: false));
            }
            else
            {
                throw new ArgumentException(
                    $"Relationship {r.Id} ({r.StartNodeId} → {r.EndNodeId}) does not join path nodes {from.Id} and {to.Id}.",
                    nameof(path));
            }
        }

        return steps;
    }
}
