using System.Runtime.ExceptionServices;

namespace GraphService.Corpus;

/// <summary>
/// Runs independent pieces of work on every core, each writing only its own result slot, so that the caller can merge
/// the results in their order and the outcome is the same as one thread's. An exception is rethrown as itself (the
/// first piece's, in index order), not wrapped, as the one-thread loop would have thrown it.
/// </summary>
internal static class OrderedParallel
{
    public static void For(int count, Action<int> body, CancellationToken ct)
    {
        if (count <= 1 || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++)
            {
                ct.ThrowIfCancellationRequested();
                body(i);
            }

            return;
        }

        var failures = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = ct }, (i, loop) =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                failures[i] = e;
                loop.Break();
            }
        });

        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }
}
