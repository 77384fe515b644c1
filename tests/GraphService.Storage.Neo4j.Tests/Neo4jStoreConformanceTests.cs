using GraphService.Core.Store;
using GraphService.Testing.Conformance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// A Neo4j store loaded once with the conformance graph, when a server is named by NEO4J_URI (with NEO4J_USER,
/// NEO4J_PASSWORD and optionally NEO4J_DATABASE). Loading REPLACES the GraphService graph in that database.
/// Without NEO4J_URI every conformance test is reported as skipped with that reason.
/// </summary>
public sealed class LoadedNeo4jStore : IAsyncLifetime
{
    private ServiceProvider? _provider;

    public IGraphStore? Store { get; private set; }

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var uri = Environment.GetEnvironmentVariable("NEO4J_URI");
        if (string.IsNullOrWhiteSpace(uri))
        {
            SkipReason = "NEO4J_URI is not set: start Neo4j (docker compose up neo4j) and set NEO4J_URI=http://localhost:7474, NEO4J_USER, NEO4J_PASSWORD to run the Neo4j conformance suite";
            return;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = uri,
            ["Neo4j:User"] = Environment.GetEnvironmentVariable("NEO4J_USER"),
            ["Neo4j:Password"] = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
            ["Neo4j:Database"] = Environment.GetEnvironmentVariable("NEO4J_DATABASE") ?? "neo4j",
        }).Build();
        _provider = new ServiceCollection().AddNeo4jGraphStore(configuration).BuildServiceProvider();
        Store = _provider.GetRequiredService<IGraphStore>();
        await Store.ReplaceGraphAsync(ConformanceGraph.Snapshot, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}

public sealed class Neo4jStoreConformanceTests(LoadedNeo4jStore fixture) : GraphStoreConformance, IClassFixture<LoadedNeo4jStore>
{
    protected override IGraphStore Store
    {
        get
        {
            Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
            return fixture.Store!;
        }
    }
}
