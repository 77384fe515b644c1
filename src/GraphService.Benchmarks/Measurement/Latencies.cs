using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace GraphService.Benchmarks.Measurement;

/// <summary>
/// Per-query wall times of one measured run, and the CPU time the querying thread spent on each (robust to other work on
/// a shared machine, where wall time also counts waiting for a core). Percentiles use the nearest-rank rule (p99 of
/// 200 values is the 198th smallest), so every figure printed is one that was actually measured.
/// </summary>
internal sealed partial class Latencies
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];
    private double[]? _sortedWall;
    private double[]? _sortedCpu;

    public int Count => _wall.Count;

    /// <summary>Queries whose continuation ran on another thread, so that their CPU time was not measurable.</summary>
    public int CpuUnmeasured { get; private set; }

    /// <summary>The start of a query. The wall clock is read last here and first in <see cref="Add"/>, so that the CPU clock's system calls stay outside the wall time.</summary>
    public static Mark Now()
    {
        var thread = Environment.CurrentManagedThreadId;
        var cpu = ThreadCpuNanoseconds();
        return new Mark(Stopwatch.GetTimestamp(), cpu, thread);
    }

    public void Add(Mark start)
    {
        var wall = Stopwatch.GetTimestamp();
        var end = new Mark(wall, ThreadCpuNanoseconds(), Environment.CurrentManagedThreadId);
        _wall.Add((end.Wall - start.Wall) * 1000.0 / Stopwatch.Frequency);
        if (end.Thread == start.Thread)
        {
            _cpu.Add((end.CpuNanoseconds - start.CpuNanoseconds) / 1e6);
        }
        else
        {
            CpuUnmeasured++;
        }

        _sortedWall = null;
        _sortedCpu = null;
    }

    /// <summary>The wall time of the <paramref name="i"/>-th query, in the order they were added.</summary>
    public double WallAt(int i) => _wall[i];

    public double Percentile(double q) => Rank(_sortedWall ??= [.. _wall.Order()], q);

    public double CpuPercentile(double q) => Rank(_sortedCpu ??= [.. _cpu.Order()], q);

    public double Max => Percentile(1.0);

    public double Mean => _wall.Average();

    public double CpuMean => _cpu.Count > 0 ? _cpu.Average() : double.NaN;

    public static string Ms(double milliseconds) => milliseconds switch
    {
        double.NaN => "n/a",
        < 1 => milliseconds.ToString("F3", CultureInfo.InvariantCulture),
        < 100 => milliseconds.ToString("F2", CultureInfo.InvariantCulture),
        _ => milliseconds.ToString("F0", CultureInfo.InvariantCulture),
    };

    public static string Ratio(double service, double reference) =>
        reference > 0 ? (service / reference).ToString(service / reference >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture) + "x" : "n/a";

    /// <summary>The nearest-rank percentile <paramref name="q"/> of ascending <paramref name="sorted"/> values (NaN when there are none).</summary>
    public static double Rank(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static long ThreadCpuNanoseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>A point in time: wall clock, the current thread's CPU clock, and which thread that was.</summary>
    public readonly record struct Mark(long Wall, long CpuNanoseconds, int Thread);
}
