using System.Runtime.CompilerServices;

namespace GraphService.Core.Queries;

/// <summary>
/// Name keys (<see cref="NameKey"/> forms), computed once, that many queries score for "did you mean" and search: each
/// key is kept with its length and <see cref="CharacterCounts"/>, which rule most keys out of reaching
/// <see cref="NameSimilarity.SuggestionThreshold"/> without a visit to their string, and a key they let through skips
/// the edit distance when the lengths alone rule it out. Whatever scores at least the threshold comes out with exactly
/// <see cref="NameSimilarity.Score"/>'s score. <see cref="Traversal.AliasIndex"/> keeps one per key form of the entities'
/// names, <see cref="DocumentNames"/> one of the documents' ids and titles.
/// </summary>
/// <remarks>
/// The scan's methods (here, in <see cref="CharacterCounts.OfQuery"/> and <see cref="NameMatcher"/>, and the loops over
/// the keys) are compiled optimised from their first call (<see cref="MethodImplOptions.AggressiveOptimization"/>): each
/// runs once per key on every unknown name or id, but only unknown names and ids reach them, and tiered compilation
/// promoted them only after its call-counting delay, which a server answering requests keeps putting off. At 200,000
/// documents the first twenty or so unknown document ids after a start took 40–80 ms each instead of 7–12.
/// </remarks>
internal sealed class NameKeyTable
{
    private readonly string[] _keys;
    private readonly int[] _lengths;
    private readonly ulong[] _counts;

    /// <param name="keys">The keys, already normalised; kept, not copied.</param>
    public NameKeyTable(string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
        _lengths = new int[keys.Length];
        _counts = new ulong[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            _lengths[i] = keys[i].Length;
            _counts[i] = CharacterCounts.Of(keys[i]);
        }
    }

    public int Count => _keys.Length;

    /// <summary>
    /// <see cref="NameSimilarity.Score"/>(<paramref name="query"/>'s key, the key at <paramref name="entry"/>) when that is
    /// at least <see cref="NameSimilarity.SuggestionThreshold"/>; otherwise some score under the threshold (0 when a bound
    /// ruled the key out).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
    public double ScoreIfClose(Query query, int entry) =>
        MayReachThreshold(query.Counts, _lengths[entry], _counts[entry]) ? ScoreAboveThreshold(query.Matcher, _keys[entry]) : 0;

    /// <summary>
    /// Whether a candidate key may score at least the threshold against the query, judged by lengths and character counts
    /// alone. A candidate with fewer of some character than the query neither equals, starts with nor contains it, so it
    /// scores 0.75·(1 − d/max) by its edit distance d. An alignment with d edits leaves at least max − d characters
    /// matched, and matched characters are equal, so d ≥ max − (the characters both keys share, counted with repeats);
    /// also d ≥ the difference in length, and d ≥ the number of characters either key has and the other lacks altogether
    /// (one edit each), which is cheaper to count and rules most keys out first. When a bound already keeps the score under
    /// the threshold, the exact score would too: false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
    private static bool MayReachThreshold(CharacterCounts.OfQuery query, int candidateLength, ulong candidateCounts)
    {
        if (query.Length == 0 || candidateLength == 0)
        {
            return true;
        }

        var longest = Math.Max(query.Length, candidateLength);
        var lengths = Math.Abs(query.Length - candidateLength);
        var (missing, extra) = query.Unshared(candidateCounts);
        if (missing > 0 && !Reaches(Math.Max(Math.Max(missing, extra), lengths)))
        {
            return false;
        }

        var (shared, covers) = query.SharedWith(candidateCounts);
        return covers || Reaches(Math.Max(longest - shared, lengths));

        // Whether a key at edit distance atLeast (the least it can be) would still score at least the threshold.
        bool Reaches(int atLeast) => 0.75 * (1.0 - ((double)atLeast / longest)) >= NameSimilarity.SuggestionThreshold;
    }

    /// <summary>
    /// <see cref="NameSimilarity.Score"/>, skipping the edit distance when the lengths alone rule out reaching the
    /// threshold: below a prefix or containment the score is 0.75·(1 − d/max) and d is at least the length difference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
    private static double ScoreAboveThreshold(NameMatcher matcher, string candidate)
    {
        var query = matcher.Query;
        if (query.Length == 0 || candidate.Length == 0)
        {
            return 0;
        }

        if (!candidate.Contains(query, StringComparison.Ordinal))
        {
            var longest = Math.Max(query.Length, candidate.Length);
            if (0.75 * (1.0 - ((double)Math.Abs(query.Length - candidate.Length) / longest)) < NameSimilarity.SuggestionThreshold)
            {
                return 0;
            }
        }

        return matcher.Score(candidate);
    }

    /// <summary>A query key with what scoring it against a table needs, built once per query: its matcher and its character counts.</summary>
    public sealed class Query(string key)
    {
        public NameMatcher Matcher { get; } = new(key);

        public CharacterCounts.OfQuery Counts { get; } = new(key);
    }
}
