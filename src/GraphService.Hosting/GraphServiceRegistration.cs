using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Corpus;
using GraphService.Hosting.Observability;
using GraphService.Storage.Neo4j;
using GraphService.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphService.Hosting;

/// <summary>The one composition of GraphService, shared by the API, the CLI and the tests.</summary>
public static class GraphServiceRegistration
{
    /// <summary>The configuration section of <see cref="CorpusLimits"/>.</summary>
    public const string CorpusSection = "Corpus";

    /// <summary>
    /// Registers the configured store (Graph:Backend), the importer and the query semantics. Options are bound from
    /// <paramref name="configuration"/> and validated when the host starts.
    /// </summary>
    public static IServiceCollection AddGraphService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var backend = configuration.GetSection(GraphOptions.Section).GetValue(nameof(GraphOptions.Backend), GraphBackend.Embedded);
        switch (backend)
        {
            case GraphBackend.Embedded:
                // The file is Graph:StorePath (the setting the CLI's --store and the docs name); the section Sqlite holds the rest.
                services.AddSqliteGraphStore(configuration)
                    .Configure<IOptions<GraphOptions>>((sqlite, graph) => sqlite.Path = Path.GetFullPath(graph.Value.StorePath));
                break;
            case GraphBackend.Neo4j:
                services.AddNeo4jGraphStore(configuration);
                break;
            default:
                throw new OptionsValidationException(GraphOptions.Section, typeof(GraphOptions), [$"Graph:Backend '{backend}' is not one of Embedded, Neo4j"]);
        }

        // Query durations, truncated answers and the graph's size are measured around the store (docs/observability.md).
        services.AddGraphServiceMetrics(backend);

        // The importer's limits (file size, YAML depth, problems listed) are the Corpus section; defaults in CorpusLimits.
        services.AddOptions<CorpusLimits>()
            .Bind(configuration.GetSection(CorpusSection))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new CorpusImporter(sp.GetRequiredService<IOptions<CorpusLimits>>().Value));
        services.AddSingleton<CorpusImport>();
        services.AddSingleton<GraphQueries>();
        services.AddSingleton<GraphReadiness>();
        return services;
    }

    /// <summary>Adds the background import of Graph:ImportOnStart (for long-running hosts such as the API).</summary>
    public static IServiceCollection AddStartupImport(this IServiceCollection services)
    {
        services.AddHostedService<StartupImport>();
        return services;
    }
}
