using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphService.Core.Store;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace GraphService.Storage.Neo4j.Http;

/// <summary>
/// <see cref="ICypherRunner"/> over Neo4j's HTTP Query API (5.26+): POST /db/{db}/query/v2 for single statements and
/// /db/{db}/query/v2/tx[/{id}[/commit]] for explicit transactions, typed JSON both ways, Basic auth.
/// A call has failed when the status is not 2xx or the body holds an "errors" array (a runtime error while results
/// stream still comes back as 202). Errors are told apart by Neo4j's code, never by message text.
/// </summary>
internal sealed class Neo4jQueryClient : ICypherRunner
{
    public const string ClusterAffinityHeader = "neo4j-cluster-affinity";

    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly AuthenticationHeaderValue? _authorization;

    public Neo4jQueryClient(HttpClient http, IOptions<Neo4jOptions> options)
    {
        _http = http;
        _options = options.Value;
        _authorization = string.IsNullOrEmpty(_options.User)
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{_options.Password}")));
        _retry = _options.Retries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = _options.Retries,
                    Delay = _options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                })
                .Build();
    }

    private string DatabasePath => $"db/{Uri.EscapeDataString(_options.Database)}/query/v2";

    public async Task<CypherResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return await WithRetriesAsync(
            async ct => (await SendAsync(HttpMethod.Post, DatabasePath, statement, affinity: null, statement.Name, ct).ConfigureAwait(false)).Result,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task RunInTransactionAsync(IEnumerable<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        await WithRetriesAsync(
            async ct =>
            {
                await RunTransactionOnceAsync(statements, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<T> RunReadAsync<T>(Func<IReadTransaction, CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return WithRetriesAsync(
            async ct =>
            {
                var transaction = new QueryTransaction(this);
                try
                {
                    return await unit(transaction, ct).ConfigureAwait(false);
                }
                finally
                {
                    if (transaction.OpenPath is { } path)
                    {
                        await RollBackAsync(path, transaction.Affinity).ConfigureAwait(false);
                    }
                }
            },
            cancellationToken);
    }

    private async Task RunTransactionOnceAsync(IEnumerable<CypherStatement> statements, CancellationToken cancellationToken)
    {
        // Each statement is sent as soon as the next one is known (the last goes with the commit), so that a plan made
        // lazily is never held whole.
        using var next = statements.GetEnumerator();
        var first = next.MoveNext() ? next.Current : null;
        var second = next.MoveNext() ? next.Current : null;
        if (first is null || second is null)
        {
            throw new ArgumentException("A transaction unit needs at least two statements (the first opens it, the last commits it); run one statement with RunAsync.", nameof(statements));
        }

        var open = await SendAsync(HttpMethod.Post, $"{DatabasePath}/tx", first, affinity: null, first.Name, cancellationToken).ConfigureAwait(false);
        var id = open.TransactionId ?? throw new InvalidDataException("Neo4j opened a transaction but sent no transaction id.");
        var affinity = open.Affinity;
        var txPath = $"{DatabasePath}/tx/{Uri.EscapeDataString(id)}";
        var committed = false;
        try
        {
            var pending = second;
            while (next.MoveNext())
            {
                await SendAsync(HttpMethod.Post, txPath, pending, affinity, pending.Name, cancellationToken).ConfigureAwait(false);
                pending = next.Current;
            }

            await SendAsync(HttpMethod.Post, $"{txPath}/commit", pending, affinity, pending.Name, cancellationToken).ConfigureAwait(false);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                await RollBackAsync(txPath, affinity).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Best effort: after an error Neo4j has usually dropped the transaction already (404), and if the server is gone
    /// the idle timeout (server.queryapi.transaction_idle_timeout) ends it. The original failure is what the caller sees.
    /// </summary>
    private async Task RollBackAsync(string txPath, string? affinity)
    {
        using var request = NewRequest(HttpMethod.Delete, txPath, content: null, affinity);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // The server is unreachable: the transaction dies with its idle timeout; the failure that led here is rethrown.
        }
        catch (OperationCanceledException)
        {
            // Same as above, for a server that does not answer within the rollback's own timeout.
        }
    }

    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(async ct => await call(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable($"Neo4j at {_options.Uri} is unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable($"Neo4j at {_options.Uri} did not answer within {_options.RequestTimeout.TotalSeconds:0} s.", e);
        }
        catch (Neo4jQueryException e) when (IsTransient(e))
        {
            throw Unavailable($"Neo4j at {_options.Uri} is unavailable: {e.Message}", e);
        }
    }

    private GraphStoreUnavailableException Unavailable(string message, Exception inner) =>
        new(message + (_options.Retries > 0 ? $" (after {_options.Retries} retries)" : ""), inner, _options.RetryAfter);

    private static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException => true,
        Neo4jQueryException q => q.IsTransient || q.HttpStatus is 502 or 503 or 504,
        TaskCanceledException t => t.InnerException is TimeoutException,
        _ => false,
    };

    private HttpRequestMessage NewRequest(HttpMethod method, string path, byte[]? content, string? affinity)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJson.MediaType));
        request.Headers.Authorization = _authorization;
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(ClusterAffinityHeader, affinity);
        }

        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(TypedJson.MediaType);
        }

        return request;
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, CypherStatement? statement, string? affinity, string? statementName, CancellationToken cancellationToken)
    {
        using var request = NewRequest(method, path, TypedJson.WriteRequest(statement), affinity);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // Bytes, not a string: the JSON is parsed from the UTF-8 as it came, without a UTF-16 copy of a large answer (the
        // name table of a large graph is hundreds of MB) and without transcoding it back.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var newAffinity = response.Headers.TryGetValues(ClusterAffinityHeader, out var values) ? values.FirstOrDefault() : null;

        var answer = ReadAnswer(body, status);
        if (answer?.Error is var (code, message))
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized || code == "Neo.ClientError.Security.Unauthorized")
            {
                throw AuthenticationFailed(code, message);
            }

            throw new Neo4jQueryException(code, message, status, statementName);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw AuthenticationFailed("HTTP 401", Encoding.UTF8.GetString(body));
        }

        if (status is < 200 or > 299)
        {
            throw new Neo4jQueryException($"HTTP {status}", response.ReasonPhrase ?? "request failed", status, statementName);
        }

        return new Answer((answer ?? QueryAnswer.Empty).Result, answer?.TransactionId, newAffinity ?? affinity);
    }

    private Neo4jAuthenticationException AuthenticationFailed(string code, string message) =>
        new($"Neo4j at {_options.Uri} rejected the credentials of user '{_options.User}' ({code}: {message}). Check Neo4j:User and Neo4j:Password (NEO4J_AUTH of the server).");

    /// <summary>The answer in <paramref name="body"/>; null when there is none, or when an error status came with a body that is not JSON.</summary>
    private static QueryAnswer? ReadAnswer(byte[] body, int status)
    {
        // A byte order mark is not JSON (the string this replaced had it removed); JSON's whitespace is ASCII, and an
        // answer of nothing else has no body to read.
        var json = body.AsSpan();
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return QueryAnswer.Read(json);
        }
        catch (JsonException e) when (status is < 200 or > 299)
        {
            // A proxy or a starting server may answer an error status with HTML; the status decides what happened.
            _ = e;
            return null;
        }
    }

    /// <summary>
    /// An explicit transaction opened by its first statement (POST …/tx) and ended by a commit that carries the last one
    /// (POST …/tx/{id}/commit), echoing the cluster-affinity header. A unit that commits before running anything sends
    /// its one statement to the implicit endpoint: one statement is one transaction already.
    /// </summary>
    private sealed class QueryTransaction(Neo4jQueryClient client) : IReadTransaction
    {
        private string? _path;
        private bool _ended;

        public string? Affinity { get; private set; }

        /// <summary>The transaction's address while it is open on the server and not yet committed.</summary>
        public string? OpenPath => _ended ? null : _path;

        public async Task<CypherResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(statement);
            EnsureOpen();
            if (_path is null)
            {
                var open = await client.SendAsync(HttpMethod.Post, $"{client.DatabasePath}/tx", statement, affinity: null, statement.Name, cancellationToken).ConfigureAwait(false);
                var id = open.TransactionId ?? throw new InvalidDataException("Neo4j opened a transaction but sent no transaction id.");
                _path = $"{client.DatabasePath}/tx/{Uri.EscapeDataString(id)}";
                Affinity = open.Affinity;
                return open.Result;
            }

            return (await client.SendAsync(HttpMethod.Post, _path, statement, Affinity, statement.Name, cancellationToken).ConfigureAwait(false)).Result;
        }

        public async Task<CypherResult> CommitAsync(CypherStatement statement, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(statement);
            EnsureOpen();
            var path = _path is null ? client.DatabasePath : $"{_path}/commit";
            var answer = await client.SendAsync(HttpMethod.Post, path, statement, Affinity, statement.Name, cancellationToken).ConfigureAwait(false);
            _ended = true;
            return answer.Result;
        }

        private void EnsureOpen()
        {
            if (_ended)
            {
                throw new InvalidOperationException("The read transaction has been committed; nothing can run in it any more.");
            }
        }
    }

    private sealed record Answer(CypherResult Result, string? TransactionId, string? Affinity);
}
