using System.Globalization;
using System.Text;

namespace GraphService.Corpus;

/// <summary>
/// Collects problems for one corpus, writing paths relative to the corpus folder's parent. At most
/// <paramref name="maxProblems"/> are listed (<see cref="CorpusLimits.MaxProblems"/>); the rest are counted, and one
/// final problem on the corpus folder says how many were left out. Each message is kept on one line (control characters
/// and line separators quoted from the corpus are escaped), so that every problem prints as one <c>path:line: message</c> line.
/// </summary>
internal sealed class ProblemLog(string corpusLabel, int maxProblems)
{
    private readonly List<CorpusProblem> _listed = [];
    private int _unlisted;

    /// <summary>The corpus folder's name as problems show it.</summary>
    public string CorpusLabel => corpusLabel;

    public IReadOnlyList<CorpusProblem> Problems => _unlisted == 0
        ? _listed
        : [.. _listed, new CorpusProblem(corpusLabel, 0, $"{_unlisted} more problem(s) not listed: only the first {maxProblems} are (limit {nameof(CorpusLimits.MaxProblems)})")];

    /// <summary>Every problem found so far, listed or not.</summary>
    public int Count => _listed.Count + _unlisted;

    private bool IsListing => _listed.Count < maxProblems;

    /// <summary>Where the log stands now, to go back to with <see cref="RollBack"/>.</summary>
    public (int Listed, int Unlisted) Mark() => (_listed.Count, _unlisted);

    /// <summary>Forgets every problem added since <paramref name="mark"/> (a file about to be read again from its start).</summary>
    public void RollBack((int Listed, int Unlisted) mark)
    {
        _listed.RemoveRange(mark.Listed, _listed.Count - mark.Listed);
        _unlisted = mark.Unlisted;
    }

    /// <summary>
    /// Adds the problems of <paramref name="other"/> (a log of the same corpus, filled on another thread) in its order,
    /// listed or counted exactly as if they had been added here one by one.
    /// </summary>
    public void Append(ProblemLog other)
    {
        foreach (var problem in other._listed)
        {
            if (IsListing)
            {
                _listed.Add(problem);
            }
            else
            {
                _unlisted++;
            }
        }

        _unlisted += other._unlisted;
    }

    /// <summary>The path a problem in <paramref name="relativePath"/> (relative to the corpus folder) is reported under.</summary>
    public string PathOf(string relativePath) =>
        relativePath.Length == 0 ? corpusLabel : $"{corpusLabel}/{relativePath.Replace('\\', '/')}";

    public void Add(string relativePath, int line, string message) => Add(relativePath, line, () => message);

    /// <summary>
    /// Adds a problem that is costly to describe (a nearest passage, a "did you mean"): once
    /// <see cref="CorpusLimits.MaxProblems"/> are listed, it is counted without being described.
    /// </summary>
    public void Add(string relativePath, int line, Func<string> describe)
    {
        if (IsListing)
        {
            _listed.Add(new CorpusProblem(PathOf(relativePath), line, OneLine(describe())));
        }
        else
        {
            _unlisted++;
        }
    }

    private static string OneLine(string message)
    {
        if (!message.Any(MustBeEscaped))
        {
            return message;
        }

        var text = new StringBuilder(message.Length + 16);
        foreach (var c in message)
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when MustBeEscaped(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static bool MustBeEscaped(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
