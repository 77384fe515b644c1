namespace GraphService.Corpus;

/// <summary>
/// Collects problems for one corpus, writing paths relative to the corpus folder's parent. At most
/// <paramref name="maxProblems"/> are listed (<see cref="CorpusLimits.MaxProblems"/>); the rest are counted, and one
/// final problem on the corpus folder says how many were left out.
/// </summary>
internal sealed class ProblemLog(string corpusLabel, int maxProblems)
{
    private readonly List<CorpusProblem> _listed = [];
    private int _unlisted;

    public IReadOnlyList<CorpusProblem> Problems => _unlisted == 0
        ? _listed
        : [.. _listed, new CorpusProblem(corpusLabel, 0, $"{_unlisted} more problem(s) not listed: only the first {maxProblems} are (limit {nameof(CorpusLimits.MaxProblems)})")];

    /// <summary>Every problem found so far, listed or not.</summary>
    public int Count => _listed.Count + _unlisted;

    private bool IsListing => _listed.Count < maxProblems;

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
            _listed.Add(new CorpusProblem(PathOf(relativePath), line, describe()));
        }
        else
        {
            _unlisted++;
        }
    }
}
