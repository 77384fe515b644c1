using System.Globalization;
using System.Text.RegularExpressions;

namespace GraphService.Api.Tests.Support;

/// <summary>
/// One answer of the Prometheus scraping endpoint, read as the Prometheus text format: one sample a line,
/// <c>name{label="value",…} number</c>. A sample is picked by its name and a subset of its labels.
/// </summary>
public sealed partial class MetricsScrape
{
    private readonly List<Sample> _samples;

    private MetricsScrape(string text, List<Sample> samples)
    {
        Text = text;
        _samples = samples;
    }

    public string Text { get; }

    public static async Task<MetricsScrape> ReadAsync(HttpClient client, string path = "/metrics")
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return Parse(text);
    }

    public static MetricsScrape Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var v => double.Parse(v, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(match.Groups["name"].Value, labels, value));
        }

        return new MetricsScrape(text, samples);
    }

    /// <summary>The one sample of <paramref name="name"/> carrying these labels, or null when there is none.</summary>
    public double? Find(string name, params (string Name, string Value)[] labels)
    {
        var found = _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value)).ToList();
        Assert.True(found.Count <= 1, $"{found.Count} samples of {name} match {string.Join(", ", labels)}:\n{Text}");
        return found.Count == 1 ? found[0].Value : null;
    }

    /// <summary>As <see cref="Find"/>, for a series that must be there.</summary>
    public double Value(string name, params (string Name, string Value)[] labels) =>
        Find(name, labels) ?? throw new Xunit.Sdk.XunitException($"No sample {name} with {string.Join(", ", labels)} in the scrape:\n{Text}");

    /// <summary>As <see cref="Find"/>, with a series not yet recorded read as 0 (a counter before its first increment).</summary>
    public double CountOf(string name, params (string Name, string Value)[] labels) => Find(name, labels) ?? 0;

    /// <summary>Every sample's name and labels, in order.</summary>
    public IEnumerable<(string Name, IReadOnlyDictionary<string, string> Labels)> Series => _samples.Select(s => (s.Name, s.Labels));

    public IEnumerable<IReadOnlyDictionary<string, string>> LabelsOf(string name) =>
        _samples.Where(s => s.Name == name).Select(s => s.Labels);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex LabelPair();

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
