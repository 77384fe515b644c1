using GraphService.Core.Queries;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

/// <summary>
/// The SVG and HTML of every fixture, byte for byte as committed in Golden/ (see <see cref="GoldenFile"/> for how to
/// regenerate them). The files were written by another process, so they also pin that output does not depend on the
/// process (hash seeds, culture, dictionary order).
/// </summary>
public class GoldenOutputTests
{
    private static readonly Dictionary<string, Func<string>> Cases = new(StringComparer.Ordinal)
    {
        ["one-path.svg"] = () => SvgDiagram.Write(OnePath, ReportOptions.Default),
        ["two-paths.svg"] = () => SvgDiagram.Write(TwoPaths, ReportOptions.Default),
        ["two-paths-1200.svg"] = () => SvgDiagram.Write(TwoPaths, new ReportOptions { DiagramWidth = 1200 }),
        ["no-path.svg"] = () => SvgDiagram.Write(NoPath, ReportOptions.Default),
        ["neighborhood.svg"] = () => SvgDiagram.Write(Neighborhood, ReportOptions.Default),
        ["busy-neighborhood.svg"] = () => SvgDiagram.Write(BusyNeighborhood(), ReportOptions.Default),
        ["lonely-centre.svg"] = () => SvgDiagram.Write(new NeighborhoodResult(GraphVersion, Khazali, [], [], Truncated: false), ReportOptions.Default),
        ["two-paths.html"] = () => HtmlReport.Write(TwoPaths),
        ["no-path.html"] = () => HtmlReport.Write(NoPath),
        ["neighborhood.html"] = () => HtmlReport.Write(Neighborhood),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void The_output_is_the_committed_golden_file(string name) => GoldenFile.Match(name, Cases[name]());

    [Fact]
    public void Every_golden_file_belongs_to_a_case()
    {
        var files = Directory.GetFiles(GoldenFile.Folder).Select(Path.GetFileName).Where(f => f != ".gitattributes");

        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }
}
