using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GraphService.Testing;

/// <summary>
/// The sample corpus (data/corpus) imported into a temp embedded store through the same composition the hosts use.
/// A shared xunit fixture: the import runs once per test class that uses it.
/// </summary>
public sealed class SampleStore : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ServiceProvider? _services;

    public IGraphStore Store => Services.GetRequiredService<IGraphStore>();

    public GraphQueries Queries => Services.GetRequiredService<GraphQueries>();

    /// <summary>The corpus as imported, to compare what the store answers with what went in.</summary>
    public GraphSnapshot Snapshot { get; private set; } = null!;

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("the fixture is not initialised");

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:StorePath"] = _dir.File("sample.db") })
            .Build();
        _services = new ServiceCollection().AddLogging().AddGraphService(configuration).BuildServiceProvider();
        var report = await _services.GetRequiredService<CorpusImport>().ImportAsync(RepositoryPaths.SampleCorpus, CancellationToken.None);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("the sample corpus has problems:\n" + string.Join('\n', report.Problems));
        }

        Snapshot = (await Store.ReadSnapshotAsync(CancellationToken.None))!;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
