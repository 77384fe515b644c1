namespace GraphService.Corpus;

/// <summary>
/// One thing wrong with a corpus, located in a file: <see cref="Path"/> is relative to the corpus folder's parent
/// (for example <c>corpus/claims.yaml</c>), <see cref="Line"/> is 1-based, or 0 when the problem concerns a whole file
/// or folder (for example one that is missing).
/// </summary>
public sealed record CorpusProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
