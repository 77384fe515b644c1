namespace GraphService.Core.Queries;

/// <summary>The outcome of resolving a user's text to one entity. Exactly one of the three cases.</summary>
public abstract record Resolution(string Text)
{
    public sealed record Resolved(string Text, NodeView Entity) : Resolution(Text);

    /// <summary>The text names more than one entity; the candidates are listed so the caller can choose.</summary>
    public sealed record Ambiguous(string Text, IReadOnlyList<NodeView> Candidates) : Resolution(Text);

    /// <summary>Nothing is known by that text; the closest names are offered.</summary>
    public sealed record NotFound(string Text, IReadOnlyList<NodeView> Suggestions) : Resolution(Text);
}
