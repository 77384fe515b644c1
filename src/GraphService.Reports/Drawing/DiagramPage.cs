using GraphService.Core.Domain;
using GraphService.Reports.Model;
using GraphService.Reports.Text;

namespace GraphService.Reports.Drawing;

/// <summary>The source list under a diagram: its heading (null when nothing is cited), its lines, and the y under it.</summary>
internal sealed record SourceList(TextLine? Heading, IReadOnlyList<SourceLine> Lines, double Bottom);

/// <summary>One line of the source list; <paramref name="Disputes"/> when the citation disputes its claim.</summary>
internal sealed record SourceLine(TextLine Line, bool Disputes);

/// <summary>
/// What surrounds a diagram: the header (title and subtitle) above it and the numbered source list below it, at the
/// page margin. Pure: it places lines; <see cref="SvgDiagram"/> writes them.
/// </summary>
internal static class DiagramPage
{
    /// <summary>Space around the page and left of every line of text.</summary>
    public const int Margin = 16;

    public const double TitleFontSize = 15;
    public const double SubtitleFontSize = 11;
    public const double HeadingFontSize = 12;
    public const double SourceFontSize = 11;
    public const double NoteFontSize = 12;

    private const double TitleBaseline = 26;
    private const double SubtitleBaseline = 44;

    /// <summary>Where the diagram starts, under the header.</summary>
    public const double HeaderHeight = 56;

    private const double NoteBaseline = 14;
    private const double NoteHeight = 28;
    private const double HeadingBaseline = 14;
    private const double HeadingHeight = 20;
    private const double SourceBaseline = 13;
    private const double SourceLineHeight = 16;
    private const double ListEnd = 4;

    public static TextLine Title(Headline headline) => new(headline.Title, new Point(Margin, TitleBaseline));

    public static TextLine Subtitle(Headline headline) =>
        new(headline.Summary + (headline.CutMark is null ? string.Empty : " · " + headline.CutMark), new Point(Margin, SubtitleBaseline));

    /// <summary>A one-line note at <paramref name="top"/> (such as "no path"), and the y under it.</summary>
    public static (TextLine Line, double Bottom) Note(string text, double top) => (new(text, new Point(Margin, top + NoteBaseline)), top + NoteHeight);

    /// <summary>
    /// The source list from <paramref name="top"/>: a heading, then one line per citation in footnote order,
    /// "[n] DISPUTES — Publisher, date — Title: “quote”", cut to the page width. Empty when nothing is cited.
    /// </summary>
    public static SourceList Sources(CitationNumbering numbering, double top, int width)
    {
        if (numbering.Footnotes.Count == 0)
        {
            return new SourceList(null, [], top);
        }

        var heading = new TextLine("Sources", new Point(Margin, top + HeadingBaseline));
        var y = top + HeadingHeight;
        var maxChars = TextMetrics.CharsIn(width - (2 * Margin), SourceFontSize);
        var disputes = Stance.Disputes.ToWord().ToUpperInvariant();
        var lines = new List<SourceLine>();
        foreach (var (number, c) in numbering.Numbered)
        {
            var isDisputing = c.Stance == Stance.Disputes;
            var text = $"[{number}] {(isDisputing ? disputes + " — " : string.Empty)}{c.Publisher}, {ReportWording.DateOf(c)} — {c.Title}: \u201C{c.Quote}\u201D";
            lines.Add(new SourceLine(new TextLine(TextWrap.Truncate(text, maxChars), new Point(Margin, y + SourceBaseline)), isDisputing));
            y += SourceLineHeight;
        }

        return new SourceList(heading, lines, y + ListEnd);
    }
}
