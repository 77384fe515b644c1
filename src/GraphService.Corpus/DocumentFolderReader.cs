namespace GraphService.Corpus;

/// <summary>Reads documents/: every <c>&lt;id&gt;.md</c> file through <see cref="DocumentReader"/>, in file-name order.</summary>
internal static class DocumentFolderReader
{
    // Files read in parallel between two merges: enough that waiting for the last of a batch costs little, few enough
    // for progress to move (and for the texts of a batch's problems to stay small).
    private const int Batch = 4096;

    /// <summary>Documents by id; null when the documents folder is missing or cannot be listed.</summary>
    public static Dictionary<string, LoadedDocument>? Read(CorpusInput input, CancellationToken ct)
    {
        if (ListEntries(input) is not { } entries)
        {
            return null;
        }

        // Files are read and parsed on every core, a batch at a time; each file's problems go to a log of its own, and
        // the batch is merged in file-name order, so problems, their order and the documents are those of one thread.
        var documents = new Dictionary<string, LoadedDocument>(StringComparer.Ordinal);
        var loaded = new (LoadedDocument? Document, bool Read, ProblemLog Log)[Math.Min(Batch, entries.Count)];
        for (var from = 0; from < entries.Count; from += Batch)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(Batch, entries.Count - from);
            var first = from;
            OrderedParallel.For(count, i => loaded[i] = ReadOne(input, entries[first + i]), ct);
            for (var i = 0; i < count; i++)
            {
                var (document, read, log) = loaded[i];
                input.Log.Append(log);
                if (read)
                {
                    input.FilesRead.Add();
                }

                if (document is not null)
                {
                    documents[document.Id] = document;
                }

                loaded[i] = default;
            }
        }

        return documents;
    }

    /// <summary>One entry of documents/: the document (null when the entry is not an <c>&lt;id&gt;.md</c> file), whether
    /// the file was read, and its problems.</summary>
    private static (LoadedDocument? Document, bool Read, ProblemLog Log) ReadOne(CorpusInput input, string name)
    {
        const string folderName = CorpusLayout.DocumentsFolder;
        var log = input.NewPartLog();
        var relative = $"{folderName}/{name}";
        FileProbe probe;
        if (!name.EndsWith(CorpusLayout.DocumentExtension, StringComparison.Ordinal) || (probe = input.Probe(relative)).Kind == FileKind.Directory)
        {
            log.Add(relative, 0, "documents/ may hold only <id>.md files");
            return (null, false, log);
        }

        var id = name[..^CorpusLayout.DocumentExtension.Length];
        if (!CorpusLayout.IsSlug(id))
        {
            log.Add(relative, 0, $"document id '{id}' (the file name without .md) is not a kebab-case slug: use lowercase letters and digits joined by single hyphens");
        }

        // Any other kind of entry (a FIFO, a device, a dangling link) is reported by ReadText, without being opened.
        var text = input.ReadText(relative, log, probe);
        var document = text is null
            ? new LoadedDocument(id, relative, null, null, 0)
            : DocumentReader.Read(id, text, input.Yaml(relative, log, lineOffset: 1));
        return (document, true, log);
    }

    /// <summary>The names in documents/ (without those starting with a dot), in ordinal order; null, with the problem
    /// reported, when documents/ is missing, is not a folder or cannot be listed.</summary>
    private static List<string>? ListEntries(CorpusInput input)
    {
        const string folderName = CorpusLayout.DocumentsFolder;
        var probe = input.Probe(folderName);
        if (probe.Kind == FileKind.Missing)
        {
            input.Log.Add(folderName, 0, "documents folder not found: put each source document in documents/<id>.md");
            return null;
        }

        if (probe.Kind != FileKind.Directory)
        {
            var problem = probe.Kind is FileKind.DanglingLink or FileKind.UnfollowableLink or FileKind.Unreadable
                ? probe.ProblemAsFile()
                : $"is {probe.Phrase}, not a folder";
            input.Log.Add(folderName, 0, $"{folderName} {problem}: put each source document in documents/<id>.md");
            return null;
        }

        try
        {
            return [.. Directory.EnumerateFileSystemEntries(input.FullPath(folderName))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => !name.StartsWith('.'))
                .Order(StringComparer.Ordinal)];
        }
        catch (UnauthorizedAccessException)
        {
            input.Log.Add(folderName, 0, "documents folder cannot be read: permission denied");
            return null;
        }
        catch (IOException e)
        {
            input.Log.Add(folderName, 0, $"documents folder cannot be read: {e.Message.Replace(input.FullPath(folderName), folderName, StringComparison.Ordinal)}");
            return null;
        }
    }
}
