using GraphService.Core.Domain;

namespace GraphService.Reports.Drawing;

/// <summary>The colours and font of the HTML report and the SVG diagrams, one palette for both.</summary>
internal static class ReportPalette
{
    /// <summary>The system's sans-serif font: nothing is loaded.</summary>
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

    /// <summary>Text and outlines.</summary>
    public const string Ink = "#1f2328";

    /// <summary>Secondary text: subtitles, captions, notes.</summary>
    public const string Muted = "#59636e";

    /// <summary>Contested relationships and disputing citations.</summary>
    public const string Contested = "#b42318";

    /// <summary>Entity boxes' outlines and arrowheads in a neighborhood.</summary>
    public const string Outline = "#57606a";

    /// <summary>Relationship lines in a neighborhood, lighter than the entities they join.</summary>
    public const string Line = "#8c959f";

    /// <summary>Rules between sections (the HTML footnotes).</summary>
    public const string Rule = "#d1d9e0";

    /// <summary>The background, and the halo that keeps a label readable over lines.</summary>
    public const string Paper = "#ffffff";

    /// <summary>The fill of an entity, by type.</summary>
    public static string Fill(EntityType type) => type switch
    {
        EntityType.Person => "#dbeafe",
        EntityType.Organization => "#fde7c8",
        EntityType.Place => "#d3f0dc",
        EntityType.Event => "#ead9fb",
        _ => "#eeeeee",
    };
}
