using GraphService.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace GraphService.Api.OpenApi;

/// <summary>The document's title and the conventions every operation shares (errors, ETags, limits, access control).</summary>
public sealed class DocumentDescription(IOptions<AuthOptions> auth) : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "GraphService API",
            Version = "v1",
            Description = """
                Evidence-backed answers to "how is X connected to Y?": every relationship in a result carries the verbatim quotes,
                documents, publishers and dates that support or dispute it.

                * Names: from, to, exclude and entity ids accept an id, a name or an alias; spelling variants resolve. An unknown
                  name is a 404 with `suggestions`, an ambiguous one a 409 with `candidates`.
                * Errors are application/problem+json (RFC 9457) with a stable `type` URI per kind (see docs/api.md).
                * Every /api answer has an ETag derived from the graph version and the request; send it back in If-None-Match
                  to get 304 while the graph is unchanged.
                * /api is rate limited per client IP (429 with Retry-After) and answers 503 with Retry-After while no graph is loaded.
                * A query parameter an endpoint does not take is a 400 (unknown-parameter) naming it and the known ones.
                * An answer larger than the server's cap is a 400 (response-too-large) that says how to ask for less.
                * When access control is on, /api needs a bearer token with the scope graph.read (401 without one, 403 without the scope).
                """,
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://graphservice.dev/license") },
            Contact = new OpenApiContact { Name = "GraphService", Url = new Uri("https://graphservice.dev") },
        };
        // Relative: the API is served from the host that serves this document, whatever address a client used.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document" }];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "Paths", Description = "How is X connected to Y: the k shortest paths, every link with its citations." },
            new() { Name = "Entities", Description = "People, organizations, places and events: search, detail, neighbourhood." },
            new() { Name = "Documents", Description = "The imported sources with their text and the spans that point into it." },
            new() { Name = "Citations", Description = "Verified quotes and the relationships they support or dispute." },
            new() { Name = "Schema", Description = "What the loaded graph holds." },
            new() { Name = "Health", Description = "Liveness and readiness probes." },
        };
        DescribeProblemExtensions(document);
        if (auth.Value.Mode == AuthMode.Jwt)
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = $"A JWT with the scope {AccessControl.ReadScope} (in its scope or scp claim).",
            };
            foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            {
                if (operation.Responses?.ContainsKey("401") == true)
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [AccessControl.ReadScope] }];
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The members the API adds to RFC 9457 problems, so clients (and validators) know them.</summary>
    private static void DescribeProblemExtensions(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue("ProblemDetails", out var found) || found is not OpenApiSchema problem)
        {
            return;
        }

        problem.Description = "An RFC 9457 problem. type is a stable URI per kind of problem (see docs/api.md).";
        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        problem.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Identifies the request in the server's logs." };
        problem.Properties["parameter"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "404 and 409: the parameter whose name did not resolve (from, to, exclude, id)." };
        problem.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "400: the messages for each bad parameter, by parameter name.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        problem.Properties["suggestions"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "404: the closest entities (id, name, type) or documents (their summaries).",
            Items = new OpenApiSchema { Type = JsonSchemaType.Object },
        };
        problem.Properties["candidates"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "409: the entities the name matches.",
            Items = new OpenApiSchemaReference("NodeView", document),
        };
        problem.Properties["known"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "400 unknown-parameter: the query parameters the endpoint takes.",
            Items = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        problem.Properties["maxMegabytes"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Number,
            Description = "400 response-too-large: the largest answer the server sends, in megabytes (Api:MaxResponseMegabytes).",
        };
        problem.Properties["supported"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "400 unsupported-format and 406: the formats or media types that are supported.",
            Items = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        problem.Properties["checks"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "/health/ready 503: each readiness check and why it failed.",
            Items = new OpenApiSchemaReference("HealthCheckAnswer", document),
        };
    }
}
