using DotNet.Testcontainers.Builders;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Core.Store;
using GraphService.Storage.Neo4j.Export;
using GraphService.Storage.Neo4j.Http;
using GraphService.Testing;
using GraphService.Testing.Conformance;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// The bulk-load route of docs/neo4j.md, end to end (issue 12, part 1): the conformance graph exported for neo4j-admin,
/// loaded with the README's command into a fresh database in a second container, then the exported schema run, must
/// answer the same paths as the graph imported through the Query API. Needs Docker (the import needs a stopped
/// database, which a server named by NEO4J_URI is not), so it skips otherwise.
/// </summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jAdminImportTests(Neo4jServerFixture server, ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly PathQuery[] Queries =
    [
        new(ConformanceGraph.Khazali, ConformanceGraph.Suleimani) { K = 3, MaxHops = 4 },
        new(ConformanceGraph.Munoz, ConformanceGraph.Ameri) { K = 2, MaxHops = 3 },
        new(ConformanceGraph.Hub, ConformanceGraph.QudsForce) { K = 5, MaxHops = 4, Types = new HashSet<string> { "MEMBER_OF", "ARMED_BY" } },
        new(ConformanceGraph.Baghdad, ConformanceGraph.Hub) { K = 1, MaxHops = 6 },
    ];

    [SkippableFact]
    public async Task A_neo4j_admin_export_loaded_into_a_fresh_database_answers_the_same_paths_as_the_query_api_import()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        Skip.If(server.Source.Kind != Neo4jSourceKind.Container, "The neo4j-admin import needs Docker (a stopped database in a second container); the tests use the server NEO4J_URI names, so it is skipped.");
        var reference = await server.ConformanceStoreAsync();
        using var folder = new TempDirectory();
        await new Neo4jAdminExporter().WriteAsync(ConformanceGraph.Snapshot, folder.Path, None);
        await using var data = new VolumeBuilder().WithName($"graphservice-admin-import-{Guid.NewGuid():N}").Build();
        await data.CreateAsync(None);

        var (exitCode, log) = await Neo4jContainer.AdminImportAsync(folder.Path, data, None);
        output.WriteLine(log);
        Assert.True(exitCode == 0, $"neo4j-admin database import exited with {exitCode}:\n{log}");
        var imported = await server.StartContainerAsync(data);
        await RunSchemaAsync(imported, Path.Combine(folder.Path, "schema.cypher"));
        var store = server.NewStore(imported);

        Assert.Equal(ConformanceGraph.Snapshot.Version, (await store.GetStatusAsync(None)).GraphVersion);
        foreach (var query in Queries)
        {
            var expected = GraphJson.Serialize(await reference.FindPathsAsync(query, None));
            var actual = GraphJson.Serialize(await store.FindPathsAsync(query, None));
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The exported schema.cypher, one statement at a time, as cypher-shell would run it.</summary>
    private static async Task RunSchemaAsync(Neo4jSource source, string schemaFile)
    {
        var options = Options.Create(new Neo4jOptions { Uri = source.Uri, User = source.User, Password = source.Password, Database = source.Database });
        using var http = new HttpClient { BaseAddress = source.Uri };
        var client = new Neo4jQueryClient(http, options);
        // Each statement follows a "// name" comment line and ends with ';' (Neo4j ignores the comment).
        var statements = (await File.ReadAllTextAsync(schemaFile)).Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(statements);
        foreach (var text in statements)
        {
            await client.RunAsync(new CypherStatement("schema.cypher (exported)", text), None);
        }
    }
}
