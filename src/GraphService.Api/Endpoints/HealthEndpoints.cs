using GraphService.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphService.Api.Endpoints;

/// <summary>
/// /health/live (the process answers) and /health/ready (the store has a graph, prepared), for orchestrators and load
/// balancers. Both run ASP.NET Core's health checks; neither is rate limited or cached.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static RouteGroupBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");

        group.MapGet("/live", Live)
            .WithName("Live")
            .WithSummary("200 while the process is up and answering");

        group.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("200 once the store holds a graph and has prepared it (index built); 503 problem+json (with Retry-After) until then, while the store is unreachable, or when a start-up import failed and there is no graph to serve")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    public static async Task<Ok<HealthAnswer>> Live(HealthCheckService health, CancellationToken cancellationToken)
    {
        // No check is tagged "live": the process answering is the check.
        var report = await health.CheckHealthAsync(r => r.Tags.Contains("live"), cancellationToken);
        return TypedResults.Ok(HealthAnswer.From(report));
    }

    public static async Task<Results<Ok<HealthAnswer>, ProblemHttpResult>> Ready(
        HealthCheckService health, HttpContext http, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(ReadyTag), cancellationToken);
        var answer = HealthAnswer.From(report);
        if (report.Status == HealthStatus.Healthy)
        {
            return TypedResults.Ok(answer);
        }

        var detail = string.Join(" ", answer.Checks.Where(c => c.Status != nameof(HealthStatus.Healthy)).Select(c => $"{c.Name}: {c.Description}"));
        var problem = Problems.Create(http, StatusCodes.Status503ServiceUnavailable, ProblemTypes.StoreUnavailable, "Not ready", detail);
        problem.Extensions["checks"] = answer.Checks;
        http.Response.Headers.RetryAfter = StoreUnavailableHandler.DefaultRetryAfterSeconds;
        return TypedResults.Problem(problem);
    }
}

/// <summary>
/// The body of a health answer: the overall status and each check's. A check that threw is described by the kind of
/// failure only: an exception's message may name a file or a server (the health check service logs it in full).
/// </summary>
public sealed record HealthAnswer(string Status, IReadOnlyList<HealthCheckAnswer> Checks)
{
    public static HealthAnswer From(HealthReport report) => new(
        report.Status.ToString(),
        [.. report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new HealthCheckAnswer(e.Key, e.Value.Status.ToString(), Describe(e.Value)))]);

    private static string? Describe(HealthReportEntry entry) =>
        entry.Exception is { } e ? $"the check failed ({e.GetType().Name}); the details are in the log" : entry.Description;
}

public sealed record HealthCheckAnswer(string Name, string Status, string? Description);
