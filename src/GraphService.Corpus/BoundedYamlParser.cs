using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GraphService.Corpus;

/// <summary>
/// Passes YamlDotNet's parsing events through to the node tree being built, and stops the parse, with a
/// <see cref="YamlRefusedException"/>, at the first event a corpus file may not have: nesting deeper than
/// <see cref="CorpusLimits.MaxYamlDepth"/> (the tree is built recursively, so depth must be bounded before it is built,
/// not after), an anchor or alias (an alias repeats a whole subtree, so a small file could expand without bound), the
/// start of a second YAML document (which would otherwise be silently dropped), or a mapping whose last key has no value
/// (YamlDotNet's parser emits that for an empty key, <c>- : a</c>, and its node builder then throws ArgumentException).
/// </summary>
internal sealed class BoundedYamlParser(IParser inner, int maxDepth) : IParser
{
    private const string NoAnchors = "anchors and aliases are not accepted in a corpus file; write each value out in full";

    // The collections open at the current event, innermost on top.
    private readonly Stack<OpenCollection> _open = new();
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

        var current = inner.Current;
        switch (current)
        {
            case DocumentStart start when _documentSeen:
                throw new YamlRefusedException(start.Start, "a second YAML document starts here: a corpus file holds one YAML document, so remove this '---' line (or all that follows it)");
            case DocumentStart:
                _documentSeen = true;
                break;
            case AnchorAlias alias:
                throw new YamlRefusedException(alias.Start, $"YAML alias '*{alias.Value}': {NoAnchors}");
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                throw new YamlRefusedException(anchored.Start, $"YAML anchor '&{anchored.Anchor}': {NoAnchors}");
        }

        if (current is NodeEvent node && _open.TryPeek(out var parent))
        {
            parent.Children++;
            parent.LastChild = node.Start;
        }

        switch (current)
        {
            case MappingStart or SequenceStart when _open.Count == maxDepth:
                throw new YamlRefusedException(current.Start, $"YAML nested deeper than {maxDepth} levels (limit {nameof(CorpusLimits.MaxYamlDepth)}); the corpus format needs four");
            case MappingStart mapping:
                _open.Push(new OpenCollection(mapping.Start, mapping.Style == MappingStyle.Flow, IsMapping: true));
                break;
            case SequenceStart sequence:
                _open.Push(new OpenCollection(sequence.Start, sequence.Style == SequenceStyle.Flow, IsMapping: false));
                break;
            case MappingEnd or SequenceEnd:
                var closed = _open.Pop();
                if (closed is { IsMapping: true, Children: var n } && n % 2 == 1)
                {
                    throw new YamlRefusedException(closed.LastChild, "malformed YAML: a mapping key on this line has no value (an empty key, as in ': value', is not supported)");
                }

                break;
        }

        return true;
    }

    private sealed record OpenCollection(Mark Start, bool Flow, bool IsMapping)
    {
        /// <summary>The nodes directly inside: in a mapping, keys and values alternate, so a complete one has an even number.</summary>
        public int Children { get; set; }

        public Mark LastChild { get; set; }
    }
}

/// <summary>A YAML text broke a rule of <see cref="BoundedYamlParser"/> at <see cref="Start"/>; the message is the problem.</summary>
internal sealed class YamlRefusedException(Mark start, string message) : Exception(message)
{
    public Mark Start { get; } = start;
}
