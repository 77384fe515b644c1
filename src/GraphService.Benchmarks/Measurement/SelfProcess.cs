using System.Diagnostics;
using System.Reflection;

namespace GraphService.Benchmarks.Measurement;

/// <summary>
/// Runs another mode of this benchmark as a child process, sharing the console. Used for imports, so that the process
/// whose memory is measured afterwards never held the imported snapshot.
/// </summary>
internal static class SelfProcess
{
    /// <summary>Runs the child and returns its exit code (it prints its own errors).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // Started as "dotnet GraphService.Benchmarks.dll": the child needs the assembly too.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return child.ExitCode;
    }
}
