using System.Globalization;

namespace GraphService.Benchmarks.Measurement;

/// <summary>
/// The resident memory of this process as the kernel counts it (/proc/self/status): VmRSS now and VmHWM, the peak
/// since the process started. These are the figures the memory targets are stated in, not the managed heap's.
/// </summary>
internal readonly record struct ProcessMemory(long ResidentBytes, long PeakResidentBytes, long ManagedHeapBytes)
{
    public static ProcessMemory Read()
    {
        long rss = -1, hwm = -1;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
        }

        if (rss < 0 || hwm < 0)
        {
            throw new InvalidOperationException("/proc/self/status has no VmRSS or VmHWM line; this benchmark reads memory the Linux way");
        }

        return new ProcessMemory(rss * 1024, hwm * 1024, GC.GetTotalMemory(forceFullCollection: false));
    }

    public override string ToString() =>
        $"RSS {Mib(ResidentBytes)} MiB, peak RSS (VmHWM) {Mib(PeakResidentBytes)} MiB, managed heap {Mib(ManagedHeapBytes)} MiB";

    public static string Mib(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture);

    // "VmRSS:	  123456 kB"
    private static long Kilobytes(string line)
    {
        var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
    }
}
