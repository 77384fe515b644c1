namespace GraphService.Reports.Tests;

public class ReportFormatsTests
{
    [Fact]
    public void Supported_lists_every_format_once_by_its_name()
    {
        Assert.Equal(["markdown", "html", "svg", "mermaid", "cypher", "graphml", "cytoscape"], ReportFormats.Supported);
        Assert.Equal(Enum.GetValues<ReportFormat>().Order(), ReportFormats.All.Select(f => f.Format).Order());
    }

    [Theory]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData("MD", ReportFormat.Markdown)]
    [InlineData("Html", ReportFormat.Html)]
    [InlineData("svg", ReportFormat.Svg)]
    [InlineData("MERMAID", ReportFormat.Mermaid)]
    [InlineData(" cypher ", ReportFormat.Cypher)]
    [InlineData("GraphML", ReportFormat.GraphMl)]
    [InlineData("cytoscape", ReportFormat.Cytoscape)]
    public void TryParse_accepts_supported_names_in_any_case(string name, ReportFormat expected)
    {
        Assert.True(ReportFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pdf")]
    [InlineData("json")]
    [InlineData("markdown2")]
    public void TryParse_rejects_unknown_names(string? name) => Assert.False(ReportFormats.TryParse(name, out _));

    [Fact]
    public void Describe_names_every_supported_format_for_error_messages() =>
        Assert.Equal("Supported formats: markdown, html, svg, mermaid, cypher, graphml, cytoscape.", ReportFormats.Describe());

    [Theory]
    [InlineData(ReportFormat.Markdown, "text/markdown")]
    [InlineData(ReportFormat.Html, "text/html")]
    [InlineData(ReportFormat.Svg, "image/svg+xml")]
    [InlineData(ReportFormat.Mermaid, "text/vnd.mermaid")]
    [InlineData(ReportFormat.Cypher, "application/x-cypher-query")]
    [InlineData(ReportFormat.GraphMl, "application/graphml+xml")]
    [InlineData(ReportFormat.Cytoscape, "application/json")]
    public void Each_format_has_its_media_type(ReportFormat format, string mediaType) =>
        Assert.Equal(mediaType, ReportFormats.MediaTypeOf(format));

    [Theory]
    [InlineData("text/markdown; charset=utf-8", ReportFormat.Markdown)]
    [InlineData("IMAGE/SVG+XML", ReportFormat.Svg)]
    [InlineData("application/graphml+xml", ReportFormat.GraphMl)]
    [InlineData("application/x-cypher-query", ReportFormat.Cypher)]
    public void TryParseMediaType_finds_negotiable_formats(string mediaType, ReportFormat expected)
    {
        Assert.True(ReportFormats.TryParseMediaType(mediaType, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("*/*")]
    [InlineData("")]
    public void TryParseMediaType_leaves_the_hosts_own_representations_alone(string mediaType) =>
        Assert.False(ReportFormats.TryParseMediaType(mediaType, out _));
}
