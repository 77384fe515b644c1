namespace GraphService.Reports.Drawing;

/// <summary>
/// Estimates of text size for the system sans-serif font that the SVG names: SVG text is neither measured nor wrapped
/// by the viewer's layout engine, so the layout wraps and spaces labels by character counts.
/// </summary>
internal static class TextMetrics
{
    /// <summary>Average advance of a character, in ems (Latin text in system-ui / Segoe UI / Roboto).</summary>
    public const double AverageCharWidthEm = 0.565;

    private const double AscentEm = 0.8;
    private const double DescentEm = 0.25;

    public static double CharWidth(double fontSize) => fontSize * AverageCharWidthEm;

    public static double Width(string text, double fontSize) => text.Length * CharWidth(fontSize);

    /// <summary>How many characters fit in <paramref name="width"/> pixels at <paramref name="fontSize"/>.</summary>
    public static int CharsIn(double width, double fontSize) => (int)(width / CharWidth(fontSize));

    public static double Ascent(double fontSize) => fontSize * AscentEm;

    public static double Descent(double fontSize) => fontSize * DescentEm;
}
