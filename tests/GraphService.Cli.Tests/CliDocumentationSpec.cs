using System.Text;
using System.Text.RegularExpressions;
using GraphService.Testing;

namespace GraphService.Cli.Tests;

/// <summary>
/// docs/cli.md is a contract: each <c>$ graphservice …</c> example in its console blocks is run, in order, against one
/// fresh store (with relative paths taken from the repository root, as a reader's would be; see <see cref="CliRun"/>), and must print exactly what the document shows.
/// </summary>
public sealed partial class CliDocumentationSpec
{
    [Fact]
    public async Task Every_example_in_docs_cli_md_prints_what_the_document_shows()
    {
        var examples = ReadExamples(Path.Combine(RepositoryPaths.Docs, "cli.md"));
        Assert.True(examples.Count >= 8, $"expected the CLI examples, found {examples.Count}");

        using var dir = new TempDirectory();
        try
        {
            foreach (var example in examples)
            {
                var run = await CliRun.ExecuteAsync(dir.File("docs.db"), [.. SplitArguments(example.CommandLine)]);
                var actual = Versions().Replace(run.Out + run.Error, "sha256:…").TrimEnd();
                if (run.ExitCode != 0)
                {
                    actual += $"\n(exit code {run.ExitCode})";
                }

                Assert.True(example.Expected == actual, $"$ graphservice {example.CommandLine}\n--- documented ---\n{example.Expected}\n--- actual ---\n{actual}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private sealed record Example(string CommandLine, string Expected);

    private static List<Example> ReadExamples(string path)
    {
        var examples = new List<Example>();
        string? command = null;
        var expected = new StringBuilder();
        var inConsole = false;

        void Flush()
        {
            if (command is not null)
            {
                examples.Add(new Example(command, expected.ToString().TrimEnd()));
            }

            command = null;
            expected.Clear();
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                inConsole = !inConsole && line == "```console";
                continue;
            }

            if (!inConsole)
            {
                continue;
            }

            if (line.StartsWith("$ graphservice ", StringComparison.Ordinal))
            {
                Flush();
                command = line["$ graphservice ".Length..];
            }
            else
            {
                expected.AppendLine(line);
            }
        }

        return examples;
    }

    /// <summary>Splits a command line as a POSIX shell would for the simple quoting the docs use.</summary>
    private static List<string> SplitArguments(string commandLine) =>
        [.. Arguments().Matches(commandLine).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Value)];

    [GeneratedRegex("\"(?<q>[^\"]*)\"|\\S+")]
    private static partial Regex Arguments();

    [GeneratedRegex("sha256:[0-9a-f]{64}")]
    private static partial Regex Versions();
}
