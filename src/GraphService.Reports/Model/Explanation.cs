using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Reports.Model;

/// <summary>A piece of an explanatory sentence; Markdown and HTML render the same pieces with their own escaping.</summary>
internal abstract record Segment;

internal sealed record TextSegment(string Text) : Segment;

internal sealed record EntitySegment(NodeView Node) : Segment;

/// <summary>The footnote numbers of one relationship, and whether any of its evidence disputes it.</summary>
internal sealed record MarksSegment(IReadOnlyList<int> Footnotes, bool Contested) : Segment;

/// <summary>
/// Writes relationships as English sentences from their predicate phrases. The rule for a path:
/// the first hop is a main clause; a hop whose starting entity ended the previous clause continues it with a relative
/// clause — forward ("…, which is funded by Iran") or against the relationship's direction ("…, which Qasem Soleimani
/// commands"); any other hop starts a new main clause after a semicolon. A hop walked against its direction is always
/// stated the way the claim reads (subject, phrase, object), so no passive form is ever invented. A link's other
/// relationships follow in a sentence of their own ("Also: …"), so every relationship of a path is stated with its marks.
/// </summary>
internal static class Explanation
{
    public static IReadOnlyList<Segment> Sentence(GraphPath path, CitationNumbering numbering)
    {
        var steps = PathStep.Of(path);
        var segments = new List<Segment>();
        if (steps.Count == 0)
        {
            segments.Add(new EntitySegment(path.Nodes[0]));
            segments.Add(new TextSegment(" is both ends of the path."));
            return segments;
        }

        string? lastWord = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var marks = new MarksSegment(numbering.NumbersOf(step.Relationship), step.Relationship.Contested);
            if (lastWord == step.From.Id)
            {
                if (step.Forward)
                {
                    segments.Add(new TextSegment($", {SubjectPronoun(step.From)} {step.Relationship.Phrase} "));
                    segments.Add(new EntitySegment(step.To));
                    segments.Add(marks);
                    lastWord = step.To.Id;
                }
                else
                {
                    segments.Add(new TextSegment($", {ObjectPronoun(step.From)} "));
                    segments.Add(new EntitySegment(step.To));
                    segments.Add(new TextSegment($" {step.Relationship.Phrase}"));
                    segments.Add(marks);
                    lastWord = null;
                }
            }
            else
            {
                if (i > 0)
                {
                    segments.Add(new TextSegment("; "));
                }

                segments.AddRange(Clause(step.Relationship, step.Subject, step.Object, marks));
                lastWord = step.Object.Id;
            }
        }

        segments.Add(new TextSegment("."));
        AppendOthers(segments, steps, numbering);
        return segments;
    }

    /// <summary>A relationship stated as it reads: "Subject phrase Object[marks]." (used for neighborhoods).</summary>
    public static IReadOnlyList<Segment> Statement(RelationshipView r, IReadOnlyDictionary<string, NodeView> nodes, CitationNumbering numbering)
    {
        var marks = new MarksSegment(numbering.NumbersOf(r), r.Contested);
        var segments = Clause(r, NodeOf(r.StartNodeId, nodes), NodeOf(r.EndNodeId, nodes), marks).ToList();
        segments.Add(new TextSegment("."));
        return segments;
    }

    /// <summary>A neighborhood's entities by id: the centre, then the listed entities (the first of any repeated id).</summary>
    public static IReadOnlyDictionary<string, NodeView> NodeIndex(NeighborhoodResult result)
    {
        var nodes = new Dictionary<string, NodeView>(StringComparer.Ordinal) { [result.Center.Id] = result.Center };
        foreach (var n in result.Nodes)
        {
            nodes.TryAdd(n.Id, n);
        }

        return nodes;
    }

    /// <summary>The node of a result by id; an end outside the result's node list is shown by its id.</summary>
    public static NodeView NodeOf(string id, IReadOnlyDictionary<string, NodeView> nodes) =>
        nodes.TryGetValue(id, out var n) ? n : new NodeView(id, id, EntityType.Organization);

    private static IEnumerable<Segment> Clause(RelationshipView r, NodeView subject, NodeView @object, MarksSegment marks)
    {
        yield return new EntitySegment(subject);
        yield return new TextSegment($" {r.Phrase} ");
        yield return new EntitySegment(@object);
        yield return marks;
    }

    /// <summary>
    /// The relationships a sentence does not name — a link's others, which join the same two entities — as a second
    /// sentence: " Also: A is a member of B[3]; C funds B[4]." Each is stated the way its claim reads.
    /// </summary>
    private static void AppendOthers(List<Segment> segments, IReadOnlyList<PathStep> steps, CitationNumbering numbering)
    {
        var others = steps.SelectMany(s => s.Others).ToList();
        if (others.Count == 0)
        {
            return;
        }

        var nodes = new Dictionary<string, NodeView>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            nodes.TryAdd(step.From.Id, step.From);
            nodes.TryAdd(step.To.Id, step.To);
        }

        segments.Add(new TextSegment(" Also: "));
        for (var i = 0; i < others.Count; i++)
        {
            if (i > 0)
            {
                segments.Add(new TextSegment("; "));
            }

            var r = others[i];
            segments.AddRange(Clause(r, NodeOf(r.StartNodeId, nodes), NodeOf(r.EndNodeId, nodes), new MarksSegment(numbering.NumbersOf(r), r.Contested)));
        }

        segments.Add(new TextSegment("."));
    }

    private static string SubjectPronoun(NodeView n) => n.Type == EntityType.Person ? "who" : "which";

    private static string ObjectPronoun(NodeView n) => n.Type == EntityType.Person ? "whom" : "which";
}
