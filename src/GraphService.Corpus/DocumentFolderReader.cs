namespace GraphService.Corpus;

/// <summary>Reads documents/: every <c>&lt;id&gt;.md</c> file through <see cref="DocumentReader"/>, in file-name order.</summary>
internal static class DocumentFolderReader
{
    /// <summary>Documents by id; null when the documents folder is missing or cannot be listed.</summary>
    public static Dictionary<string, LoadedDocument>? Read(CorpusInput input, CancellationToken ct)
    {
        const string folderName = CorpusLayout.DocumentsFolder;
        if (ListEntries(input) is not { } entries)
        {
            return null;
        }

        var documents = new Dictionary<string, LoadedDocument>(StringComparer.Ordinal);
        foreach (var name in entries)
        {
            ct.ThrowIfCancellationRequested();
            var relative = $"{folderName}/{name}";
            if (!name.EndsWith(CorpusLayout.DocumentExtension, StringComparison.Ordinal) || input.Probe(relative).Kind == FileKind.Directory)
            {
                input.Log.Add(relative, 0, "documents/ may hold only <id>.md files");
                continue;
            }

            var id = name[..^CorpusLayout.DocumentExtension.Length];
            if (!CorpusLayout.IsSlug(id))
            {
                input.Log.Add(relative, 0, $"document id '{id}' (the file name without .md) is not a kebab-case slug: use lowercase letters and digits joined by single hyphens");
            }

            // Any other kind of entry (a FIFO, a device, a dangling link) is reported by ReadText, without being opened.
            var text = input.ReadText(relative);
            documents[id] = text is null
                ? new LoadedDocument(id, relative, null, null, 0)
                : DocumentReader.Read(id, text, input.Yaml(relative, lineOffset: 1));
        }

        return documents;
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
