using System.Text.RegularExpressions;
using GraphService.Testing;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

/// <summary>docs/report-formats.md shows real output for the one-path fixture; these tests keep it true.</summary>
public partial class DocumentedExamplesTests
{
    private static string Example(string name)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "report-formats.md"));
        var match = Assert.Single(ExampleBlock().Matches(doc), m => m.Groups["name"].Value == name);
        return match.Groups["body"].Value;
    }

    [Theory]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData("mermaid", ReportFormat.Mermaid)]
    [InlineData("cypher", ReportFormat.Cypher)]
    public void The_documented_example_is_the_writers_output(string name, ReportFormat format) =>
        Assert.Equal(ReportWriter.Write(OnePath, format, ReportOptions.Default), Example(name));

    [Fact]
    public void The_documented_format_table_lists_every_supported_format_and_media_type()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "report-formats.md"));

        foreach (var f in ReportFormats.All)
        {
            Assert.Matches($@"\| `{f.Name}`[^|]*\| `{Regex.Escape(f.MediaType)}` \|", doc);
        }
    }

    [GeneratedRegex(@"<!-- example: (?<name>[a-z]+) -->\n```[a-z]+\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
