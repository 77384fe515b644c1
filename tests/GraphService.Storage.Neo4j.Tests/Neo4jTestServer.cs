using System.Net.Sockets;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>Where the live tests get their Neo4j from.</summary>
public enum Neo4jSourceKind
{
    /// <summary>A server the developer or CI runs, named by NEO4J_URI.</summary>
    Environment,

    /// <summary>A throwaway neo4j:5.26-community container started by Testcontainers.</summary>
    Container,

    /// <summary>Neither: the live tests skip, saying how to enable them.</summary>
    None,
}

/// <summary>The decision of <see cref="Neo4jTestServer.ChooseAsync"/>: a source and what it needs, or why there is none.</summary>
public sealed record Neo4jSource(Neo4jSourceKind Kind, Uri? Uri = null, string? User = null, string? Password = null, string Database = "neo4j", string? SkipReason = null);

/// <summary>
/// Picks the Neo4j the live tests run against. NEO4J_URI wins when it is set (with NEO4J_USER, NEO4J_PASSWORD and
/// optionally NEO4J_DATABASE); otherwise a container when a Docker engine answers; otherwise none, and the skip reason
/// names both ways to enable the tests. Pure, so the decision is tested where neither exists.
/// </summary>
public static class Neo4jTestServer
{
    public const string Image = "neo4j:5.26-community";

    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="docker">Asks whether a Docker engine answers, and if not, why; not called when NEO4J_URI is set.</param>
    public static async Task<Neo4jSource> ChooseAsync(Func<string, string?> environment, Func<Task<DockerAnswer>> docker)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(docker);
        var uri = environment("NEO4J_URI");
        if (!string.IsNullOrWhiteSpace(uri))
        {
            if (!Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"NEO4J_URI must be the http:// or https:// address of Neo4j's HTTP port (e.g. http://localhost:7474), not '{uri}'.");
            }

            var database = environment("NEO4J_DATABASE");
            return new Neo4jSource(Neo4jSourceKind.Environment, parsed, environment("NEO4J_USER"), environment("NEO4J_PASSWORD"), string.IsNullOrWhiteSpace(database) ? "neo4j" : database);
        }

        var answer = await docker();
        if (answer.Answers)
        {
            return new Neo4jSource(Neo4jSourceKind.Container);
        }

        return new Neo4jSource(
            Neo4jSourceKind.None,
            SkipReason: "No Neo4j for the live tests. Either set NEO4J_URI=http://localhost:7474 (with NEO4J_USER and NEO4J_PASSWORD) " +
                        $"to use a running server (it REPLACES the GraphService graph there), or run a Docker engine so that Testcontainers starts {Image} " +
                        $"(no Docker engine answered: {answer.Detail}).");
    }
}

/// <summary>Whether a Docker engine answered its /_ping, with what was tried.</summary>
public sealed record DockerAnswer(bool Answers, string Detail);

/// <summary>
/// Asks the Docker engine Testcontainers would use whether it is there: DOCKER_HOST (unix:// or tcp://) when set, else
/// the default socket /var/run/docker.sock, with GET /_ping and a short timeout.
/// </summary>
public static class DockerEngineProbe
{
    private const string DefaultSocket = "/var/run/docker.sock";

    public static async Task<DockerAnswer> PingAsync(Func<string, string?> environment, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var host = environment("DOCKER_HOST");
        string where;
        SocketsHttpHandler handler;
        Uri ping;
        if (string.IsNullOrWhiteSpace(host) || host.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socket = string.IsNullOrWhiteSpace(host) ? DefaultSocket : host["unix://".Length..];
            where = $"unix socket {socket}";
            if (!File.Exists(socket))
            {
                return new DockerAnswer(false, $"{where} does not exist");
            }

            handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    var connected = false;
                    try
                    {
                        await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                        connected = true;
                        return new NetworkStream(s, ownsSocket: true);
                    }
                    finally
                    {
                        if (!connected)
                        {
                            s.Dispose();
                        }
                    }
                },
            };
            ping = new Uri("http://docker/_ping");
        }
        else if (host.StartsWith("tcp://", StringComparison.Ordinal))
        {
            where = host;
            handler = new SocketsHttpHandler();
            ping = new Uri($"http://{host["tcp://".Length..].TrimEnd('/')}/_ping");
        }
        else
        {
            return new DockerAnswer(false, $"DOCKER_HOST={host} is neither unix:// nor tcp://");
        }

        using var client = new HttpClient(handler) { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(ping);
            return response.IsSuccessStatusCode
                ? new DockerAnswer(true, $"{where} answered /_ping")
                : new DockerAnswer(false, $"{where} answered /_ping with {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return new DockerAnswer(false, $"{where}: {e.Message}");
        }
        catch (TaskCanceledException)
        {
            return new DockerAnswer(false, $"{where} did not answer within {timeout.TotalSeconds:0} s");
        }
    }
}
