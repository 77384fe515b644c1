namespace GraphService.Core.Queries;

/// <summary>
/// Scores how close a typed name is to a known one, on <see cref="NameKey"/> forms: 1 for equal, high for a prefix or
/// a contained word, otherwise one minus the normalised edit distance. Used for search ranking and for "did you mean".
/// </summary>
public static class NameSimilarity
{
    /// <summary>
    /// The one threshold for "close enough": scores below it are neither search hits nor "did you mean" suggestions,
    /// whatever is being named (an entity, a document, a corpus key).
    /// </summary>
    public const double SuggestionThreshold = 0.5;

    /// <summary>
    /// The items closest to <paramref name="wanted"/>, best first, for "did you mean": each item scores as its best
    /// name, items under <see cref="SuggestionThreshold"/> are dropped, and ties go by <paramref name="key"/> (ordinal).
    /// </summary>
    /// <param name="wanted">What was asked for.</param>
    /// <param name="items">What exists.</param>
    /// <param name="names">The names an item can be asked for by (an id, a title, aliases).</param>
    /// <param name="key">A unique key of an item, for a stable order among equal scores.</param>
    /// <param name="count">How many to return at most.</param>
    public static IReadOnlyList<T> Closest<T>(string wanted, IEnumerable<T> items, Func<T, IEnumerable<string>> names, Func<T, string> key, int count)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(key);
        var matcher = new NameMatcher(NameKey.Normalize(wanted));
        return [.. items
            .Select(item => (Item: item, Score: names(item).Select(n => matcher.Score(NameKey.Normalize(n))).DefaultIfEmpty(0).Max()))
            .Where(x => x.Score >= SuggestionThreshold)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => key(x.Item), StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Item)];
    }

    /// <summary>
    /// 1 for equal keys; 0.9 and up when the candidate starts with the query, 0.8 and up when it contains it (more the
    /// more of the candidate the query covers); otherwise 0.75 × (1 − edit distance / the longer length), at least 0.
    /// The rules live in <see cref="NameMatcher.Score"/>, which scores many candidates against one query.
    /// </summary>
    public static double Score(string queryKey, string candidateKey) => new NameMatcher(queryKey).Score(candidateKey);

    /// <summary>The edit distance (insertions, deletions, substitutions) by the full table: the reference <see cref="NameMatcher"/> agrees with.</summary>
    public static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var curr = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            curr[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                curr[j] = Math.Min(Math.Min(curr[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, curr) = (curr, prev);
        }

        return prev[b.Length];
    }
}
