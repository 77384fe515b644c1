using System.Diagnostics;
using GraphService.Core.Queries;
using Microsoft.AspNetCore.Mvc;

namespace GraphService.Api.Http;

/// <summary>
/// Builds the problem+json bodies (RFC 9457) of the expected outcomes. Each carries a stable type URI, a detail a
/// person can act on, the request path as instance and the trace id, like the problems ASP.NET Core writes itself.
/// </summary>
public static class Problems
{
    public static ProblemDetails InvalidParameters(HttpContext http, IReadOnlyList<ParameterError> errors)
    {
        var problem = Create(http, StatusCodes.Status400BadRequest, ProblemTypes.InvalidParameter, "Invalid parameter",
            string.Join(" ", errors.Select(e => EndWithStop(e.Message))));
        problem.Extensions["errors"] = errors
            .GroupBy(e => e.Parameter, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return problem;
    }

    public static ProblemDetails UnknownParameters(HttpContext http, IReadOnlyList<string> unknown, IReadOnlyList<string> known)
    {
        var takes = known.Count == 0 ? "takes no query parameters" : $"takes {string.Join(", ", known)}";
        var problem = Create(http, StatusCodes.Status400BadRequest, ProblemTypes.UnknownParameter, "Unknown parameter",
            $"{http.Request.Path} does not know {string.Join(", ", unknown)}; it {takes}.");
        problem.Extensions["errors"] = unknown.ToDictionary(u => u, u => new[] { $"unknown parameter '{u}'; {http.Request.Path} {takes}" }, StringComparer.Ordinal);
        problem.Extensions["known"] = known;
        return problem;
    }

    /// <summary>
    /// 400, not 413 (which is about a request's content): the request is valid but asks for more than the server sends
    /// in one answer, and only the client can change that, by asking for less.
    /// </summary>
    public static ProblemDetails ResponseTooLarge(HttpContext http, double maxMegabytes)
    {
        var limit = maxMegabytes.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var problem = Create(http, StatusCodes.Status400BadRequest, ProblemTypes.ResponseTooLarge, "Response too large",
            $"The answer would be larger than {limit} MB, the most this server sends at once. Ask for less: fewer paths or hops " +
            "(k, maxHops), a smaller neighbourhood (depth, limit) or fewer relationship types (types), or page through the " +
            "results (limit and offset; a document's pages).");
        problem.Extensions["maxMegabytes"] = maxMegabytes;
        return problem;
    }

    public static ProblemDetails UnknownEntity(HttpContext http, string parameter, Resolution.NotFound notFound)
    {
        var detail = $"No entity is known by '{notFound.Text}' (parameter {parameter}).";
        if (notFound.Suggestions.Count > 0)
        {
            detail += $" Did you mean {string.Join(", ", notFound.Suggestions.Select(s => $"{s.Name} ({s.Id})"))}?";
        }

        var problem = Create(http, StatusCodes.Status404NotFound, ProblemTypes.UnknownEntity, "Unknown entity", detail);
        problem.Extensions["parameter"] = parameter;
        problem.Extensions["suggestions"] = notFound.Suggestions;
        return problem;
    }

    public static ProblemDetails AmbiguousName(HttpContext http, string parameter, Resolution.Ambiguous ambiguous)
    {
        var detail = $"'{ambiguous.Text}' (parameter {parameter}) names {ambiguous.Candidates.Count} entities: " +
                     $"{string.Join(", ", ambiguous.Candidates.Select(c => $"{c.Name} ({c.Id})"))}. Use an id or a longer name.";
        var problem = Create(http, StatusCodes.Status409Conflict, ProblemTypes.AmbiguousName, "Ambiguous name", detail);
        problem.Extensions["parameter"] = parameter;
        problem.Extensions["candidates"] = ambiguous.Candidates;
        return problem;
    }

    public static ProblemDetails UnknownDocument(HttpContext http, string id, IReadOnlyList<DocumentSummary> suggestions)
    {
        var detail = $"No document has the id '{id}'.";
        if (suggestions.Count > 0)
        {
            detail += $" Did you mean {string.Join(", ", suggestions.Select(s => s.Id))}?";
        }

        var problem = Create(http, StatusCodes.Status404NotFound, ProblemTypes.UnknownDocument, "Unknown document", detail);
        problem.Extensions["suggestions"] = suggestions;
        return problem;
    }

    public static ProblemDetails UnknownCitation(HttpContext http, string id) =>
        Create(http, StatusCodes.Status404NotFound, ProblemTypes.UnknownCitation, "Unknown citation",
            $"No citation has the id '{id}'. Citation ids appear in path and neighbourhood results " +
            "(relationships[].citations[].id) and in a document's citation spans (citations[].refId).");

    public static ProblemDetails Create(HttpContext http, int status, string? type, string title, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = type,
            Title = title,
            Detail = detail,
            Instance = http.Request.Path,
        };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        return problem;
    }

    /// <summary>Sends <paramref name="problem"/> as the answer, from middleware and callbacks that have no endpoint result to return.</summary>
    public static ValueTask WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = http, ProblemDetails = problem });
    }

    private static string EndWithStop(string message) => message.EndsWith('.') ? message : message + ".";
}
