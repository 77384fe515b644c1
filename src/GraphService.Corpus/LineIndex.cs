namespace GraphService.Corpus;

/// <summary>The 1-based line of a UTF-16 offset in a text, counting line feeds (so CRLF and LF files count alike).</summary>
internal sealed class LineIndex
{
    public static readonly LineIndex Empty = new(string.Empty);

    private readonly List<int> _lineFeeds = [];

    public LineIndex(string text)
    {
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _lineFeeds.Add(i);
        }
    }

    /// <summary>The line on which <paramref name="offset"/> lies; an offset past the end lies on the last line.</summary>
    public int LineAt(long offset)
    {
        var at = offset > int.MaxValue ? int.MaxValue : (int)Math.Max(offset, 0);
        var index = _lineFeeds.BinarySearch(at);

        // Found: the offset is a line feed, which ends its line. Not found: the complement is the number of line feeds before it.
        return 1 + (index >= 0 ? index : ~index);
    }
}
