using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// A YAML text being read for one corpus file, reporting its problems with the file's line numbers.
/// <see cref="LineOffset"/> shifts the lines when the YAML is embedded (a document's front matter starts on line 2).
/// Lines are counted by line feeds, as everywhere in the importer, not by the parser's own count, which also breaks lines
/// at a lone carriage return, U+0085, U+2028 and U+2029, so that every problem points at the line an editor shows.
/// </summary>
internal sealed class YamlSource(string relativePath, ProblemLog log, int maxDepth, int lineOffset = 0)
{
    private LineIndex _lines = LineIndex.Empty;

    // The lines of the nodes read by PlainBlockYaml, which have no marks; null when YamlDotNet read the text.
    private NodeLines? _plainLines;

    public string RelativePath { get; } = relativePath;

    public int LineOffset { get; } = lineOffset;

    public ProblemLog Log { get; } = log;

    /// <summary>
    /// The root node, null when the text holds no YAML document. Malformed YAML, and YAML beyond the limits of
    /// <see cref="BoundedYamlParser"/>, is reported (one problem: the parse stops there) and gives null.
    /// </summary>
    public YamlNode? LoadRoot(string text, out bool malformed)
    {
        malformed = false;
        var unprintable = FirstUnprintable(text);
        if (unprintable is null && PlainBlockYaml.TryParseRoot(text, maxDepth) is var (root, lines))
        {
            _plainLines = lines;
            return root;
        }

        _plainLines = null;
        _lines = new LineIndex(text);
        if (unprintable is int at)
        {
            // YAML admits only printable characters (YAML 1.2, 5.1); YamlDotNet does not check, and would pass a NUL on.
            malformed = true;
            ReportAtLine(_lines.LineAt(at) + LineOffset, $"malformed YAML: character U+{(int)text[at]:X4} is not allowed in YAML (only printable characters, tabs and line breaks are)");
            return null;
        }

        var scanner = new Scanner(new StringReader(text));
        var parser = new BoundedYamlParser(new Parser(scanner), maxDepth);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlRefusedException e)
        {
            malformed = true;
            Report(e.Start, e.Message);
            return null;
        }
        catch (YamlException e)
        {
            malformed = true;
            Report(e.Start, $"malformed YAML: {e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position or a useful message, on some unclosed flow lists and
            // mappings (`aliases: [a, b` followed by more entries): point at the one still open, else where it stopped.
            malformed = true;
            if (parser.OpenFlowCollection is { } open)
            {
                Report(open, "malformed YAML: the flow list or mapping ('[' or '{') that starts on this line is not closed");
            }
            else
            {
                Report(scanner.CurrentPosition, "malformed YAML: the parser could not read on from this line; look for an unclosed bracket or quote");
            }

            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>The offset of the first character YAML does not allow (a control character other than tab, CR, LF and
    /// NEL, or U+FFFE/U+FFFF); null when there is none. Surrogates come only in valid pairs from strict UTF-8.</summary>
    private static int? FirstUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var printable = c is '\t' or '\n' or '\r' or '\u0085' || (c >= ' ' && c != '\u007F' && (c < '\u0080' || c >= '\u00A0') && c < '\uFFFE');
            if (!printable)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The items of a text whose root is a list, read one at a time by <see cref="PlainBlockYaml"/> (they throw
    /// <see cref="PlainBlockYaml.Exceeded"/> where the text leaves its subset); null when the text does not start as such
    /// a list, or holds a character YAML does not allow: <see cref="LoadRoot"/> then reads and reports it.
    /// </summary>
    public IEnumerable<YamlNode>? PlainListItems(string text)
    {
        if (FirstUnprintable(text) is not null || PlainBlockYaml.ForList(text, maxDepth) is not { } reader)
        {
            return null;
        }

        _plainLines = reader.Lines;
        return reader.Items();
    }

    public int LineOf(YamlNode node) =>
        _plainLines is not null && _plainLines.TryGetLine(node, out var line) ? line + LineOffset : LineOf(node.Start);

    public int LineOf(Mark mark) => _lines.LineAt(mark.Index) + LineOffset;

    public void Report(YamlNode node, string message) => Log.Add(RelativePath, LineOf(node), message);

    public void Report(Mark mark, string message) => Log.Add(RelativePath, LineOf(mark), message);

    public void ReportAtLine(int fileLine, string message) => Log.Add(RelativePath, fileLine, message);

    /// <summary>Reports a problem that is costly to describe; see <see cref="ProblemLog.Add(string, int, Func{string})"/>.</summary>
    public void ReportAtLine(int fileLine, Func<string> describe) => Log.Add(RelativePath, fileLine, describe);

    /// <summary>
    /// Reads <paramref name="node"/> as a record with the given keys, reporting any key not among them (typos are
    /// errors). Null, with a problem reported, when the node is not a mapping.
    /// </summary>
    public YamlRecord? Record(YamlNode node, string what, IReadOnlyList<string> allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(node, $"{what} must be a mapping with the keys {string.Join(", ", allowedKeys)}");
            return null;
        }

        // By position, in the mapping's order: its enumerator allocated an iterator and an enumerator for every record
        // (a claim and each of its evidence items), a measurable part of a large import's garbage.
        var children = mapping.Children;
        var values = new RecordValues(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            var (key, value) = children[i];
            if (key is not YamlScalarNode { Value: { } name })
            {
                Report(key, $"{what} has a key that is not a plain name");
                continue;
            }

            if (!allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                Report(key, $"unknown key '{name}' in {what} (allowed: {string.Join(", ", allowedKeys)})");
                continue;
            }

            values.Set(name, key, value);
        }

        return new YamlRecord(this, mapping, what, values);
    }

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value means the key has no value.</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any &&
        (scalar.Value is null or "" or "~" || string.Equals(scalar.Value, "null", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One YAML mapping read as a record with known keys.</summary>
internal sealed class YamlRecord(YamlSource source, YamlMappingNode node, string what, RecordValues values)
{
    public YamlMappingNode Node { get; } = node;

    public int Line => source.LineOf(Node);

    public bool Has(string key) => values.ContainsKey(key);

    /// <summary>The line of a key's value, or of the record when the key is absent.</summary>
    public int LineOf(string key) => values.TryGetValue(key, out var kv) ? source.LineOf(kv.Value) : Line;

    public YamlNode? ValueNode(string key) => values.TryGetValue(key, out var kv) ? kv.Value : null;

    /// <summary>
    /// A single text value. Reports a missing or empty required key at the record's line, and a value that is a list
    /// or mapping at the value's line; returns null in those cases and when an optional key is absent or null.
    /// </summary>
    public string? Text(string key, bool required)
    {
        if (!values.TryGetValue(key, out var kv))
        {
            if (required)
            {
                source.Report(Node, $"{what} is missing the required key '{key}'");
            }

            return null;
        }

        if (kv.Value is not YamlScalarNode scalar)
        {
            source.Report(kv.Value, $"'{key}' in {what} must be a single value, not a list or mapping");
            return null;
        }

        if (YamlSource.IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            if (required)
            {
                source.Report(kv.Value, $"'{key}' in {what} has no value");
            }

            return null;
        }

        return scalar.Value;
    }

    /// <summary>A list value; reports a value that is not a list. Null when absent, null or malformed.</summary>
    public YamlSequenceNode? List(string key)
    {
        if (!values.TryGetValue(key, out var kv))
        {
            return null;
        }

        if (kv.Value is YamlScalarNode scalar && YamlSource.IsNull(scalar))
        {
            return null;
        }

        if (kv.Value is not YamlSequenceNode sequence)
        {
            source.Report(kv.Value, $"'{key}' in {what} must be a list");
            return null;
        }

        return sequence;
    }
}

/// <summary>
/// A record's keys with their nodes, looked up by a scan: a record has a handful of keys, and an import reads a million
/// records (claims and their evidence), for which a dictionary each was a large share of the garbage.
/// </summary>
internal sealed class RecordValues(int capacity)
{
    private readonly (string Name, YamlNode Key, YamlNode Value)[] _entries = new (string, YamlNode, YamlNode)[capacity];
    private int _count;

    /// <summary>Sets <paramref name="name"/>'s nodes, replacing those it had.</summary>
    public void Set(string name, YamlNode key, YamlNode value)
    {
        var i = IndexOf(name);
        _entries[i >= 0 ? i : _count++] = (name, key, value);
    }

    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, out (YamlNode Key, YamlNode Value) nodes)
    {
        var i = IndexOf(name);
        nodes = i < 0 ? default : (_entries[i].Key, _entries[i].Value);
        return i >= 0;
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
