using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphService.Api.Tests.Support;
using GraphService.Testing;

namespace GraphService.Api.Tests;

/// <summary>The curl examples of docs/api.md run against the API over the sample corpus and answer as the document says.</summary>
[Collection(SampleCorpusCollection.Name)]
public sealed partial class DocumentationExampleTests(SampleCorpusApi api)
{
    public static TheoryData<string, string?> Examples()
    {
        var data = new TheoryData<string, string?>();
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Docs, "api.md"));
        for (var i = 0; i < lines.Length; i++)
        {
            var match = CurlExample().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            // An example followed by a ```json block shows its answer; the others answer 200.
            var next = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal) && l.Trim() != "```");
            var closing = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            string? expected = null;
            if (next == closing + 2 && lines[next].Trim() == "```json")
            {
                var end = Array.FindIndex(lines, next + 1, l => l.Trim() == "```");
                expected = string.Join("\n", lines[(next + 1)..end]);
            }

            data.Add(match.Groups["path"].Value, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_curl_example_of_the_API_document_answers_as_documented(string pathAndQuery, string? documentedAnswer)
    {
        using var response = await api.Client.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        if (documentedAnswer is null)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pathAndQuery} answered {(int)response.StatusCode}: {body}");
            return;
        }

        var expected = JsonDocument.Parse(documentedAnswer.Replace("\"00-…\"", "\"\"", StringComparison.Ordinal)).RootElement;
        var actual = JsonDocument.Parse(body).RootElement;
        foreach (var member in new[] { "type", "title", "status", "detail", "instance", "errors" })
        {
            Assert.True(JsonElement.DeepEquals(expected.GetProperty(member), actual.GetProperty(member)),
                $"{pathAndQuery}: {member} is {actual.GetProperty(member).GetRawText()}, the document says {expected.GetProperty(member).GetRawText()}");
        }
    }

    [GeneratedRegex(@"^curl (?:-s )?'http://localhost:5080(?<path>/[^']*)'$")]
    private static partial Regex CurlExample();
}
