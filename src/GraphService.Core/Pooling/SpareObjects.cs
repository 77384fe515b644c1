using System.Diagnostics.CodeAnalysis;

namespace GraphService.Core.Pooling;

/// <summary>
/// A few idle objects kept for reuse (read sessions, search scratch arrays), shared by concurrent requests without a lock:
/// a fixed row of slots, each taken and filled with one compare-and-swap. <see cref="System.Collections.Concurrent.ConcurrentBag{T}"/>
/// was used before; under concurrent requests its per-thread lists took locks on most adds and takes (the request's
/// thread changes between the take and the return) and its Count took every list's lock.
/// </summary>
/// <typeparam name="T">The kept objects' type.</typeparam>
public sealed class SpareObjects<T>
    where T : class
{
    private readonly T?[] _slots;

    /// <param name="capacity">How many idle objects are kept at most; one more returned is refused.</param>
    public SpareObjects(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slots = new T?[capacity];
    }

    /// <summary>Takes a kept object; false when none is kept.</summary>
    public bool TryTake([NotNullWhen(true)] out T? item)
    {
        var slots = _slots;
        for (var i = 0; i < slots.Length; i++)
        {
            var candidate = Volatile.Read(ref slots[i]);
            if (candidate is not null && ReferenceEquals(Interlocked.CompareExchange(ref slots[i], null, candidate), candidate))
            {
                item = candidate;
                return true;
            }
        }

        item = null;
        return false;
    }

    /// <summary>Keeps <paramref name="item"/> for a later <see cref="TryTake"/>; false when every slot is full (the caller disposes of it).</summary>
    public bool TryKeep(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var slots = _slots;
        for (var i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is null && Interlocked.CompareExchange(ref slots[i], item, null) is null)
            {
                return true;
            }
        }

        return false;
    }
}
