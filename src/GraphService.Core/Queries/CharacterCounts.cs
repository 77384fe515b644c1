using System.Runtime.CompilerServices;

namespace GraphService.Core.Queries;

/// <summary>
/// How many characters of a key fall in each of 32 buckets (a character's value modulo 32), two bits a bucket, 3 meaning
/// three or more. Characters that share a bucket are counted together, and a full bucket may hold more: so what a query
/// and a key are found to share here is never less than what they share.
/// </summary>
internal static class CharacterCounts
{
    private const int Buckets = 32;

    // The low bit of every bucket.
    private const ulong LowBits = 0x5555_5555_5555_5555;

    /// <summary>The low bit of each bucket that holds at least one character.</summary>
    public static ulong Presence(ulong counts) => (counts | (counts >> 1)) & LowBits;

    public static ulong Of(string key)
    {
        var counts = 0UL;
        foreach (var c in key)
        {
            var shift = (c % Buckets) * 2;
            if (((counts >> shift) & 3) != 3)
            {
                counts += 1UL << shift;
            }
        }

        return counts;
    }

    /// <summary>A query key's exact count per bucket, for the buckets it uses.</summary>
    public sealed class OfQuery
    {
        private readonly (int Shift, int Count)[] _buckets;
        private readonly ulong _presence;

        public OfQuery(string key)
        {
            Length = key.Length;
            var counts = new int[Buckets];
            foreach (var c in key)
            {
                counts[c % Buckets]++;
            }

            _buckets = [.. Enumerable.Range(0, Buckets).Where(b => counts[b] > 0).Select(b => (b * 2, counts[b]))];
            _presence = _buckets.Aggregate(0UL, (set, bucket) => set | (1UL << bucket.Shift));
        }

        public int Length { get; }

        /// <summary>How many buckets this query uses that a key with <paramref name="counts"/> leaves empty, and the reverse.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
        public (int Missing, int Extra) Unshared(ulong counts)
        {
            var held = Presence(counts);
            return (System.Numerics.BitOperations.PopCount(_presence & ~held), System.Numerics.BitOperations.PopCount(held & ~_presence));
        }

        /// <summary>
        /// At least as many characters as this query and a key with <paramref name="counts"/> share (with repeats), and
        /// whether the key may hold every character of the query as often (only then can it contain the query).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
        public (int Shared, bool Covers) SharedWith(ulong counts)
        {
            var (shared, covers) = (0, true);
            foreach (var (shift, wanted) in _buckets)
            {
                var held = (int)((counts >> shift) & 3);
                if (held == 3)
                {
                    shared += wanted;
                }
                else
                {
                    shared += Math.Min(wanted, held);
                    covers &= held >= wanted;
                }
            }

            return (shared, covers);
        }
    }
}
