namespace GraphService.Storage.Neo4j.Http;

/// <summary>
/// A statement ready to send: its name in cypher/*.cypher (for error messages), its text and its parameters.
/// Parameter values are null, bool, int, long, double, string, lists of these, or string-keyed maps of these.
/// </summary>
internal sealed record CypherStatement(string Name, string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public CypherStatement(string name, string text)
        : this(name, text, new Dictionary<string, object?>())
    {
    }
}
