using System.Net;
using System.Text;
using System.Text.Json;
using GraphService.Storage.Neo4j.Statements;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>How a request takes part in a transaction of the Query API.</summary>
public enum TxStep
{
    /// <summary>POST …/query/v2: one statement, its own transaction.</summary>
    Implicit,

    /// <summary>POST …/query/v2/tx: opens an explicit transaction with its first statement.</summary>
    Open,

    /// <summary>POST …/query/v2/tx/{id}.</summary>
    Run,

    /// <summary>POST …/query/v2/tx/{id}/commit, with the last statement.</summary>
    Commit,

    /// <summary>DELETE …/query/v2/tx/{id}.</summary>
    Rollback,
}

/// <summary>
/// A request as the adapter sent it, with the name of its statement in cypher/*.cypher, and the explicit transaction it
/// ran in (null for an implicit one).
/// </summary>
public sealed record NamedRequest(string Name, string Statement, JsonElement Parameters, string? Transaction = null, TxStep Step = TxStep.Implicit)
{
    public string Text(string parameter) => Parameters.GetProperty(parameter).GetProperty("_value").GetString()!;

    public long Integer(string parameter) => long.Parse(Text(parameter), System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Texts(string parameter) =>
        [.. Parameters.GetProperty(parameter).GetProperty("_value").EnumerateArray().Select(e => e.GetProperty("_value").GetString()!)];
}

/// <summary>
/// Answers Query API requests by the name of the statement they carry, not by their position: a test says what Neo4j
/// answers to "name-table" or "document", and asserts on the statements sent by name, so that a refactoring that changes
/// the order or the number of round trips without changing behaviour does not break it. (One test in
/// <see cref="StoreContractTests"/> pins the import's sequence on purpose, with <see cref="ReplayHandler"/>.)
/// A statement the script has no answer for fails the request with its name. Explicit transactions are played as the
/// Query API does: opening one answers with a fresh transaction id, DELETE rolls it back; requests record both.
/// </summary>
public sealed class StatementReplay : HttpMessageHandler
{
    private static readonly string[] Markers =
        [PatternTemplate.TypesMarker, PatternTemplate.TypeMarker, PatternTemplate.LeftArrowMarker, PatternTemplate.RightArrowMarker, PatternTemplate.MaxLengthMarker, PatternTemplate.GroupsMarker];

    private readonly Dictionary<string, Queue<string>> _answers = new(StringComparer.Ordinal);
    private int _transactions;

    public List<NamedRequest> Requests { get; } = [];

    /// <summary>Neo4j's answer to the statement <paramref name="name"/>: fields and typed rows. Several answers to one name are given in turn; the last repeats.</summary>
    public StatementReplay On(string name, string[] fields, params string[][] rows)
    {
        if (!_answers.TryGetValue(name, out var queue))
        {
            _answers[name] = queue = new Queue<string>();
        }

        queue.Enqueue(Typed.Data(fields, rows));
        return this;
    }

    public IEnumerable<NamedRequest> Named(string name) => Requests.Where(r => r.Name == name);

    /// <summary>The statements sent in each explicit transaction, in order, by transaction id.</summary>
    public IReadOnlyList<IReadOnlyList<NamedRequest>> Transactions() =>
        [.. Requests.Where(r => r.Transaction is not null).GroupBy(r => r.Transaction).Select(g => (IReadOnlyList<NamedRequest>)[.. g])];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var tail = path[(path.IndexOf("/query/v2", StringComparison.Ordinal) + "/query/v2".Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == HttpMethod.Delete)
        {
            Requests.Add(new NamedRequest("(rollback)", "", default, tail[1], TxStep.Rollback));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        var (transaction, step) = tail switch
        {
            [] => (null, TxStep.Implicit),
            ["tx"] => ($"tx{Interlocked.Increment(ref _transactions)}", TxStep.Open),
            ["tx", var id] => (id, TxStep.Run),
            ["tx", var id, "commit"] => (id, TxStep.Commit),
            _ => throw new InvalidOperationException($"Not a Query API address: {path}"),
        };
        var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement;
        var statement = body.GetProperty("statement").GetString()!;
        var name = NameOf(statement);
        Requests.Add(new NamedRequest(name, statement, body.TryGetProperty("parameters", out var p) ? p.Clone() : default, transaction, step));
        if (!_answers.TryGetValue(name, out var queue) || queue.Count == 0)
        {
            throw new InvalidOperationException($"The script has no answer for statement '{name}':\n{statement}");
        }

        var answer = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        if (step is TxStep.Open or TxStep.Run)
        {
            answer = answer[..answer.LastIndexOf('}')] + $",\"transaction\":{{\"id\":\"{transaction}\",\"expires\":\"2026-12-02T06:00:00Z\"}}}}";
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(answer, Encoding.UTF8, "application/vnd.neo4j.query") };
    }

    /// <summary>The statement's name: the file statement with exactly this text, or the template whose text before its first marker begins it.</summary>
    private static string NameOf(string statement)
    {
        var files = new[] { CypherStatements.Instance.Schema, CypherStatements.Instance.Import, CypherStatements.Instance.Read, CypherStatements.Instance.Paths };
        foreach (var (name, text) in files.SelectMany(f => f.Statements))
        {
            if (text == statement)
            {
                return name;
            }
        }

        foreach (var (name, text) in files.SelectMany(f => f.Statements))
        {
            var head = Markers.Select(m => text.IndexOf(m, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
            if (head > 0 && statement.StartsWith(text[..head], StringComparison.Ordinal))
            {
                return name;
            }
        }

        throw new InvalidOperationException($"No statement in cypher/ matches:\n{statement}");
    }
}
