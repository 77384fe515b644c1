using GraphService.Core.Store;
using GraphService.Testing.Conformance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>Every test that talks to a live Neo4j is in this collection, so that no two of them replace its graph at once.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jServerCollection : ICollectionFixture<Neo4jServerFixture>
{
    public const string Name = "Neo4j server";
}

/// <summary>
/// The live Neo4j the tests run against, when a server is named by NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD and
/// optionally NEO4J_DATABASE). Loading REPLACES the GraphService graph in that database. Without one,
/// <see cref="SkipReason"/> says how to get one and every live test skips with it.
/// </summary>
public sealed class Neo4jServerFixture : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];
    private IGraphStore? _conformance;

    public string? SkipReason { get; private set; }

    private IReadOnlyDictionary<string, string?>? Settings { get; set; }

    public Task InitializeAsync()
    {
        var uri = Environment.GetEnvironmentVariable("NEO4J_URI");
        if (string.IsNullOrWhiteSpace(uri))
        {
            SkipReason = "NEO4J_URI is not set: start Neo4j (docker compose up neo4j) and set NEO4J_URI=http://localhost:7474, NEO4J_USER, NEO4J_PASSWORD to run the live Neo4j tests";
            return Task.CompletedTask;
        }

        Settings = new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = uri,
            ["Neo4j:User"] = Environment.GetEnvironmentVariable("NEO4J_USER"),
            ["Neo4j:Password"] = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
            ["Neo4j:Database"] = Environment.GetEnvironmentVariable("NEO4J_DATABASE") ?? "neo4j",
        };
        return Task.CompletedTask;
    }

    /// <summary>A new store (its own HttpClient and cache) on the server, as another process would have.</summary>
    public IGraphStore NewStore()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var provider = new ServiceCollection().AddNeo4jGraphStore(new ConfigurationBuilder().AddInMemoryCollection(Settings!).Build()).BuildServiceProvider();
        lock (_providers)
        {
            _providers.Add(provider);
        }

        return provider.GetRequiredService<IGraphStore>();
    }

    /// <summary>A store over the conformance graph, which is (re)loaded if another test left a different graph.</summary>
    public async Task<IGraphStore> ConformanceStoreAsync()
    {
        _conformance ??= NewStore();
        await _conformance.ReplaceGraphAsync(ConformanceGraph.Snapshot, CancellationToken.None);
        return _conformance;
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }
}
