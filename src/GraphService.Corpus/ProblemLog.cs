namespace GraphService.Corpus;

/// <summary>Collects problems for one corpus, writing paths relative to the corpus folder's parent.</summary>
internal sealed class ProblemLog(string corpusLabel)
{
    private readonly List<CorpusProblem> _problems = [];

    public IReadOnlyList<CorpusProblem> Problems => _problems;

    public int Count => _problems.Count;

    /// <summary>The path a problem in <paramref name="relativePath"/> (relative to the corpus folder) is reported under.</summary>
    public string PathOf(string relativePath) =>
        relativePath.Length == 0 ? corpusLabel : $"{corpusLabel}/{relativePath.Replace('\\', '/')}";

    public void Add(string relativePath, int line, string message) => _problems.Add(new CorpusProblem(PathOf(relativePath), line, message));
}
