using System.Text;

namespace GraphService.Storage.Neo4j.Statements;

/// <summary>
/// A file of cypher/ as named statements. Each statement follows a <c>// name: some-name</c> line and ends with the
/// first line that ends in ';' (the ';' is not sent). Comment lines after the name stay in the text: Neo4j ignores
/// them and a reader pasting the text into Browser sees why the statement is as it is.
/// </summary>
internal sealed class CypherFile
{
    private const string NamePrefix = "// name:";
    private readonly Dictionary<string, string> _statements;

    private CypherFile(string fileName, Dictionary<string, string> statements)
    {
        FileName = fileName;
        _statements = statements;
    }

    public string FileName { get; }

    public IReadOnlyDictionary<string, string> Statements => _statements;

    public string this[string name] => _statements.TryGetValue(name, out var text)
        ? text
        : throw new KeyNotFoundException($"cypher/{FileName} has no statement named '{name}'.");

    /// <summary>Reads cypher/&lt;fileName&gt; from this assembly's resources (the build embeds the repository's cypher/ folder).</summary>
    public static CypherFile Load(string fileName)
    {
        var resource = $"GraphService.Cypher.{fileName}";
        using var stream = typeof(CypherFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing; cypher/{fileName} must be embedded by the project file.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(fileName, reader.ReadToEnd());
    }

    public static CypherFile Parse(string fileName, string text)
    {
        var statements = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var body = new StringBuilder();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (name is null)
            {
                if (line.StartsWith(NamePrefix, StringComparison.Ordinal))
                {
                    name = line[NamePrefix.Length..].Trim();
                    if (name.Length == 0 || statements.ContainsKey(name))
                    {
                        throw new FormatException($"cypher/{fileName}: statement name '{name}' is empty or repeated.");
                    }
                }

                continue;
            }

            var trimmed = line.TrimEnd();
            if (trimmed.EndsWith(';'))
            {
                body.Append(trimmed.AsSpan(0, trimmed.Length - 1));
                statements[name] = body.ToString().Trim();
                body.Clear();
                name = null;
            }
            else
            {
                body.Append(line).Append('\n');
            }
        }

        if (name is not null)
        {
            throw new FormatException($"cypher/{fileName}: statement '{name}' does not end with ';'.");
        }

        return new CypherFile(fileName, statements);
    }
}
