using GraphService.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphService.Api.Http;

/// <summary>
/// Healthy when the store holds a graph and that graph is prepared, so the first query does not load it
/// (<see cref="GraphReadiness"/>). The description names no file path and no secret.
/// </summary>
public sealed class GraphStoreReadiness(GraphReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var answer = await readiness.CheckAsync(cancellationToken);
        return answer.Ready ? HealthCheckResult.Healthy(answer.Description) : HealthCheckResult.Unhealthy(answer.Description);
    }
}
