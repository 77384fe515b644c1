using GraphService.Core.Store;
using GraphService.Hosting;
using GraphService.Hosting.Observability;
using GraphService.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace GraphService.Storage.Sqlite.Tests;

/// <summary>AddSqliteGraphStore: the embedded store's options bind from the section Sqlite and are validated at start-up.</summary>
public sealed class SqliteRegistrationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void The_composition_registers_the_sqlite_store_with_its_file_from_graph_store_path_and_its_budget_from_the_sqlite_section()
    {
        using var provider = Provider(new()
        {
            ["Graph:StorePath"] = _folder.File("graph.db"),
            ["Sqlite:PathSearchBudget"] = "1234",
        });

        // The port is the SQLite store wrapped in the metrics decorator (docs/observability.md), which holds this same instance.
        Assert.IsType<MeteredGraphStore>(provider.GetRequiredService<IGraphStore>());
        var store = provider.GetRequiredService<SqliteGraphStore>();
        var options = provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
        Assert.Equal((_folder.File("graph.db"), 1234), (options.Path, options.PathSearchBudget));
        Assert.Equal(_folder.File("graph.db"), store.Path);
    }

    [Fact]
    public void A_budget_out_of_range_is_refused_with_a_message_naming_the_setting()
    {
        using var provider = Provider(new()
        {
            ["Graph:StorePath"] = _folder.File("graph.db"),
            ["Sqlite:PathSearchBudget"] = "0",
        });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);

        Assert.Contains(e.Failures, f => f.Contains("PathSearchBudget", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddGraphService(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
