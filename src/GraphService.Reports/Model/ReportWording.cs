using GraphService.Core.Queries;

namespace GraphService.Reports.Model;

/// <summary>Words that several formats write about citations and relationships, spelt once.</summary>
internal static class ReportWording
{
    /// <summary>Written where a citation's document has no date.</summary>
    public const string Undated = "undated";

    /// <summary>Opens the footnote of a citation whose passage disputes the claim (Markdown, HTML).</summary>
    public const string DisputesNote = "Disputes the claim.";

    /// <summary>Follows a relationship that at least one citation disputes (HTML, SVG, Mermaid).</summary>
    public const string ContestedMark = "(contested)";

    /// <summary>What "contested" means, after the word (Markdown, HTML).</summary>
    public const string ContestedMeaning = "at least one cited source disputes that relationship.";

    /// <summary>The citation's date as a report shows it: the document's (partial) date, or "undated".</summary>
    public static string DateOf(CitationView citation) => citation.Published ?? Undated;
}
