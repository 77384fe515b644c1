using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// Reads the plain block YAML that corpus files almost always are, many times faster than YamlDotNet's scanner, and gives
/// up (<see cref="Exceeded"/>, or null from <see cref="TryParseRoot"/>) at the first line outside that subset, so that
/// the file is read again by YamlDotNet (<see cref="YamlSource"/>). Whatever it accepts, it reads into exactly the nodes,
/// values, scalar styles and lines YamlDotNet gives (a test compares both on the sample corpus, generated corpora and
/// fuzzed files); everything it does not accept — and every error — is YamlDotNet's to read and to report.
/// </summary>
/// <remarks>
/// The subset, line by line (blank lines and whole-line <c># comments</c> are skipped):
/// <list type="bullet">
/// <item><c>key: value</c>, <c>key:</c> followed by a more indented block (or, for a list, one at the same indent),
/// <c>- key: value</c> (a list item that is a mapping), <c>- value</c> (a list item that is a scalar);</item>
/// <item>keys of ASCII letters, digits, <c>_</c> and <c>-</c>, starting with a letter; no key twice in a mapping;</item>
/// <item>a value is plain — it starts with a letter or digit and holds no <c>": "</c>, <c>" #"</c>, <c>[]{}</c> and
/// no trailing colon — or double-quoted on one line, with no backslash or inner quote, and nothing after it; or, as a
/// mapping's value, a one-line flow list of such scalars (<c>aliases: [a, "b c"]</c>);</item>
/// <item>spaces only (no tabs, no carriage returns, no other line or space separators), no trailing spaces, no
/// document markers, anchors, tags, flow mappings, nested flow lists, block scalars or multi-line scalars; nesting within the depth
/// limit. Anything else is outside.</item>
/// </list>
/// Nodes made here have no marks of their own: their lines are kept in <see cref="Lines"/>, which the item stream
/// clears as it moves to the next item, so that memory does not grow with the file.
/// </remarks>
internal sealed class PlainBlockYaml
{
    private readonly string _text;
    private readonly int _maxDepth;

    // One string per distinct key name: a claims file repeats the same few keys millions of times.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keyNames =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // The current content line: its number (1-based), where its content starts and where it ends (before '\n').
    private int _next;
    private int _lineNumber;
    private int _at = -1;
    private int _end;

    private PlainBlockYaml(string text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;
        Advance();
    }

    /// <summary>The line (1-based, in the text given) of every node made since the stream last moved on.</summary>
    public NodeLines Lines { get; } = new();

    private bool AtEnd => _at < 0;

    // The column of the current position: the line starts after the previous line feed.
    private int Column => _at - LineStart;

    private int LineStart => _at == 0 ? 0 : _text.LastIndexOf('\n', _at - 1) + 1;

    /// <summary>The root node, or null when the text is outside the subset (or holds no node at all).</summary>
    public static (YamlNode Root, NodeLines Lines)? TryParseRoot(string text, int maxDepth)
    {
        try
        {
            var reader = new PlainBlockYaml(text, maxDepth);
            if (reader.AtEnd)
            {
                return null;
            }

            var root = reader.Block(reader.Column, depth: 1);
            return reader.AtEnd ? (root, reader.Lines) : null;
        }
        catch (Exceeded)
        {
            return null;
        }
    }

    /// <summary>
    /// A reader of a text whose root is a list, when it starts as one; null when it does not (YamlDotNet then reads and
    /// reports it). <see cref="Items"/> throws <see cref="Exceeded"/> where the text leaves the subset.
    /// </summary>
    public static PlainBlockYaml? ForList(string text, int maxDepth)
    {
        try
        {
            var reader = new PlainBlockYaml(text, maxDepth);
            return !reader.AtEnd && reader.IsDash() && maxDepth >= 1 ? reader : null;
        }
        catch (Exceeded)
        {
            return null;
        }
    }

    /// <summary>The items of the root list, each read when asked for.</summary>
    public IEnumerable<YamlNode> Items()
    {
        var column = Column;
        while (!AtEnd && Column == column && IsDash())
        {
            Lines.Clear();
            yield return SequenceItem(column, depth: 2);
        }

        if (!AtEnd)
        {
            throw new Exceeded();
        }
    }

    private YamlNode Block(int column, int depth)
    {
        return IsDash() ? Sequence(column, depth) : Mapping(column, depth);
    }

