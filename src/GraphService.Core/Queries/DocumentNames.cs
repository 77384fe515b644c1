using System.Runtime.CompilerServices;

namespace GraphService.Core.Queries;

/// <summary>
/// The documents of one graph as "did you mean" compares them with an unknown document id: the <see cref="NameKey"/> of
/// every id and title, computed once (a store builds this on the first unknown id and keeps it with that graph), in a
/// <see cref="NameKeyTable"/> that rules most keys out without a visit to their string. <see cref="Closest"/> is exactly
/// <c>NameSimilarity.Closest(asked, documents, d =&gt; [d.Id, d.Title], d =&gt; d.Id, count)</c>: the same scores, the
/// same threshold, the same order (score, then id); it only skips the work the threshold makes pointless. Scoring every
/// title and id from scratch on each request cost 0.15–0.69 s at 200,000 documents.
/// </summary>
public sealed class DocumentNames
{
    private readonly string[] _ids;

    // Entry 2d is document d's id, 2d + 1 its title.
    private readonly NameKeyTable _keys;

    private DocumentNames(string[] ids, string[] keys) => (_ids, _keys) = (ids, new NameKeyTable(keys));

    /// <summary>How many documents it holds.</summary>
    public int Count => _ids.Length;

    /// <summary>Over the documents of one graph (ids unique), in any order.</summary>
    public static DocumentNames Build(IEnumerable<(string Id, string Title)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var all = documents as IReadOnlyCollection<(string Id, string Title)> ?? [.. documents];
        var ids = new string[all.Count];
        var keys = new string[2 * all.Count];
        var d = 0;
        foreach (var (id, title) in all)
        {
            ids[d] = id;
            keys[2 * d] = NameKey.Normalize(id);
            keys[(2 * d) + 1] = NameKey.Normalize(title);
            d++;
        }

        return new DocumentNames(ids, keys);
    }

    /// <summary>
    /// The ids of at most <paramref name="count"/> documents whose id or title is closest to <paramref name="asked"/>, best
    /// first: a document scores as the better of its two names, those under <see cref="NameSimilarity.SuggestionThreshold"/>
    /// are left out, and equal scores go by id (ordinal).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimised from the first call: see NameKeyTable
    public IReadOnlyList<string> Closest(string asked, int count)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        // The best so far, best first: few are kept, and most documents never get past the threshold, so a sorted insert
        // into a short list beats collecting every candidate and sorting them.
        var best = new List<(double Score, string Id)>(count + 1);
        var query = new NameKeyTable.Query(NameKey.Normalize(asked));
        for (var d = 0; d < _ids.Length; d++)
        {
            var score = Math.Max(_keys.ScoreIfClose(query, 2 * d), _keys.ScoreIfClose(query, (2 * d) + 1));
            if (score < NameSimilarity.SuggestionThreshold
                || (best.Count == count && !Before(score, _ids[d], best[^1])))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Before(score, _ids[d], best[at - 1]))
            {
                at--;
            }

            best.Insert(at, (score, _ids[d]));
            if (best.Count > count)
            {
                best.RemoveAt(count);
            }
        }

        return [.. best.Select(b => b.Id)];

        static bool Before(double score, string id, (double Score, string Id) other) =>
            score > other.Score || (score == other.Score && string.CompareOrdinal(id, other.Id) < 0);
    }
}
