using GraphService.Core.Store;
using GraphService.Storage.Neo4j.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphService.Storage.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Neo4jGraphStore"/> as the <see cref="IGraphStore"/>, with its typed HttpClient and
    /// <see cref="Neo4jOptions"/> bound from the section <c>Neo4j</c> and validated at start-up.
    /// </summary>
    public static IServiceCollection AddNeo4jGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<Neo4jOptions>()
            .Bind(configuration.GetSection(Neo4jOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<ICypherRunner, Neo4jQueryClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<Neo4jOptions>>().Value;
            http.BaseAddress = WithTrailingSlash(options.Uri!);
            http.Timeout = options.RequestTimeout;
        })
            // The store is a singleton holding this client, so connections are recycled by the handler instead of the factory.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<Neo4jGraphStore>(provider => new Neo4jGraphStore(
            provider.GetRequiredService<ICypherRunner>(),
            provider.GetRequiredService<IOptions<Neo4jOptions>>()));
        services.AddSingleton<IGraphStore>(provider => provider.GetRequiredService<Neo4jGraphStore>());
        return services;
    }

    /// <summary>Relative request paths resolve under the base address only when it ends with '/'.</summary>
    internal static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
