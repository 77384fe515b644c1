using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphService.Api.OpenApi;

/// <summary>The document's title and the conventions every operation shares (errors, ETags, limits).</summary>
public sealed class DocumentDescription : IOpenApiDocumentTransformer
{
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
