namespace GraphService.Corpus;

/// <summary>Reads documents/: every <c>&lt;id&gt;.md</c> file through <see cref="DocumentReader"/>, in file-name order.</summary>
internal static class DocumentFolderReader
{
    /// <summary>Documents by id; null when the documents folder is missing.</summary>
    public static Dictionary<string, LoadedDocument>? Read(CorpusInput input, CancellationToken ct)
    {
        const string folderName = CorpusLayout.DocumentsFolder;
        var folder = input.FullPath(folderName);
        if (!Directory.Exists(folder))
        {
            input.Log.Add(folderName, 0, "documents folder not found: put each source document in documents/<id>.md");
            return null;
        }

        var documents = new Dictionary<string, LoadedDocument>(StringComparer.Ordinal);
        var entries = Directory.EnumerateFileSystemEntries(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal);
        foreach (var name in entries)
        {
            ct.ThrowIfCancellationRequested();
            var relative = $"{folderName}/{name}";
            if (Directory.Exists(input.FullPath(relative)) || !name.EndsWith(CorpusLayout.DocumentExtension, StringComparison.Ordinal))
            {
                input.Log.Add(relative, 0, "documents/ may hold only <id>.md files");
                continue;
            }

            var id = name[..^CorpusLayout.DocumentExtension.Length];
            if (!CorpusLayout.IsSlug(id))
            {
                input.Log.Add(relative, 0, $"document id '{id}' (the file name without .md) is not a kebab-case slug: use lowercase letters and digits joined by single hyphens");
            }

            var text = input.ReadText(relative);
            documents[id] = text is null
                ? new LoadedDocument(id, relative, null, null, 0)
                : DocumentReader.Read(id, text, input.Yaml(relative, lineOffset: 1));
        }

        return documents;
    }
}
