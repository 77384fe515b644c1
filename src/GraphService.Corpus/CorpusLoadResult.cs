using GraphService.Core.Domain;

namespace GraphService.Corpus;

/// <summary>
/// The outcome of reading a corpus: the snapshot when the corpus is sound, otherwise every problem found (and no
/// snapshot, so that nothing half-checked can reach a store). <see cref="ProblemCount"/> counts every problem found, also
/// those beyond <see cref="CorpusLimits.MaxProblems"/> that <see cref="Problems"/> only counts in its last line.
/// </summary>
public sealed record CorpusLoadResult(GraphSnapshot? Snapshot, IReadOnlyList<CorpusProblem> Problems, int ProblemCount)
{
    public bool Succeeded => Snapshot is not null && ProblemCount == 0;
}
