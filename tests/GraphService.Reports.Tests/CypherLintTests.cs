using System.Diagnostics;
using System.Text.Json;
using GraphService.Testing;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

/// <summary>
/// Runs the generated Cypher through @neo4j-cypher/language-support (the harness in tests/cypher-lint). The harness
/// needs `npm ci` in tests/cypher-lint; without it the test fails in CI (CI=true) and is skipped elsewhere.
/// </summary>
public class CypherLintTests
{
    [SkippableFact]
    public async Task Generated_statements_lint_clean()
    {
        var harness = Path.Combine(RepositoryPaths.Root, "tests", "cypher-lint");
        var installed = Directory.Exists(Path.Combine(harness, "node_modules")) && File.Exists(Path.Combine(harness, "lint.mjs"));
        CiRequirement.Require(installed, "tests/cypher-lint/node_modules is missing (run `npm ci` in tests/cypher-lint); Cypher lint not run.");

        using var temp = new TempDirectory();
        // lint.mjs reads [{"name": ..., "statement": ...}] and exits 1 on any diagnostic, warnings included.
        var statements = new[]
        {
            new { name = "one path", statement = CypherReproduction.Write(OnePath) },
            new { name = "two paths sharing entities", statement = CypherReproduction.Write(TwoPaths) },
            new { name = "a link with two relationships", statement = CypherReproduction.Write(ParallelLink) },
            new { name = "no path", statement = CypherReproduction.Write(NoPath) },
            new { name = "neighborhood", statement = CypherReproduction.Write(Neighborhood) },
            new { name = "hostile id", statement = CypherReproduction.Write(OnePath with { From = Khazali with { Id = "x'}) DETACH DELETE n0 //\n\\u0027\"" }, Paths = [] }) },
            new { name = "unpaired surrogates, BOM, separators", statement = CypherReproduction.Write(OnePath with { From = Khazali with { Id = "lone \uD800 \uDC00 \uFEFF \u2028 \u0085 \u0000 end" }, GraphVersion = "v\uD800\u2029\n", Paths = [] }) },
            new { name = "every built-in type", statement = CypherReproduction.Write(EveryBuiltInType()) },
        };
        var input = temp.File("statements.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(statements));

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = harness };
        start.ArgumentList.Add(Path.Combine(harness, "lint.mjs"));
        start.ArgumentList.Add(input);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"lint.mjs exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        Assert.Contains($"linted {statements.Length} statements, 0 diagnostics", await stdout, StringComparison.Ordinal);
    }

    /// <summary>A neighborhood with one relationship of each built-in type, so that no type name trips the parser.</summary>
    private static Core.Queries.NeighborhoodResult EveryBuiltInType()
    {
        var relationships = Core.Domain.PredicateVocabulary.BuiltIns
            .Select((p, i) => KhazaliLeadsAah with { Id = $"r-{i}", Type = p.Type, Phrase = p.Phrase })
            .ToList();
        return Neighborhood with { Relationships = relationships };
    }
}
