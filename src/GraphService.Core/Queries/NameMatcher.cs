using System.Runtime.CompilerServices;

namespace GraphService.Core.Queries;

/// <summary>
/// <see cref="NameSimilarity.Score"/> of one query key against many candidate keys, with the query's tables built once.
/// The edit distance is computed bit-parallel (Myers' algorithm, in Hyyrö's form for the distance between two whole
/// strings): a query of up to 64 characters is one machine word, so a candidate costs a few word operations per
/// character instead of a table of query × candidate cells. "Did you mean" scores every name of the graph against what
/// was typed, so at a million entities this is most of an unknown name's cost. A longer query falls back to
/// <see cref="NameSimilarity.Levenshtein"/>; both give the same distance.
/// </summary>
public sealed class NameMatcher
{
    private const int WordBits = 64;

    // Per character, the positions of the query that hold it, as bits: ASCII in an array, the rest in a dictionary.
    private readonly ulong[] _ascii = new ulong[128];
    private readonly Dictionary<char, ulong> _other = [];

    public NameMatcher(string queryKey)
    {
        ArgumentNullException.ThrowIfNull(queryKey);
        Query = queryKey;
        if (queryKey.Length > WordBits)
        {
            return;
        }

        for (var i = 0; i < queryKey.Length; i++)
        {
            var c = queryKey[i];
            if (c < 128)
            {
                _ascii[c] |= 1UL << i;
            }
            else
            {
                _other[c] = _other.GetValueOrDefault(c) | (1UL << i);
            }
        }
    }

    public string Query { get; }

    /// <summary>Exactly <see cref="NameSimilarity.Score"/>(<see cref="Query"/>, <paramref name="candidateKey"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
    public double Score(string candidateKey)
    {
        ArgumentNullException.ThrowIfNull(candidateKey);
        if (Query.Length == 0 || candidateKey.Length == 0)
        {
            return 0;
        }

        if (Query == candidateKey)
        {
            return 1.0;
        }

        if (candidateKey.StartsWith(Query, StringComparison.Ordinal))
        {
            return 0.9 + (0.05 * Query.Length / candidateKey.Length);
        }

        if (candidateKey.Contains(Query, StringComparison.Ordinal))
        {
            return 0.8 + (0.05 * Query.Length / candidateKey.Length);
        }

        var distance = Distance(candidateKey);
        return Math.Max(0, 1.0 - ((double)distance / Math.Max(Query.Length, candidateKey.Length))) * 0.75;
    }

    /// <summary>The Levenshtein distance between <see cref="Query"/> and <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
    public int Distance(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Query.Length;
        if (m > WordBits)
        {
            return NameSimilarity.Levenshtein(Query, text);
        }

        if (m == 0)
        {
            return text.Length;
        }

        // Column j of the distance table is kept as its vertical differences (+1 in Pv, -1 in Mv, bit i for row i + 1);
        // the score is its last row. Bits above row m carry nothing into the rows below, so they are never cleared.
        var pv = ulong.MaxValue;
        var mv = 0UL;
        var last = 1UL << (m - 1);
        var score = m;
        foreach (var c in text)
        {
            var eq = c < 128 ? _ascii[c] : _other.GetValueOrDefault(c);
            var xv = eq | mv;
            var xh = (((eq & pv) + pv) ^ pv) | eq;
            var ph = mv | ~(xh | pv);
            var mh = pv & xh;
            if ((ph & last) != 0)
            {
                score++;
            }
            else if ((mh & last) != 0)
            {
                score--;
            }

            // Row 0 of each column is one more than the column before's (a text prefix against the empty query), so the
            // horizontal difference entering at bit 0 is +1.
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
        }

        return score;
    }
}
