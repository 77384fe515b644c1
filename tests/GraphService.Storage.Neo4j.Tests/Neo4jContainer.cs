using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Volumes;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// neo4j:5.26-community through Testcontainers' generic builder: a random password, the HTTP port on a random host
/// port, ready when that port answers. Only used where a Docker engine answers (see <see cref="Neo4jTestServer"/>).
/// </summary>
public static class Neo4jContainer
{
    public const int HttpPort = 7474;

    /// <summary>Starts a server, on <paramref name="data"/> as its /data when given (a database neo4j-admin wrote).</summary>
    public static async Task<(IContainer Container, Neo4jSource Source)> StartAsync(IVolume? data, CancellationToken cancellationToken)
    {
        // Hex of 12 random bytes: at least 8 characters and never "neo4j", as NEO4J_AUTH requires.
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var builder = new ContainerBuilder(Neo4jTestServer.Image)
            .WithEnvironment("NEO4J_AUTH", $"neo4j/{password}")
            .WithPortBinding(HttpPort, true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(HttpPort).ForPath("/")));
        if (data is not null)
        {
            builder = builder.WithVolumeMount(data, "/data");
        }

        var container = builder.Build();
        await container.StartAsync(cancellationToken);
        var uri = new UriBuilder(Uri.UriSchemeHttp, container.Hostname, container.GetMappedPublicPort(HttpPort)).Uri;
        return (container, new Neo4jSource(Neo4jSourceKind.Container, uri, "neo4j", password));
    }

    /// <summary>
    /// Runs <c>neo4j-admin database import full</c> (the command the exporter's README gives) over the files in
    /// <paramref name="exportFolder"/>, in a container of the same image that writes into <paramref name="data"/>; the
    /// image's entrypoint runs neo4j-admin as the neo4j user. Returns its exit code and output.
    /// </summary>
    public static async Task<(long ExitCode, string Output)> AdminImportAsync(string exportFolder, IVolume data, CancellationToken cancellationToken)
    {
        // The README's command is for a shell; without one, the array delimiter loses its quotes.
        var arguments = Export.Neo4jAdminExporter.ImportCommand("/import").Split(' ').Select(a => a.Replace("\"", "", StringComparison.Ordinal)).ToArray();
        await using var import = new ContainerBuilder(Neo4jTestServer.Image)
            .WithVolumeMount(data, "/data")
            .WithResourceMapping(new DirectoryInfo(exportFolder), "/import/")
            .WithCommand(arguments)
            .Build();
        await import.StartAsync(cancellationToken);
        var exitCode = await import.GetExitCodeAsync(cancellationToken);
        var (stdout, stderr) = await import.GetLogsAsync(ct: cancellationToken);
        return (exitCode, stdout + stderr);
    }
}
