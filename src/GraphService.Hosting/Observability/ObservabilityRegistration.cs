using GraphService.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphService.Hosting.Observability;

/// <summary>Registers <see cref="GraphServiceMetrics"/> and wraps the store already registered in <see cref="MeteredGraphStore"/>.</summary>
public static class ObservabilityRegistration
{
    /// <summary>The <c>backend</c> label of the query metrics.</summary>
    public static string BackendLabel(GraphBackend backend) => backend switch
    {
        GraphBackend.Embedded => "sqlite",
        GraphBackend.Neo4j => "neo4j",
        _ => backend.ToString().ToLowerInvariant(),
    };

    /// <summary>Call after the store is registered: the last <see cref="IGraphStore"/> registration is the one wrapped.</summary>
    public static IServiceCollection AddGraphServiceMetrics(this IServiceCollection services, GraphBackend backend)
    {
        services.AddMetrics();
        services.TryAddSingleton<GraphServiceMetrics>();
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IGraphStore))
            ?? throw new InvalidOperationException("AddGraphServiceMetrics needs an IGraphStore registered before it.");
        services.Remove(store);
        var label = BackendLabel(backend);
        services.Add(ServiceDescriptor.Describe(
            typeof(IGraphStore),
            provider => new MeteredGraphStore(Create(store, provider), provider.GetRequiredService<GraphServiceMetrics>(), label),
            store.Lifetime));
        return services;
    }

    private static IGraphStore Create(ServiceDescriptor store, IServiceProvider provider) => (IGraphStore)(
        store.ImplementationInstance
        ?? store.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, store.ImplementationType!));
}
