using GraphService.Testing;

namespace GraphService.Cli.Tests;

/// <summary>
/// One in-process run of the CLI: its exit code and what it wrote. Relative paths are taken from the repository root, as
/// a reader typing the documented commands would, without touching the process's current directory (tests run in parallel).
/// </summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> ExecuteAsync(string? storeFromEnvironment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GraphCli.RunAsync(args, output, error, RepositoryPaths.Root, storeFromEnvironment, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>A temp store with the sample corpus imported once, shared by the tests of a class.</summary>
public sealed class ImportedSampleStore : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public string StorePath => _dir.File("graph.db");

    public Task<CliRun> RunAsync(params string[] args) => CliRun.ExecuteAsync(null, [.. args, "--store", StorePath]);

    public async Task InitializeAsync()
    {
        var run = await RunAsync("import", RepositoryPaths.SampleCorpus);
        if (run.ExitCode != ExitCodes.Success)
        {
            throw new InvalidOperationException($"the sample corpus did not import: {run.Error}");
        }
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
