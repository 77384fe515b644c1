using GraphService.Core.Queries;

namespace GraphService.Reports.Model;

/// <summary>
/// One hop of a path as it is walked: from <see cref="From"/> to <see cref="To"/> over its link's strongest relationship
/// <see cref="Relationship"/>, which stands for the hop in a sentence or a drawing; <see cref="Others"/> are the link's
/// other relationships, weaker or equal, which a report must still show with their evidence.
/// <see cref="Forward"/> is false when the relationship points against the walk (To —Type→ From).
/// </summary>
internal sealed record PathStep(NodeView From, NodeView To, RelationshipView Relationship, bool Forward, IReadOnlyList<RelationshipView> Others)
{
    public NodeView Subject => Forward ? From : To;

    public NodeView Object => Forward ? To : From;

    public static IReadOnlyList<PathStep> Of(GraphPath path)
    {
        if (path.Nodes.Count != path.Links.Count + 1)
        {
            throw new ArgumentException(
                $"A path needs one node more than links; got {path.Nodes.Count} nodes and {path.Links.Count} links.",
                nameof(path));
        }

        var steps = new List<PathStep>(path.Links.Count);
        for (var i = 0; i < path.Links.Count; i++)
        {
            var from = path.Nodes[i];
            var to = path.Nodes[i + 1];
            foreach (var r in path.Links[i].Relationships)
            {
                if (!Joins(r, from, to))
                {
                    throw new ArgumentException(
                        $"Relationship {r.Id} ({r.StartNodeId} → {r.EndNodeId}) does not join path nodes {from.Id} and {to.Id}.",
                        nameof(path));
                }
            }

            var strongest = path.Links[i].Strongest;
            steps.Add(new PathStep(from, to, strongest, Forward: strongest.StartNodeId == from.Id && strongest.EndNodeId == to.Id, [.. path.Links[i].Relationships.Skip(1)]));
        }

        return steps;
    }

    /// <summary>
    /// Every relationship of the paths, in the order a report numbers their citations: path by path, first each link's
    /// strongest relationship in walking order (the ones its sentence or drawing names), then the links' other ones.
    /// </summary>
    public static IEnumerable<RelationshipView> Evidence(IEnumerable<GraphPath> paths) =>
        paths.SelectMany(p => p.Relationships.Concat(p.Links.SelectMany(l => l.Relationships.Skip(1))));

    private static bool Joins(RelationshipView r, NodeView from, NodeView to) =>
        (r.StartNodeId == from.Id && r.EndNodeId == to.Id) || (r.StartNodeId == to.Id && r.EndNodeId == from.Id);
}
