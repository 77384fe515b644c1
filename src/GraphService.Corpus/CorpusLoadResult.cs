using GraphService.Core.Domain;

namespace GraphService.Corpus;

/// <summary>
/// The outcome of reading a corpus: the snapshot when the corpus is sound, otherwise every problem found (and no
/// snapshot, so that nothing half-checked can reach a store).
/// </summary>
public sealed record CorpusLoadResult(GraphSnapshot? Snapshot, IReadOnlyList<CorpusProblem> Problems)
{
    public bool Succeeded => Snapshot is not null && Problems.Count == 0;
}
