using DotNet.Testcontainers.Containers;
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
/// The live Neo4j the tests run against, chosen by <see cref="Neo4jTestServer"/>: the server NEO4J_URI names (its
/// GraphService graph is REPLACED), else a neo4j:5.26-community container started for this run, else none, and every
/// live test skips with <see cref="SkipReason"/>.
/// </summary>
public sealed class Neo4jServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);
    private readonly List<ServiceProvider> _providers = [];
    private readonly List<IContainer> _containers = [];
    private IGraphStore? _conformance;

    public Neo4jSource Source { get; private set; } = new(Neo4jSourceKind.None, SkipReason: "not initialised");

    public string? SkipReason => Source.SkipReason;

    public async Task InitializeAsync()
    {
        var source = await Neo4jTestServer.ChooseAsync(Environment.GetEnvironmentVariable, () => DockerEngineProbe.PingAsync(Environment.GetEnvironmentVariable, TimeSpan.FromSeconds(3)));
        if (source.Kind == Neo4jSourceKind.Container)
        {
            source = await StartContainerAsync(null);
        }

        Source = source;
    }

    /// <summary>Starts another container (on <paramref name="data"/> when given), stopped with the fixture, and waits until it answers queries.</summary>
    public async Task<Neo4jSource> StartContainerAsync(DotNet.Testcontainers.Volumes.IVolume? data)
    {
        var (container, source) = await Neo4jContainer.StartAsync(data, CancellationToken.None);
        _containers.Add(container);
        await WaitUntilReadyAsync(NewStore(source));
        return source;
    }

    /// <summary>A new store (its own HttpClient and cache) on the fixture's server, as another process would have.</summary>
    public IGraphStore NewStore()
    {
        Skip.If(SkipReason is not null, SkipReason);
        return NewStore(Source);
    }

    /// <summary>A new store on <paramref name="source"/>.</summary>
    public IGraphStore NewStore(Neo4jSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var settings = new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = source.Uri!.ToString(),
            ["Neo4j:User"] = source.User,
            ["Neo4j:Password"] = source.Password,
            ["Neo4j:Database"] = source.Database,
        };
        var provider = new ServiceCollection().AddNeo4jGraphStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
        lock (_providers)
        {
            _providers.Add(provider);
        }

        return provider.GetRequiredService<IGraphStore>();
    }

    /// <summary>
    /// A store over the conformance graph, which is (re)loaded if another test left a different graph. The conformance
    /// suite reads its store from a property, so this is waited on synchronously: no continuation may need the test's
    /// synchronisation context.
    /// </summary>
    public async Task<IGraphStore> ConformanceStoreAsync()
    {
        _conformance ??= NewStore();
        await _conformance.ReplaceGraphAsync(ConformanceGraph.Snapshot, CancellationToken.None).ConfigureAwait(false);
        return _conformance;
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }
    }

    /// <summary>The HTTP port answers before the database does; wait until a status query succeeds.</summary>
    private static async Task WaitUntilReadyAsync(IGraphStore store)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        GraphStatus status;
        while (!(status = await store.GetStatusAsync(CancellationToken.None)).Ready)
        {
            if (started.Elapsed > ReadyWithin)
            {
                throw new TimeoutException($"The Neo4j container did not answer queries within {ReadyWithin.TotalSeconds:0} s: {status.Detail}");
            }

            await Task.Delay(500);
        }
    }
}
