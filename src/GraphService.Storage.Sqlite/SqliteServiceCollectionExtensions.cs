using GraphService.Core.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphService.Storage.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteGraphStore"/> as the <see cref="IGraphStore"/>, with <see cref="SqliteStoreOptions"/>
    /// bound from the section <c>Sqlite</c> and validated at start-up. The returned builder lets the composition supply
    /// what the section leaves out (for example the file path from its own setting).
    /// </summary>
    public static OptionsBuilder<SqliteStoreOptions> AddSqliteGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<SqliteStoreOptions>()
            .Bind(configuration.GetSection(SqliteStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => new SqliteGraphStore(provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
        services.AddSingleton<IGraphStore>(provider => provider.GetRequiredService<SqliteGraphStore>());
        return options;
    }
}
