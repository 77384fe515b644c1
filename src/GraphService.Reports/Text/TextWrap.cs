namespace GraphService.Reports.Text;

/// <summary>Greedy word wrapping by character count, for SVG labels (SVG text does not wrap by itself).</summary>
internal static class TextWrap
{
    public static IReadOnlyList<string> Lines(string text, int maxChars, int maxLines)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in words)
        {
            var w = word.Length > maxChars ? word[..(maxChars - 1)] + "…" : word;
            if (current.Length == 0)
            {
                current = w;
            }
            else if (current.Length + 1 + w.Length <= maxChars)
            {
                current += " " + w;
            }
            else
            {
                lines.Add(current);
                current = w;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if (lines.Count > maxLines)
        {
            var last = lines[maxLines - 1];
            lines = [.. lines.Take(maxLines - 1), (last.Length >= maxChars ? last[..(maxChars - 1)] : last) + "…"];
        }

        return lines.Count == 0 ? [string.Empty] : lines;
    }

    /// <summary>Cuts a single line to at most <paramref name="maxChars"/> characters, ending in "…" when cut.</summary>
    public static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : text[..(maxChars - 1)] + "…";
}
