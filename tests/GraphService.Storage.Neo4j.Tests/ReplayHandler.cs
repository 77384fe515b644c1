using System.Net;
using System.Text;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>A request as the adapter sent it: everything a test may assert on.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);

/// <summary>
/// Replays fixed Query API exchanges in order: the n-th request gets the n-th canned answer, whatever its Cypher says
/// (the stub never interprets a statement). Every request is recorded for assertions; a request beyond the script fails.
/// </summary>
public sealed class ReplayHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public ReplayHandler Answer(HttpStatusCode status, string? body, params (string Name, string Value)[] headers)
    {
        _answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, "application/vnd.neo4j.query");
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return this;
    }

    /// <summary>202 with typed data: fields and rows of already typed JSON values.</summary>
    public ReplayHandler Rows(string[] fields, params string[][] rows) => Answer(HttpStatusCode.Accepted, Typed.Data(fields, rows));

    public ReplayHandler Refuse()
    {
        _answers.Enqueue(() => throw new HttpRequestException("Connection refused (localhost:7474)", new System.Net.Sockets.SocketException(111)));
        return this;
    }

    public int Remaining => _answers.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body));
        if (_answers.Count == 0)
        {
            throw new InvalidOperationException($"The replay script has no answer for request #{Requests.Count}: {request.Method} {request.RequestUri}\n{body}");
        }

        return _answers.Dequeue()();
    }
}

/// <summary>Typed JSON values as the Query API writes them (application/vnd.neo4j.query).</summary>
public static class Typed
{
    public static string S(string? s) => s is null ? Null : $"{{\"$type\":\"String\",\"_value\":{System.Text.Json.JsonSerializer.Serialize(s)}}}";

    public static string I(long i) => $"{{\"$type\":\"Integer\",\"_value\":\"{i}\"}}";

    public static string F(double d) => $"{{\"$type\":\"Float\",\"_value\":\"{d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}\"}}";

    public static string B(bool b) => $"{{\"$type\":\"Boolean\",\"_value\":{(b ? "true" : "false")}}}";

    public const string Null = "{\"$type\":\"Null\",\"_value\":null}";

    public static string L(params string[] items) => $"{{\"$type\":\"List\",\"_value\":[{string.Join(",", items)}]}}";

    public static string M(params (string Key, string Value)[] entries) =>
        $"{{\"$type\":\"Map\",\"_value\":{{{string.Join(",", entries.Select(e => $"\"{e.Key}\":{e.Value}"))}}}}}";

    public static string Node(string elementId, string[] labels, params (string Key, string Value)[] properties) =>
        $"{{\"$type\":\"Node\",\"_value\":{{\"_element_id\":\"{elementId}\",\"_labels\":[{string.Join(",", labels.Select(l => $"\"{l}\""))}],\"_properties\":{{{string.Join(",", properties.Select(p => $"\"{p.Key}\":{p.Value}"))}}}}}}}";

    public static string Rel(string elementId, string start, string end, string type, params (string Key, string Value)[] properties) =>
        $"{{\"$type\":\"Relationship\",\"_value\":{{\"_element_id\":\"{elementId}\",\"_start_node_element_id\":\"{start}\",\"_end_node_element_id\":\"{end}\",\"_type\":\"{type}\",\"_properties\":{{{string.Join(",", properties.Select(p => $"\"{p.Key}\":{p.Value}"))}}}}}}}";

    public static string Path(params string[] elements) => $"{{\"$type\":\"Path\",\"_value\":[{string.Join(",", elements)}]}}";

    public static string Data(string[] fields, params string[][] rows) =>
        $"{{\"data\":{{\"fields\":[{string.Join(",", fields.Select(f => $"\"{f}\""))}],\"values\":[{string.Join(",", rows.Select(r => $"[{string.Join(",", r)}]"))}]}},\"bookmarks\":[\"FB:kcwQ\"]}}";

    public static string Errors(string code, string message) =>
        $"{{\"errors\":[{{\"code\":\"{code}\",\"message\":{System.Text.Json.JsonSerializer.Serialize(message)}}}]}}";
}
