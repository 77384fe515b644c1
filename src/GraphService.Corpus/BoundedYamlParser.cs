using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GraphService.Corpus;

/// <summary>
/// Passes YamlDotNet's parsing events through to the node tree being built, and stops the parse, with a
/// <see cref="YamlLimitException"/>, at the first event a corpus file may not have: nesting deeper than
/// <see cref="CorpusLimits.MaxYamlDepth"/> (the tree is built recursively, so depth must be bounded before it is built,
/// not after), an anchor or alias (an alias repeats a whole subtree, so a small file could expand without bound), or
/// the start of a second YAML document (which would otherwise be silently dropped).
/// </summary>
internal sealed class BoundedYamlParser(IParser inner, int maxDepth) : IParser
{
    private const string NoAnchors = "anchors and aliases are not accepted in a corpus file; write each value out in full";

    // The collections open at the current event: where each starts, and whether it is a flow one ('[' or '{').
    private readonly Stack<(Mark Start, bool Flow)> _open = new();
    private bool _documentSeen;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the innermost open flow list or mapping ('[' or '{') starts; null when none is open.</summary>
    public Mark? OpenFlowCollection => _open.Where(c => c.Flow).Select(c => (Mark?)c.Start).FirstOrDefault();

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case DocumentStart start when _documentSeen:
                throw new YamlLimitException(start.Start, "a second YAML document starts here: a corpus file holds one YAML document, so remove this '---' line (or all that follows it)");
            case DocumentStart:
                _documentSeen = true;
                break;
            case AnchorAlias alias:
                throw new YamlLimitException(alias.Start, $"YAML alias '*{alias.Value}': {NoAnchors}");
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                throw new YamlLimitException(anchored.Start, $"YAML anchor '&{anchored.Anchor}': {NoAnchors}");
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart when _open.Count == maxDepth:
                throw new YamlLimitException(inner.Current.Start, $"YAML nested deeper than {maxDepth} levels (limit {nameof(CorpusLimits.MaxYamlDepth)}); the corpus format needs four");
            case MappingStart mapping:
                _open.Push((mapping.Start, mapping.Style == MappingStyle.Flow));
                break;
            case SequenceStart sequence:
                _open.Push((sequence.Start, sequence.Style == SequenceStyle.Flow));
                break;
            case MappingEnd or SequenceEnd:
                _open.Pop();
                break;
        }

        return true;
    }
}

/// <summary>A YAML text broke a rule of <see cref="BoundedYamlParser"/> at <see cref="Start"/>.</summary>
internal sealed class YamlLimitException(Mark start, string message) : Exception(message)
{
    public Mark Start { get; } = start;
}
