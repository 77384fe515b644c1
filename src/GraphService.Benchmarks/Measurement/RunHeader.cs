using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace GraphService.Benchmarks.Measurement;

/// <summary>
/// What a figure depends on besides the code: the machine, how busy it was (the load average, since these runs share a
/// 2-core machine with other work), the commit, the runtime and its GC mode, and whether this is a Release build.
/// </summary>
internal static class RunHeader
{
    public static void Print(string title)
    {
        Console.WriteLine($"== {title}");
        Console.WriteLine($"   {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Commit()}, .NET {RuntimeInformation.FrameworkDescription.Replace(".NET ", "", StringComparison.Ordinal)}, {Configuration()} build, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        Console.WriteLine($"   machine: {Environment.ProcessorCount} cores, {ProcessMemory.Mib(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} MiB memory, {LoadAverage()}");
        if (Configuration() != "Release")
        {
            Console.WriteLine("   WARNING: not a Release build; run with -c Release for figures worth comparing");
        }
    }

    /// <summary>"load average 1.02 0.97 0.80 (1, 5, 15 min)": how much else the machine was running.</summary>
    public static string LoadAverage()
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return $"load average {fields[0]} {fields[1]} {fields[2]} (1, 5, 15 min)";
    }

    private static string Configuration()
    {
#if DEBUG
        return "Debug";
#else
        return "Release";
#endif
    }

    /// <summary>
    /// The commit this binary was built from (the SDK writes it into the informational version), and the working tree's
    /// own when it differs: a binary run from another checkout, as in an A/B run, must not take that checkout's commit.
    /// </summary>
    private static string Commit()
    {
        var version = typeof(RunHeader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var plus = version?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        var built = plus < 0 ? null : version![(plus + 1)..];
        var tree = WorkingTree();
        if (built is null)
        {
            return tree;
        }

        built = built[..Math.Min(10, built.Length)];
        return tree.StartsWith(built, StringComparison.Ordinal) ? tree : $"{built} (built from; the working tree here is at {tree})";
    }

    private static string WorkingTree()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "describe --always --dirty --abbrev=10")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "unknown (not run inside a git checkout)";
        }
        catch (Win32Exception e)
        {
            return $"unknown (git: {e.Message})";
        }
    }
}
