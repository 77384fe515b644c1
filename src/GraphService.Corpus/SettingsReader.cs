using GraphService.Core.Domain;

namespace GraphService.Corpus;

/// <summary>Reads the optional corpus.yaml: the corpus name and the predicates it declares beyond the built-in ones.</summary>
internal static class SettingsReader
{
    private static readonly string[] CorpusKeys = ["name", "description", "predicates"];
    private static readonly string[] PredicateKeys = ["type", "phrase"];

    public static CorpusSettings Read(CorpusInput input, string folderName)
    {
        const string file = CorpusLayout.CorpusFile;
        var fallback = new CorpusSettings(folderName, PredicateVocabulary.Default, PredicatesComplete: true);
        if (input.Probe(file).Kind == FileKind.Missing)
        {
            return fallback;
        }

        var text = input.ReadText(file);
        if (text is null)
        {
            return fallback with { PredicatesComplete = false };
        }

        var source = input.Yaml(file);
        var node = source.LoadRoot(text, out var malformed);
        if (malformed)
        {
            return fallback with { PredicatesComplete = false };
        }

        if (node is null || source.Record(node, file, CorpusKeys) is not { } record)
        {
            return fallback;
        }

        var name = record.Text("name", required: false)?.Trim() ?? folderName;
        _ = record.Text("description", required: false);
        var extras = new List<Predicate>();
        var complete = true;
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in record.List("predicates")?.Children ?? [])
        {
            var before = input.Log.Count;
            if (source.Record(item, "predicate", PredicateKeys) is not { } p)
            {
                complete = false;
                continue;
            }

            var type = p.Text("type", required: true)?.Trim();
            var phrase = p.Text("phrase", required: true)?.Trim();
            if (type is null)
            {
                complete = false;
                continue;
            }

            var line = p.LineOf("type");
            if (!PredicateVocabulary.IsWellFormedType(type))
            {
                source.ReportAtLine(line, $"predicate type '{type}' must be UPPER_SNAKE_CASE (a capital letter, then capitals, digits or underscores)");
            }
            else if (PredicateVocabulary.Default.Contains(type))
            {
                source.ReportAtLine(line, $"predicate '{type}' is built in and cannot be redeclared");
            }
            else if (firstLine.TryGetValue(type, out var first))
            {
                source.ReportAtLine(line, $"duplicate predicate '{type}' (first at {file}:{first})");
            }
            else
            {
                firstLine[type] = line;
            }

            if (input.Log.Count == before && phrase is not null)
            {
                extras.Add(new Predicate(type, phrase, BuiltIn: false));
            }
            else
            {
                complete = false;
            }
        }

        return new CorpusSettings(name, PredicateVocabulary.WithExtras(extras), complete);
    }
}
