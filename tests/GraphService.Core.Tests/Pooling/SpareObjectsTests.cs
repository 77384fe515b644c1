using GraphService.Core.Pooling;
using Xunit;

namespace GraphService.Core.Tests.Pooling;

public sealed class SpareObjectsTests
{
    private sealed class Item;

    [Fact]
    public void An_empty_set_gives_nothing()
    {
        var spares = new SpareObjects<Item>(2);

        Assert.False(spares.TryTake(out var item));
        Assert.Null(item);
    }

    [Fact]
    public void A_kept_object_is_given_back_once()
    {
        var spares = new SpareObjects<Item>(2);
        var kept = new Item();

        Assert.True(spares.TryKeep(kept));

        Assert.True(spares.TryTake(out var taken));
        Assert.Same(kept, taken);
        Assert.False(spares.TryTake(out _));
    }

    [Fact]
    public void Objects_beyond_the_capacity_are_refused_and_the_kept_ones_stay()
    {
        var spares = new SpareObjects<Item>(2);
        Item[] items = [new(), new(), new()];

        Assert.True(spares.TryKeep(items[0]));
        Assert.True(spares.TryKeep(items[1]));
        Assert.False(spares.TryKeep(items[2]));

        var taken = new List<Item>();
        while (spares.TryTake(out var item))
        {
            taken.Add(item);
        }

        Assert.Equal(2, taken.Count);
        Assert.Contains(items[0], taken);
        Assert.Contains(items[1], taken);
    }

    [Fact]
    public void Capacity_must_be_at_least_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpareObjects<Item>(0));
    }

    [Fact]
    public async Task Under_concurrent_use_no_object_is_held_by_two_takers_and_none_is_lost()
    {
        // Each worker repeatedly rents an object (a kept one or a new one), checks nobody else holds it, and returns it.
        const int Workers = 8;
        const int Rounds = 20_000;
        var spares = new SpareObjects<Item>(4);
        var holders = new System.Collections.Concurrent.ConcurrentDictionary<Item, int>(ReferenceEqualityComparer.Instance);
        var created = 0;
        var refused = 0;
        var doubleHeld = 0;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                if (!spares.TryTake(out var item))
                {
                    item = new Item();
                    Interlocked.Increment(ref created);
                }

                if (!holders.TryAdd(item, w))
                {
                    Interlocked.Increment(ref doubleHeld);
                }

                holders.TryRemove(item, out _);
                if (!spares.TryKeep(item))
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));

        Assert.Equal(0, doubleHeld);
        var left = 0;
        while (spares.TryTake(out _))
        {
            left++;
        }

        // Every object ever made is either still kept or was refused on return: none vanished.
        Assert.Equal(created, left + refused);
        Assert.InRange(left, 1, 4);
    }
}
