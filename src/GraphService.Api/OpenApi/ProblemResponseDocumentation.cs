using System.Text.Json.Nodes;
using GraphService.Api.Http;
using GraphService.Reports;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphService.Api.OpenApi;

/// <summary>
/// Makes the documented responses match what is sent: error bodies as application/problem+json with an example of
/// each kind, Retry-After on 429 and 503, the ETag header on 200, and the 304 answer to a matching If-None-Match.
/// </summary>
public sealed class ProblemResponseDocumentation : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is null)
        {
            return Task.CompletedTask;
        }

        var route = context.Description.RelativePath ?? string.Empty;
        var conditional = context.Description.ActionDescriptor.EndpointMetadata.OfType<NotModifiedResponse>().Any();
        var reports = context.Description.ActionDescriptor.EndpointMetadata.OfType<ReportResponses>().Any();
        foreach (var (code, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete || !int.TryParse(code, out var status))
            {
                continue;
            }

            if (status >= 400)
            {
                DocumentProblem(concrete, status, route);
            }
            else if (status == 200 && conditional)
            {
                if (reports && concrete.Content is { } content)
                {
                    foreach (var format in ReportFormats.All.Where(f => f.Negotiable))
                    {
                        content[format.MediaType] = new OpenApiMediaType
                        {
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = $"The answer as a {format.Name} report (?format={format.Name})." },
                        };
                    }
                }

                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["ETag"] = Header("Identifies this answer for this graph version; send it back in If-None-Match.");
                concrete.Headers["Cache-Control"] = Header("no-cache: revalidate with If-None-Match, which costs nothing while the graph is unchanged.");
            }
        }

        if (conditional)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "An ETag from an earlier answer; 304 Not Modified while it still matches.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses["304"] = new OpenApiResponse
            {
                Description = "Not Modified: the If-None-Match ETag matches the current graph version's answer.",
                Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Header("The matching ETag.") },
            };
        }

        return Task.CompletedTask;
    }

    private static void DocumentProblem(OpenApiResponse response, int status, string route)
    {
        if (response.Content is { } content)
        {
            // Typed results declare application/json; problem bodies are sent as application/problem+json.
            if (content.Remove("application/json", out var media) && !content.ContainsKey(ProblemJson))
            {
                content[ProblemJson] = media;
            }

            if (content.TryGetValue(ProblemJson, out var problem) && problem is OpenApiMediaType concreteMedia)
            {
                concreteMedia.Example = ExampleOf(status, route);
            }
        }

        response.Description = status switch
        {
            400 => "Bad Request: a parameter is malformed, out of range or unknown (errors names each one and what is allowed; known lists " +
                   "the parameters an endpoint takes), or the answer would be larger than the response cap (response-too-large: ask for less).",
            401 => "Unauthorized: no bearer token, or one that is expired, badly signed or for another audience (WWW-Authenticate: Bearer).",
            403 => "Forbidden: the bearer token does not grant the scope graph.read.",
            404 => "Not Found: nothing is known by that id or name; suggestions lists the closest.",
            406 => "Not Acceptable: no representation matches the Accept header; supported lists the media types.",
            409 => "Conflict: the name matches several entities; candidates lists them.",
            429 => "Too Many Requests: this client's rate limit is used up; retry after Retry-After seconds.",
            500 => "Internal Server Error: the server failed; the body carries a traceId and no internals.",
            503 => "Service Unavailable: no graph is loaded yet or the store is unreachable; retry after Retry-After seconds.",
            504 => "Gateway Timeout: the query ran past the request time limit.",
            _ => response.Description,
        };
        if (status is 429 or 503)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = Header(status == 429 ? "Seconds left in the current rate-limit window." : "Seconds to wait before retrying.");
        }

        if (status == 401)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["WWW-Authenticate"] = Header("Bearer, with error=\"invalid_token\" when a token was sent but refused.");
        }
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static JsonNode ExampleOf(int status, string route) => status switch
    {
        400 => Problem(ProblemTypes.InvalidParameter, "Invalid parameter", 400, "maxHops must be between 1 and 6 (default 4); got 9.",
            new JsonObject { ["errors"] = new JsonObject { ["maxHops"] = new JsonArray("maxHops must be between 1 and 6 (default 4); got 9") } }),
        404 when route.StartsWith("api/documents", StringComparison.Ordinal) =>
            Problem(ProblemTypes.UnknownDocument, "Unknown document", 404, "No document has the id 'reuter-2010'. Did you mean reuters-2010?",
                new JsonObject { ["suggestions"] = new JsonArray() }),
        404 when route.StartsWith("api/citations", StringComparison.Ordinal) =>
            Problem(ProblemTypes.UnknownCitation, "Unknown citation", 404, "No citation has the id 'c-999'.", []),
        404 => Problem(ProblemTypes.UnknownEntity, "Unknown entity", 404, "No entity is known by 'Khazaly' (parameter from). Did you mean Qais al-Khazali (qais-al-khazali)?",
            new JsonObject
            {
                ["parameter"] = "from",
                ["suggestions"] = new JsonArray(new JsonObject { ["id"] = "qais-al-khazali", ["name"] = "Qais al-Khazali", ["type"] = "Person" }),
            }),
        409 => Problem(ProblemTypes.AmbiguousName, "Ambiguous name", 409, "'Hakim' (parameter to) names 2 entities: … Use an id or a longer name.",
            new JsonObject
            {
                ["parameter"] = "to",
                ["candidates"] = new JsonArray(
                    new JsonObject { ["id"] = "ammar-al-hakim", ["name"] = "Ammar al-Hakim", ["type"] = "Person" },
                    new JsonObject { ["id"] = "muhammad-baqir-al-hakim", ["name"] = "Muhammad Baqir al-Hakim", ["type"] = "Person" }),
            }),
        401 => Problem(ProblemTypes.Unauthorized, "Unauthorized", 401, "This endpoint needs a bearer token (Authorization: Bearer …) with the scope graph.read.", []),
        403 => Problem(ProblemTypes.Forbidden, "Forbidden", 403, "The bearer token is valid but does not grant the scope graph.read.", []),
        406 => Problem(ProblemTypes.NotAcceptable, "Not acceptable", 406, "No representation matches Accept: application/pdf. Supported media types: application/json, text/markdown, ….",
            new JsonObject { ["supported"] = new JsonArray("application/json", "text/markdown", "text/html", "image/svg+xml") }),
        429 => Problem(ProblemTypes.RateLimited, "Too many requests", 429, "This client may make 600 requests per 60 seconds. Retry after 12 seconds.", []),
        503 => Problem(ProblemTypes.StoreUnavailable, "Store unavailable", 503, "The graph store cannot answer now (no graph loaded yet, or the backend is unreachable). Retry after 5 seconds.", []),
        504 => Problem(ProblemTypes.RequestTimeout, "Request timed out", 504, "The query did not finish within 30 seconds.", []),
        _ => Problem(ProblemTypes.InternalError, "An error occurred while processing your request.", status, "The server failed to answer this request. Quote the traceId when reporting it.", []),
    };

    private static JsonObject Problem(string type, string title, int status, string detail, JsonObject extensions)
    {
        var body = new JsonObject
        {
            ["type"] = type,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = "/api/paths",
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        foreach (var (name, value) in extensions.ToList())
        {
            extensions.Remove(name);
            body[name] = value;
        }

        return body;
    }
}
