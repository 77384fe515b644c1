namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// Which Neo4j the live tests use (issue 12, part 1): NEO4J_URI first, then a Testcontainers container when Docker
/// answers, else a skip that names both ways. These run everywhere, with the environment and the Docker probe injected.
/// </summary>
public sealed class Neo4jTestServerTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static Func<Task<DockerAnswer>> Docker(bool answers, Action? asked = null) => () =>
    {
        asked?.Invoke();
        return Task.FromResult(new DockerAnswer(answers, answers ? "unix socket /var/run/docker.sock answered /_ping" : "unix socket /var/run/docker.sock does not exist"));
    };

    [Fact]
    public async Task Neo4j_uri_wins_even_where_docker_answers_and_docker_is_not_even_asked()
    {
        var asked = false;

        var source = await Neo4jTestServer.ChooseAsync(
            Environment(("NEO4J_URI", "http://graph.example:7474"), ("NEO4J_USER", "neo4j"), ("NEO4J_PASSWORD", "s3cret-pass"), ("NEO4J_DATABASE", "tests")),
            Docker(true, () => asked = true));

        Assert.Equal(new Neo4jSource(Neo4jSourceKind.Environment, new Uri("http://graph.example:7474"), "neo4j", "s3cret-pass", "tests"), source);
        Assert.False(asked);
    }

    [Fact]
    public async Task Without_neo4j_uri_a_docker_engine_that_answers_means_a_container()
    {
        var source = await Neo4jTestServer.ChooseAsync(Environment(("NEO4J_URI", "  ")), Docker(true));

        Assert.Equal(Neo4jSourceKind.Container, source.Kind);
        Assert.Null(source.SkipReason);
    }

    [Fact]
    public async Task With_neither_the_tests_skip_with_a_reason_naming_both_ways_and_why_docker_was_not_used()
    {
        var source = await Neo4jTestServer.ChooseAsync(Environment(), Docker(false));

        Assert.Equal(Neo4jSourceKind.None, source.Kind);
        Assert.Contains("NEO4J_URI=http://localhost:7474", source.SkipReason, StringComparison.Ordinal);
        Assert.Contains("Docker engine", source.SkipReason, StringComparison.Ordinal);
        Assert.Contains("Testcontainers starts neo4j:5.26-community", source.SkipReason, StringComparison.Ordinal);
        Assert.Contains("/var/run/docker.sock does not exist", source.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_neo4j_uri_that_is_not_an_http_address_is_refused_with_what_is_expected()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Neo4jTestServer.ChooseAsync(Environment(("NEO4J_URI", "bolt://localhost:7687")), Docker(true)));

        Assert.Contains("http://localhost:7474", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_docker_probe_says_why_when_the_socket_is_missing_or_docker_host_is_unusable()
    {
        var missing = await DockerEngineProbe.PingAsync(Environment(("DOCKER_HOST", "unix:///nonexistent/docker.sock")), TimeSpan.FromSeconds(2));
        var odd = await DockerEngineProbe.PingAsync(Environment(("DOCKER_HOST", "ssh://builder")), TimeSpan.FromSeconds(2));
        var refused = await DockerEngineProbe.PingAsync(Environment(("DOCKER_HOST", "tcp://127.0.0.1:1")), TimeSpan.FromSeconds(2));

        Assert.Equal(new DockerAnswer(false, "unix socket /nonexistent/docker.sock does not exist"), missing);
        Assert.Equal(new DockerAnswer(false, "DOCKER_HOST=ssh://builder is neither unix:// nor tcp://"), odd);
        Assert.False(refused.Answers);
        Assert.StartsWith("tcp://127.0.0.1:1", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_docker_probe_reports_an_engine_that_answers_its_ping()
    {
        using var listener = new System.Net.HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            Assert.Equal("/_ping", context.Request.Url!.AbsolutePath);
            context.Response.StatusCode = 200;
            context.Response.Close();
        });

        var answer = await DockerEngineProbe.PingAsync(Environment(("DOCKER_HOST", $"tcp://127.0.0.1:{port}")), TimeSpan.FromSeconds(5));
        await serve;

        Assert.Equal(new DockerAnswer(true, $"tcp://127.0.0.1:{port} answered /_ping"), answer);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
