using GraphService.Core.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphService.Api.Http;

/// <summary>Healthy when the store holds a graph. An unreachable store throws, which the health check service reports as unhealthy.</summary>
public sealed class GraphStoreReadiness(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await store.GetStatusAsync(cancellationToken);
        return status.Ready
            ? HealthCheckResult.Healthy($"{status.Backend} store holds graph {status.GraphVersion}: {status.Entities} entities, {status.Relationships} relationships, {status.Documents} documents")
            : HealthCheckResult.Unhealthy($"{status.Backend} store has no graph loaded yet{(status.Detail is null ? string.Empty : $" ({status.Detail})")}");
    }
}
