using GraphService.Core.Progress;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// The corpus folder being read. Every file is read through here, so that every stage reports into the one problem
/// log with paths relative to the corpus folder.
/// </summary>
internal sealed class CorpusInput(string root, ProblemLog log, CorpusLimits limits, IProgress<WorkProgress>? progress = null)
{
    public ProblemLog Log { get; } = log;

    /// <summary>Counts every file read (for progress; reported every 256).</summary>
    public ProgressCounter FilesRead { get; } = new(progress, "files read", every: 256);

    /// <summary>Counts every quote found in its document (for progress).</summary>
    public ProgressCounter QuotesVerified { get; } = new(progress, "quotes verified", every: 4096);

    public string FullPath(string relativePath) => Path.Combine(root, relativePath);

    /// <summary>What the path is (a file, a folder, a FIFO, a dangling link, ...), told without opening it.</summary>
    public FileProbe Probe(string relativePath) => FileProbe.Of(FullPath(relativePath));

    /// <summary>The file's text; null, with the problem reported, when it is not a readable regular file of valid UTF-8
    /// within <see cref="CorpusLimits.MaxFileBytes"/>.</summary>
    public string? ReadText(string relativePath)
    {
        var text = CorpusText.Read(FullPath(relativePath), relativePath, Log, limits.MaxFileBytes);
        FilesRead.Add();
        return text;
    }

    public YamlSource Yaml(string relativePath, int lineOffset = 0) => new(relativePath, Log, limits.MaxYamlDepth, lineOffset);

    /// <summary>A log of this corpus for one piece of work done on another thread, to be appended to <see cref="Log"/> in order.</summary>
    public ProblemLog NewPartLog() => new(Log.CorpusLabel, limits.MaxProblems);

    /// <summary><see cref="ReadText(string)"/> reporting into <paramref name="log"/>, without counting the file (the caller counts
    /// it on the thread that owns <see cref="FilesRead"/>); safe to call from any thread.</summary>
    public string? ReadText(string relativePath, ProblemLog log, FileProbe? probed = null) =>
        CorpusText.Read(FullPath(relativePath), relativePath, log, limits.MaxFileBytes, probed);

    /// <summary><see cref="Yaml(string, int)"/> reporting into <paramref name="log"/>.</summary>
    public YamlSource Yaml(string relativePath, ProblemLog log, int lineOffset) => new(relativePath, log, limits.MaxYamlDepth, lineOffset);

    /// <summary>
    /// Reads a YAML file that must be a list (<paramref name="file"/> holds <paramref name="what"/>, each item starting
    /// with <paramref name="firstKey"/>) by handing its items to <paramref name="read"/>; null, with the problem reported,
    /// when the file is missing, unreadable, malformed, empty or not a list.
    /// </summary>
    /// <remarks>
    /// The items are read one at a time by <see cref="PlainBlockYaml"/>, so that no tree of the whole file is held. Should
    /// the file leave that parser's subset part-way, <paramref name="read"/> has seen only the items before, and it is run
    /// again from the start on YamlDotNet's tree of the whole file, with the problems it reported the first time forgotten:
    /// so <paramref name="read"/> must start afresh each time and change nothing but the problem log and its own result.
    /// </remarks>
    public T? ReadList<T>(string file, string what, string firstKey, Func<YamlSource, IEnumerable<YamlNode>, T> read)
        where T : class
    {
        if (Probe(file).Kind == FileKind.Missing)
        {
            Log.Add(file, 0, $"{file} not found: the corpus must declare its {what}");
            return null;
        }

        var text = ReadText(file);
        if (text is null)
        {
            return null;
        }

        var plain = Yaml(file);
        if (plain.PlainListItems(text) is { } plainItems)
        {
            var mark = Log.Mark();
            try
            {
                return read(plain, plainItems);
            }
            catch (PlainBlockYaml.Exceeded)
            {
                Log.RollBack(mark);
            }
        }

        var source = Yaml(file);
        var before = Log.Count;
        var node = source.LoadRoot(text, out _);
        if (node is null)
        {
            if (Log.Count == before)
            {
                source.ReportAtLine(1, $"{file} is empty: it must be a list of {what}");
            }

            return null;
        }

        if (node is not YamlSequenceNode items)
        {
            source.Report(node, $"{file} must be a list of {what} (each item starting with '- {firstKey}:')");
            return null;
        }

        return read(source, items.Children);
    }
}
