namespace GraphService.Benchmarks.Measurement;

/// <summary>
/// The garbage collector's and the kernel's memory work over a span of the run: collections by generation, bytes
/// allocated, time paused, and the process's minor page faults (a page touched for the first time, or again after it was
/// given back). The store's times move between processes by more than the code explains; these counts say whether the
/// memory work moved too.
/// </summary>
internal readonly record struct CollectorActivity(int Gen0, int Gen1, int Gen2, long AllocatedBytes, TimeSpan Paused, long MinorFaults)
{
    public static Started Start() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration(), MinorFaultsSoFar());

    public override string ToString() =>
        $"collections gen0/gen1/gen2 {Gen0}/{Gen1}/{Gen2}, {AllocatedBytes / (1024.0 * 1024.0):N1} MiB allocated, paused {Paused.TotalMilliseconds:N1} ms, {MinorFaults:N0} minor page faults";

    /// <summary>The process's minor faults so far: the tenth field of /proc/self/stat, counted after the command name's closing parenthesis.</summary>
    private static long MinorFaultsSoFar()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // fields[0] is the state (field 3 of the file); minflt is field 10.
        return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The counters when the span began.</summary>
    internal readonly record struct Started(int Gen0, int Gen1, int Gen2, long AllocatedBytes, TimeSpan Paused, long MinorFaults)
    {
        public CollectorActivity Stop() => new(
            GC.CollectionCount(0) - Gen0,
            GC.CollectionCount(1) - Gen1,
            GC.CollectionCount(2) - Gen2,
            GC.GetTotalAllocatedBytes(precise: true) - AllocatedBytes,
            GC.GetTotalPauseDuration() - Paused,
            MinorFaultsSoFar() - MinorFaults);
    }
}
