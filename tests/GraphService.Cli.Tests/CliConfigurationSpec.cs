using GraphService.Hosting;
using GraphService.Storage.Sqlite;
using GraphService.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphService.Cli.Tests;

/// <summary>
/// A CLI process answers one query, so by default it does not copy every relationship's evidence into memory when it
/// loads the graph (the API does); a GRAPHSERVICE_ variable can still turn that on, as it can any other setting.
/// </summary>
public sealed class CliConfigurationSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void By_default_the_cli_reads_evidence_from_the_file_and_the_store_file_is_the_one_given()
    {
        var options = StoreOptions(new Dictionary<string, string?>());

        Assert.False(options.EvidenceInMemory);
        Assert.Equal(_dir.File("graph.db"), options.Path);
    }

    [Fact]
    public void An_environment_setting_turns_evidence_in_memory_back_on()
    {
        var options = StoreOptions(new Dictionary<string, string?> { ["Sqlite:EvidenceInMemory"] = "true" });

        Assert.True(options.EvidenceInMemory);
    }

    [Fact]
    public void The_api_composition_keeps_evidence_in_memory_by_default()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:StorePath"] = _dir.File("graph.db") })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddGraphService(configuration).BuildServiceProvider();

        Assert.True(services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.EvidenceInMemory);
    }

    public void Dispose() => _dir.Dispose();

    private SqliteStoreOptions StoreOptions(Dictionary<string, string?> environment)
    {
        var configuration = GraphCli.Configuration(_dir.File("graph.db"), new ConfigurationBuilder().AddInMemoryCollection(environment).Build());
        using var services = new ServiceCollection().AddLogging().AddGraphService(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
    }
}
