using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GraphService.Api.Http;
using GraphService.Testing;
using Microsoft.AspNetCore.Http;

namespace GraphService.Api.Tests;

/// <summary>
/// The explorer is served by the app as it is deployed, not only under `dotnet run` in Development (where the static
/// web assets manifest finds the project's wwwroot): the built app run from its bin folder, and the published app, in
/// Production and started from some other folder, both answer / and the explorer's scripts.
/// </summary>
public sealed partial class ExplorerDeploymentTests
{
    private static readonly string ApiProject = Path.Combine(RepositoryPaths.Root, "src", "GraphService.Api");

    /// <summary>The configuration this test was built in (Debug or Release): the API was built in the same one.</summary>
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    [Fact]
    public async Task The_built_app_run_from_its_bin_folder_in_Production_serves_the_explorer()
    {
        var bin = Path.Combine(ApiProject, "bin", Configuration, "net10.0");
        Assert.True(File.Exists(Path.Combine(bin, "wwwroot", "index.html")), $"the build copies the explorer into {bin}/wwwroot");

        await AssertServesExplorerAsync(Path.Combine(bin, "GraphService.Api.dll"));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/lib", true)]
    [InlineData("/lib/", true)]
    [InlineData("/api/paths", false)]
    [InlineData("/API/paths", false)]
    [InlineData("/api", false)]
    [InlineData("/health/live", false)]
    [InlineData("/apis", true)]
    public void The_default_file_is_looked_for_outside_the_api_and_health_paths_only(string path, bool looked)
    {
        Assert.Equal(looked, ExplorerFiles.MayNameAFolder(new DefaultHttpContext { Request = { Path = path } }));
    }

    [Fact]
    public void The_explorer_has_no_folder_named_as_the_paths_its_default_file_is_not_looked_for_in()
    {
        // What sparing /api and /health the look-up rests on: no folder of wwwroot/ answers to those names.
        var wwwroot = Path.Combine(ApiProject, "wwwroot");
        Assert.True(Directory.Exists(wwwroot), wwwroot);
        Assert.DoesNotContain(Directory.GetDirectories(wwwroot), d => Path.GetFileName(d) is var name && (name.Equals("api", StringComparison.OrdinalIgnoreCase) || name.Equals("health", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task The_published_app_in_Production_serves_the_explorer()
    {
        using var publish = new TempDirectory();
        // --no-build: publish what this test run built, without running npm or the compiler again.
        var (code, output) = await RunAsync("dotnet", ["publish", Path.Combine(ApiProject, "GraphService.Api.csproj"), "-c", Configuration, "--no-build", "-o", publish.Path, "-nologo"],
            RepositoryPaths.Root, TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"dotnet publish exited {code}:\n{output}");
        Assert.True(File.Exists(publish.File(Path.Combine("wwwroot", "lib", "cytoscape.min.js"))), "the publish output holds the explorer");

        await AssertServesExplorerAsync(publish.File("GraphService.Api.dll"));
    }

    /// <summary>Starts the app from another folder than its own, in Production, and asks for the explorer.</summary>
    private static async Task AssertServesExplorerAsync(string app)
    {
        using var elsewhere = new TempDirectory();
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = elsewhere.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Port 0, and the address read from the app's own log: a port found free here and handed over could be taken by
        // another test's server before the app binds it.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Graph__StorePath"] = elsewhere.File("graph.db");
        start.Environment["Graph__ImportOnStart"] = string.Empty;
        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var said = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.True(said == listening.Task, $"the app did not say where it listens (exited: {process.HasExited}):\n{log}");
            var address = await listening.Task;
            using var client = new HttpClient { BaseAddress = address };
            await WaitUntilLiveAsync(client, process, log);

            using var page = await client.GetAsync("/");
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET / answered {(int)page.StatusCode}; log:\n{log}");
            Assert.Contains("<title>GraphService explorer</title>", html, StringComparison.Ordinal);
            Assert.True(page.Headers.Contains("Content-Security-Policy"), "the explorer carries its policy");

            foreach (var asset in new[] { "/app.js", "/model.js", "/app.css", "/lib/cytoscape.min.js" })
            {
                using var response = await client.GetAsync(asset);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {asset} answered {(int)response.StatusCode}");
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilLiveAsync(HttpClient client, Process process, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the app exited with {(process.HasExited ? process.ExitCode : 0)}:\n{log}");
            try
            {
                using var live = await client.GetAsync("/health/live");
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the app did not answer /health/live within 60 s:\n{log}");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
