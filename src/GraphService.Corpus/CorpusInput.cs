using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// The corpus folder being read. Every file is read through here, so that every stage reports into the one problem
/// log with paths relative to the corpus folder.
/// </summary>
internal sealed class CorpusInput(string root, ProblemLog log, CorpusLimits limits)
{
    public ProblemLog Log { get; } = log;

    public string FullPath(string relativePath) => Path.Combine(root, relativePath);

    /// <summary>What the path is (a file, a folder, a FIFO, a dangling link, ...), told without opening it.</summary>
    public FileProbe Probe(string relativePath) => FileProbe.Of(FullPath(relativePath));

    /// <summary>The file's text; null, with the problem reported, when it is not a readable regular file of valid UTF-8
    /// within <see cref="CorpusLimits.MaxFileBytes"/>.</summary>
    public string? ReadText(string relativePath) => CorpusText.Read(FullPath(relativePath), relativePath, Log, limits.MaxFileBytes);

    public YamlSource Yaml(string relativePath, int lineOffset = 0) => new(relativePath, Log, limits.MaxYamlDepth, lineOffset);

    /// <summary>
    /// The items of a YAML file that must be a list (<paramref name="file"/> holds <paramref name="what"/>, each item
    /// starting with <paramref name="firstKey"/>); null, with the problem reported, when the file is missing, unreadable,
    /// malformed, empty or not a list.
    /// </summary>
    public (YamlSource Source, YamlSequenceNode Items)? LoadList(string file, string what, string firstKey)
    {
        if (Probe(file).Kind == FileKind.Missing)
        {
            Log.Add(file, 0, $"{file} not found: the corpus must declare its {what}");
            return null;
        }

        var text = ReadText(file);
        var source = Yaml(file);
        var before = Log.Count;
        var node = text is null ? null : source.LoadRoot(text, out _);
        if (node is null)
        {
            if (text is not null && Log.Count == before)
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

        return (source, items);
    }
}
