using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

public class ReportWriterTests
{
    public static TheoryData<ReportFormat> Formats() => [.. Enum.GetValues<ReportFormat>()];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_writes_paths_and_neighborhoods(ReportFormat format)
    {
        var paths = ReportWriter.Write(TwoPaths, format, ReportOptions.Default);
        var neighborhood = ReportWriter.Write(Neighborhood, format, ReportOptions.Default);

        Assert.Contains(GraphVersion, paths, StringComparison.Ordinal);
        Assert.Contains(GraphVersion, neighborhood, StringComparison.Ordinal);
        Assert.Contains("quds", paths, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("quds", neighborhood, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_writer_dispatches_to_the_format_classes()
    {
        Assert.Equal(MarkdownReport.Write(TwoPaths), ReportWriter.Write(TwoPaths, ReportFormat.Markdown));
        Assert.Equal(HtmlReport.Write(Neighborhood), ReportWriter.Write(Neighborhood, ReportFormat.Html));
        Assert.Equal(SvgDiagram.Write(TwoPaths, ReportOptions.Default), ReportWriter.Write(TwoPaths, ReportFormat.Svg));
        Assert.Equal(MermaidDiagram.Write(Neighborhood), ReportWriter.Write(Neighborhood, ReportFormat.Mermaid));
        Assert.Equal(CypherReproduction.Write(TwoPaths), ReportWriter.Write(TwoPaths, ReportFormat.Cypher));
        Assert.Equal(GraphMlWriter.Write(Neighborhood), ReportWriter.Write(Neighborhood, ReportFormat.GraphMl));
        Assert.Equal(CytoscapeJson.Write(TwoPaths), ReportWriter.Write(TwoPaths, ReportFormat.Cytoscape));
    }

    [Fact]
    public void An_undefined_format_value_is_refused_with_the_supported_list()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportWriter.Write(TwoPaths, (ReportFormat)99));

        Assert.Contains("markdown, html, svg", error.Message, StringComparison.Ordinal);
    }
}
