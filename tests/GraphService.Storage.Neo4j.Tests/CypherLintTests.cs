using System.Diagnostics;
using System.Text.Json;
using GraphService.Core.Domain;
using GraphService.Storage.Neo4j.Export;
using GraphService.Storage.Neo4j.Statements;
using GraphService.Testing;
using Xunit.Abstractions;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// Every Cypher statement the application can send, and every ready-made or exported script, passes Neo4j's own linter
/// (@neo4j-cypher/language-support, Cypher 5) with no diagnostic other than "parameter not defined".
/// </summary>
public sealed class CypherLintTests(ITestOutputHelper output)
{
    private const string InstallHint = "run npm ci in tests/cypher-lint";

    private static string LintFolder => Path.Combine(RepositoryPaths.Root, "tests", "cypher-lint");

    /// <summary>No filter, each built-in type alone, and a union of several.</summary>
    internal static IReadOnlyList<IReadOnlySet<string>> TypeFilters() =>
    [
        new HashSet<string>(),
        .. PredicateVocabulary.BuiltIns.Select(p => (IReadOnlySet<string>)new HashSet<string> { p.Type }),
        new HashSet<string> { "LEADS", "FUNDED_BY", "MET_WITH" },
    ];

    [SkippableFact]
    public void Every_statement_the_adapter_can_send_and_every_script_lints_clean()
    {
        var statements = CypherStatements.Instance.AllForLint(PredicateVocabulary.Default, TypeFilters())
            .Select(s => new { name = s.Name, statement = s.Text })
            .ToList();
        statements.Add(new { name = "cypher/queries.cypher", statement = File.ReadAllText(Path.Combine(RepositoryPaths.Cypher, "queries.cypher")) });
        statements.Add(new { name = "cypher/schema.cypher (whole file)", statement = File.ReadAllText(Path.Combine(RepositoryPaths.Cypher, "schema.cypher")) });
        statements.Add(new { name = "CypherScriptExporter(sample with hostile strings)", statement = new CypherScriptExporter().Render(SampleGraph.Build()) });

        // Composed variants are part of the contract: at least one per direction, length and filter.
        Assert.Contains(statements, s => s.name == "paths.cypher#shortest-path-groups[all,Any,1,6]");
        Assert.Contains(statements, s => s.name == "paths.cypher#shortest-path-groups[FUNDED_BY|LEADS|MET_WITH,In,6,6]");
        Assert.Contains(statements, s => s.name == "paths.cypher#shortest-path-groups[all,Out,1,2]");
        Assert.Contains(statements, s => s.name == "import.cypher#merge-claim-relationships[DETAINED_BY]");
        Assert.Contains(statements, s => s.name == "paths.cypher#shortest-path-groups[DETAINED_BY,Any,1,4]");
        Assert.Contains(statements, s => s.name == "read.cypher#neighbors[DETAINED_BY]");

        var (exitCode, stdout) = Lint(statements);

        output.WriteLine(stdout);
        Assert.True(exitCode == 0, $"Neo4j's linter reported diagnostics:\n{stdout}");
        Assert.Contains($"linted {statements.Count} statements, 0 diagnostics", stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_linter_catches_a_broken_statement_so_a_clean_run_means_something()
    {
        var (exitCode, stdout) = Lint([new { name = "broken", statement = "MATCH (n:Entity {id: $id}) RETURN m" }]);

        Assert.Equal(1, exitCode);
        Assert.Contains("\"name\":\"broken\"", stdout, StringComparison.Ordinal);
        Assert.Contains("linted 1 statements, 1 diagnostics", stdout, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Stdout) Lint<T>(IReadOnlyList<T> statements)
    {
        RequireLinter();
        using var temp = new TempDirectory();
        var file = temp.File("statements.json");
        File.WriteAllText(file, JsonSerializer.Serialize(statements));
        var start = new ProcessStartInfo("node", [Path.Combine(LintFolder, "lint.mjs"), file])
        {
            WorkingDirectory = LintFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The Cypher linter did not finish within 5 minutes.");
        }

        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>Without the linter installed: a failure on CI (CI=true), a skip with the reason elsewhere.</summary>
    private static void RequireLinter()
    {
        var installed = Directory.Exists(Path.Combine(LintFolder, "node_modules", "@neo4j-cypher", "language-support")) && NodeRuns();
        CiRequirement.Require(installed, InstallHint);
    }

    private static bool NodeRuns()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true });
            p!.WaitForExit(TimeSpan.FromSeconds(30));
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
