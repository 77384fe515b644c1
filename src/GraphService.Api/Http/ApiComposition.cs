using System.Globalization;
using System.Threading.RateLimiting;
using GraphService.Api.Endpoints;
using GraphService.Api.OpenApi;
using GraphService.Hosting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GraphService.Api.Http;

/// <summary>The pieces Program.cs composes, one method per concern, each configured from its own validated section.</summary>
public static class ApiComposition
{
    public const string RateLimitPolicy = "per-client";

    public static IServiceCollection AddApiOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CrossOriginOptions>().Bind(configuration.GetSection(CrossOriginOptions.Section)).ValidateOnStart();
        services.AddOptions<ExplorerOptions>().Bind(configuration.GetSection(ExplorerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>No Server header, and Kestrel's own request limits as a backstop behind <see cref="RequestSizeLimits"/>.</summary>
    public static IServiceCollection AddKestrelLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) => RequestSizeLimits.ConfigureKestrel(kestrel, api.Value));
        return services;
    }

    /// <summary>
    /// Relative Graph:StorePath and Graph:ImportOnStart are taken from the content root (the project folder under
    /// <c>dotnet run --project</c>, whatever the caller's current directory; the app folder when published), so the same
    /// appsettings.json finds the repository's data/ folder however the API is started.
    /// </summary>
    public static IServiceCollection ResolveGraphPathsFrom(this IServiceCollection services, string contentRoot)
    {
        services.PostConfigure<GraphOptions>(o =>
        {
            o.StorePath = Path.GetFullPath(o.StorePath, contentRoot);
            if (!string.IsNullOrWhiteSpace(o.ImportOnStart))
            {
                o.ImportOnStart = Path.GetFullPath(o.ImportOnStart, contentRoot);
            }
        });
        return services;
    }

    public static IServiceCollection AddGraphProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            problem.Instance ??= ctx.HttpContext.Request.Path;
            // Problems ASP.NET Core writes itself (unmatched routes, unhandled exceptions) get the API's own type URIs.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = problem.Status switch
                {
                    StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
                    StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
                    StatusCodes.Status404NotFound => ProblemTypes.NotFound,
                    StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
                    StatusCodes.Status500InternalServerError => ProblemTypes.InternalError,
                    _ => problem.Type,
                };
                if (problem.Status == StatusCodes.Status500InternalServerError)
                {
                    problem.Detail = "The server failed to answer this request. Quote the traceId when reporting it.";
                }
                else if (problem.Status == StatusCodes.Status404NotFound)
                {
                    problem.Detail ??= "No endpoint answers this path; /openapi/v1.json lists them all.";
                }
                else if (problem.Status == StatusCodes.Status405MethodNotAllowed)
                {
                    // Routing lists the mapped methods; HEAD is answered wherever GET is (HeadRequests).
                    var allow = ctx.HttpContext.Response.Headers.Allow.ToString();
                    if (allow.Contains(HttpMethods.Get, StringComparison.Ordinal) && !allow.Contains(HttpMethods.Head, StringComparison.Ordinal))
                    {
                        ctx.HttpContext.Response.Headers.Allow = allow + ", " + HttpMethods.Head;
                    }

                    problem.Detail ??= $"This path does not answer {ctx.HttpContext.Request.Method}; the Allow header lists the methods it answers (GET and HEAD).";
                }
            }
        });
        services.AddExceptionHandler<StoreUnavailableHandler>();
        // Binding failures become BadHttpRequestException, answered 400 problem+json by StoreUnavailableHandler, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static IServiceCollection AddPerClientRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<object, PerClientRateLimitPolicy>(RateLimitPolicy);
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : limits.WindowSeconds;
                http.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
                var problem = Problems.Create(http, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited, "Too many requests",
                    $"This client may make {limits.PermitLimit} requests per {limits.WindowSeconds} seconds. Retry after {http.Response.Headers.RetryAfter} seconds.");
                await Problems.WriteAsync(http, problem);
            };
        });
        return services;
    }

    public static IServiceCollection AddGraphRequestTimeouts(this IServiceCollection services)
    {
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ApiOptions>>((o, api) => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(api.Value.RequestTimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = async http =>
            {
                var problem = Problems.Create(http, StatusCodes.Status504GatewayTimeout, ProblemTypes.RequestTimeout, "Request timed out",
                    $"The query did not finish within {api.Value.RequestTimeoutSeconds} seconds. Narrow it (fewer hops, fewer paths, relationship types).");
                await Problems.WriteAsync(http, problem);
            },
        });
        return services;
    }

    public static IServiceCollection AddConfiguredCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, settings) =>
        {
            var origins = settings.Value.AllowedOrigins;
            if (origins.Count == 0)
            {
                return;
            }

            cors.AddDefaultPolicy(policy =>
            {
                if (origins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. origins]);
                }

                policy.WithMethods("GET", "HEAD").AllowAnyHeader().WithExposedHeaders("ETag", "Retry-After", "WWW-Authenticate");
            });
        });
        return services;
    }

    public static IServiceCollection AddGraphResponseCaching(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<GraphStatusMonitor>();
        services.AddSingleton<GraphResponseCache>();
        return services;
    }

    public static IServiceCollection AddGraphHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<GraphStoreReadiness>("graph-store", tags: [HealthEndpoints.ReadyTag]);
        services.AddHostedService<GraphVersionAnnouncement>();

        // Readiness waits for warm-up requests through the pipeline once a graph is prepared (PipelineWarmUp).
        services.AddSingleton<IGraphWarmUp, PipelineWarmUp>();
        return services;
    }

    public static IServiceCollection AddGraphOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<DocumentDescription>();
            o.AddOperationTransformer<ParameterDocumentation>();
            o.AddOperationTransformer<ProblemResponseDocumentation>();
        });
        return services;
    }

    /// <summary>
    /// The /api group: readers only (when Auth is on), rate limited per client, unknown parameters refused, answered only
    /// with a graph loaded, cached and ETagged by graph version, within the response cap.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .RequireAccess(app, AccessControl.ReadPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter<UnknownParameters>()
            .AddEndpointFilter<GraphResponseCaching>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        if (app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.Mode == AuthMode.Jwt)
        {
            api.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        }

        api.WithMetadata(new NotModifiedResponse());
        return api;
    }
}

/// <summary>Marks endpoints that answer 304 to a matching If-None-Match, for the OpenAPI document.</summary>
public sealed record NotModifiedResponse;