    private YamlSequenceNode Sequence(int column, int depth)
    {
        Require(depth <= _maxDepth);
        var sequence = new YamlSequenceNode { Style = YamlDotNet.Core.Events.SequenceStyle.Block };
        Lines.Add(sequence, _lineNumber);
        while (!AtEnd && Column == column && IsDash())
        {
            sequence.Add(SequenceItem(column, depth + 1));
        }

        return sequence;
    }

    /// <summary>One <c>- ...</c> item at <paramref name="column"/>; its content is on the same line.</summary>
    private YamlNode SequenceItem(int column, int depth)
    {
        _at++;
        var content = _at;
        while (content < _end && _text[content] == ' ')
        {
            content++;
        }

        // "-" alone (the item on the next lines) and "- - x" are left to YamlDotNet.
        Require(content > _at && content < _end && _text[content] != '-');
        _at = content;
        if (KeyEnd() >= 0)
        {
            return Mapping(_at - LineStart, depth);
        }

        var scalar = Scalar(_at, _end);
        NextLine();
        Require(AtEnd || Column <= column);
        return scalar;
    }

    private YamlMappingNode Mapping(int column, int depth)
    {
        Require(depth <= _maxDepth);
        var mapping = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Block };
        Lines.Add(mapping, _lineNumber);
        while (true)
        {
            var colon = KeyEnd();
            Require(colon >= 0);
            var name = KeyName(_text.AsSpan(_at, colon - _at));
            Require(!HasKey(mapping, name));
            var key = new YamlScalarNode(name) { Style = YamlDotNet.Core.ScalarStyle.Plain };
            Lines.Add(key, _lineNumber);
            YamlNode value;
            if (colon + 1 == _end)
            {
                // "key:" ends the line: its value is the block below (a list may start at the same column).
                NextLine();
                Require(!AtEnd && (Column > column || (Column == column && IsDash())));
                value = Block(Column, depth + 1);
            }
            else
            {
                var start = colon + 1;
                while (start < _end && _text[start] == ' ')
                {
                    start++;
                }

                Require(start < _end);
                value = _text[start] == '[' ? FlowSequence(start, _end, depth + 1) : Scalar(start, _end);
                NextLine();
            }

            mapping.Add(key, value);
            if (AtEnd || Column < column)
            {
                return mapping;
            }

            // The next key of this mapping; deeper lines (a multi-line scalar) and a list here are left to YamlDotNet.
            Require(Column == column && !IsDash());
        }
    }

    private string KeyName(ReadOnlySpan<char> span)
    {
        if (!_keyNames.TryGetValue(span, out var name))
        {
            name = span.ToString();
            _keyNames.Dictionary[name] = name;
        }

        return name;
    }

    /// <summary>Whether the mapping has the key already: a scan of its few keys by position, where a set per mapping (a
    /// million of them in a large claims file) cost more than the parse, and so did the key collection and its enumerator.</summary>
    private static bool HasKey(YamlMappingNode mapping, string name)
    {
        var children = mapping.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Key is YamlScalarNode { Value: { } value } && string.Equals(value, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>[a, "b c"]</c> ending the line: items plain (no <c>:</c>, <c>#</c> or flow indicators) or double-quoted, each
    /// with one comma before the next, spaces around them allowed.
    /// </summary>
    private YamlSequenceNode FlowSequence(int start, int end, int depth)
    {
        Require(depth <= _maxDepth && _text[end - 1] == ']');
        var sequence = new YamlSequenceNode { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
        Lines.Add(sequence, _lineNumber);
        var i = SkipSpaces(start + 1, end);
        if (i == end - 1)
        {
            return sequence;
        }

        while (true)
        {
            int itemEnd;
            if (_text[i] == '"')
            {
                itemEnd = _text.IndexOf('"', i + 1, end - i - 1) + 1;
                Require(itemEnd > 0);
            }
            else
            {
                itemEnd = i;
                while (itemEnd < end - 1 && _text[itemEnd] is not (',' or ']' or '[' or '{' or '}' or ':' or '#' or '"'))
                {
                    itemEnd++;
                }

                while (_text[itemEnd - 1] == ' ')
                {
                    itemEnd--;
                }

                Require(itemEnd > i);
            }

            sequence.Add(Scalar(i, itemEnd));
            var next = SkipSpaces(itemEnd, end);
            if (next == end - 1)
            {
                return sequence;
            }

            Require(_text[next] == ',');
            i = SkipSpaces(next + 1, end);
            Require(i < end - 1);
        }
    }

    private int SkipSpaces(int from, int end)
    {
        while (from < end && _text[from] == ' ')
        {
            from++;
        }

        return from;
    }

    private YamlScalarNode Scalar(int start, int end)
    {
        YamlScalarNode scalar;
        if (_text[start] == '"')
        {
            var close = _text.IndexOf('"', start + 1, end - start - 1);
            Require(close == end - 1 && _text.IndexOf('\\', start + 1, close - start - 1) < 0);
            scalar = new YamlScalarNode(_text[(start + 1)..close]) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
        }
        else
        {
            Require(char.IsLetterOrDigit(_text[start]) && !char.IsSurrogate(_text[start]) && _text[end - 1] != ':');
            for (var i = start + 1; i < end; i++)
            {
                var c = _text[i];
                Require(c is not ('[' or ']' or '{' or '}') && !(c == ':' && _text[i + 1] == ' ') && !(c == '#' && _text[i - 1] == ' '));
            }

            scalar = new YamlScalarNode(_text[start..end]) { Style = YamlDotNet.Core.ScalarStyle.Plain };
        }

        Lines.Add(scalar, _lineNumber);
        return scalar;
    }

    /// <summary>The offset of the colon when the current position starts <c>key:</c> followed by a space or the line's end; else -1.</summary>
    private int KeyEnd()
    {
        var i = _at;
        if (i >= _end || !char.IsAsciiLetter(_text[i]))
        {
            return -1;
        }

        while (i < _end && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] is '_' or '-'))
        {
            i++;
        }

        return i < _end && _text[i] == ':' && (i + 1 == _end || _text[i + 1] == ' ') ? i : -1;
    }

    private bool IsDash() => _text[_at] == '-' && (_at + 1 == _end || _text[_at + 1] == ' ');

    private void NextLine() => Advance();

    /// <summary>Moves to the next line with content, checking each line's characters on the way.</summary>
    private void Advance()
    {
        while (_next <= _text.Length)
        {
            if (_next == _text.Length)
            {
                break;
            }

            var start = _next;
            var newline = _text.IndexOf('\n', start);
            var end = newline < 0 ? _text.Length : newline;
            _next = newline < 0 ? _text.Length + 1 : newline + 1;
            _lineNumber++;
            var content = start;
            while (content < end && _text[content] == ' ')
            {
                content++;
            }

            for (var i = content; i < end; i++)
            {
                var c = _text[i];
                Require(c > ' ' || (c == ' ' && i + 1 < end));
                Require(c is < '\u007F' || (c >= '\u00A1' && !char.IsWhiteSpace(c) && c != '\uFEFF'));
            }

            if (content == end || _text[content] == '#')
            {
                continue;
            }

            // Document markers and directives at the start of a line are YamlDotNet's.
            Require(!(content == start && (_text[content] == '%' || (end - start >= 3 && (_text.AsSpan(start, 3) is "---" or "...")))));
            _at = content;
            _end = end;
            return;
        }

        _at = -1;
        _end = -1;
    }

    private static void Require(bool condition)
    {
        if (!condition)
        {
            throw new Exceeded();
        }
    }

    /// <summary>The text leaves the subset here: YamlDotNet must read it.</summary>
    internal sealed class Exceeded : Exception
    {
        public Exceeded()
            : base("the YAML is outside the plain block subset")
        {
        }
    }
}

/// <summary>
/// The lines of the nodes <see cref="PlainBlockYaml"/> made, told by reference. A node is looked up among those of the
/// current item (a few dozen), from the latest, so a plain scan costs less than hashing every node on the way in.
/// </summary>
internal sealed class NodeLines
{
    private readonly List<(YamlNode Node, int Line)> _lines = [];

    public void Add(YamlNode node, int line) => _lines.Add((node, line));

    public void Clear() => _lines.Clear();

    public bool TryGetLine(YamlNode node, out int line)
    {
        for (var i = _lines.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_lines[i].Node, node))
            {
                line = _lines[i].Line;
                return true;
            }
        }

        line = 0;
        return false;
    }
}
