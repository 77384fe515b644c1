namespace GraphService.Core.Progress;

/// <summary>
/// How far one step of a long operation (an import, a validation, an export) has got: <see cref="Done"/> of
/// <see cref="Total"/> items, the total null when it is not known in advance. Reported through
/// <see cref="IProgress{T}"/>; hosts decide whether and how to show it (the CLI draws it on a terminal), so nothing
/// here knows about consoles.
/// </summary>
/// <param name="Step">What is being counted, in the words shown to the user ("files read", "quotes verified", "rows written").</param>
/// <param name="Done">The items done so far.</param>
/// <param name="Total">All the items of the step; null while unknown.</param>
public readonly record struct WorkProgress(string Step, long Done, long? Total);

/// <summary>
/// Counts the items of one step and reports the count to an optional sink every <c>every</c> items and when the
/// step completes, so that a loop can count each item without paying for a report each time.
/// </summary>
public sealed class ProgressCounter(IProgress<WorkProgress>? sink, string step, long? total = null, int every = 1024)
{
    private long _done;

    /// <summary>The items counted so far.</summary>
    public long Done => _done;

    /// <summary>Counts <paramref name="items"/> more, reporting when a multiple of <c>every</c> is crossed.</summary>
    public void Add(long items = 1)
    {
        var before = _done;
        _done += items;
        if (sink is not null && before / every != _done / every)
        {
            sink.Report(new WorkProgress(step, _done, total));
        }
    }

    /// <summary>Reports the final count (also when it is zero, so that a step with nothing to do shows as done).</summary>
    public void Complete() => sink?.Report(new WorkProgress(step, _done, total ?? _done));
}
