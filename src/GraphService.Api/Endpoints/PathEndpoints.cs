using GraphService.Api.Http;
using GraphService.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GraphService.Api.Endpoints;

/// <summary>/api/paths — "how is X connected to Y?", with every link's citations.</summary>
public static class PathEndpoints
{
    public static RouteGroupBuilder MapPathEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/paths").WithTags("Paths");

        group.MapGet("", FindPaths)
            .WithName("FindPaths")
            .WithSummary("Find the k shortest cited paths between two entities")
            .WithDescription("from and to accept an entity id, name or alias (spelling variants resolve). Paths are ordered shortest " +
                             "first, then by the strength of their weakest link. Every relationship carries the quotes that support it.")
            .WithMetadata(PathRequest.Catalog, new ReportResponses())
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        return group;
    }

    public static async Task<Results<Ok<PathResult>, ContentHttpResult, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> FindPaths(
        [AsParameters] PathRequest request, GraphQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var from = reader.RequiredText(PathRequest.FromParameter, request.From);
        var to = reader.RequiredText(PathRequest.ToParameter, request.To);
        var maxHops = reader.Integer(QueryLimits.MaxHops, request.MaxHops);
        var k = reader.Integer(QueryLimits.K, request.K);
        var types = GraphQueries.List(request.Types);
        var direction = reader.Choice(PathRequest.DirectionParameter, request.Direction, TraversalDirection.Any);
        var minConfidence = reader.Number(PathRequest.MinConfidenceParameter, request.MinConfidence, 0);
        var exclude = GraphQueries.List(request.Exclude);
        var asOf = reader.Date(PathRequest.AsOfParameter, request.AsOf);
        var contested = reader.Choice(PathRequest.ContestedParameter, request.Contested, ContestedFilter.Include);
        if (reader.HasErrors)
        {
            return TypedResults.BadRequest(Problems.InvalidParameters(http, reader.Errors));
        }

        if (!ReportNegotiation.TryChoose(http, request.Format, out var report, out var refusal))
        {
            return refusal!;
        }

        var outcome = await queries.PathsAsync(from, to, (fromId, toId) => new PathQuery(fromId, toId)
        {
            MaxHops = maxHops,
            K = k,
            Types = types,
            Direction = direction,
            MinConfidence = minConfidence,
            Exclude = exclude,
            AsOf = asOf,
            Contested = contested,
        }, cancellationToken);
        return outcome.ToNegotiatedResult(http, report is { } format ? r => ReportNegotiation.Write(r, format) : null);
    }
}

/// <summary>The query string of /api/paths, bound as text so that a malformed value is answered by name, never by a binder error.</summary>
public sealed class PathRequest
{
    public static readonly QueryParameter FromParameter = new("from", "the start entity: an id, a name or an alias") { Required = true, Example = "Khazali" };
    public static readonly QueryParameter ToParameter = new("to", "the end entity: an id, a name or an alias") { Required = true, Example = "al-Ameri" };

    public static readonly QueryParameter MaxHopsParameter = QueryParameter.Integer(QueryLimits.MaxHops, "the longest path, in relationships");
    public static readonly QueryParameter KParameter = QueryParameter.Integer(QueryLimits.K, "how many paths to return at most");

    public static readonly QueryParameter TypesParameter = new("types",
        "comma-separated relationship types to follow (see /api/schema), case-insensitive; empty follows all") { Example = "LEADS,COMMANDS,MEMBER_OF" };

    public static readonly QueryParameter DirectionParameter = QueryParameter.Choice("direction", ["any", "out", "in"], "any",
        "which way relationships may be followed: as written (out), against (in), or either (any)");

    public static readonly QueryParameter MinConfidenceParameter = new("minConfidence", "only relationships with at least this confidence")
    {
        Type = ParameterType.Number,
        Minimum = 0,
        Maximum = 1,
        Default = "0",
    };

    public static readonly QueryParameter ExcludeParameter = new("exclude",
        "comma-separated entities (ids, names or aliases) no path may pass through, for example a hub to route around");

    public static readonly QueryParameter AsOfParameter = new("asOf",
        "only relationships that may have held on this date. YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its first day (2007 = 2007-01-01)")
    {
        Pattern = @"^\d{4}(-\d{2}(-\d{2})?)?$",
        Example = "2010",
    };

    public static readonly QueryParameter ContestedParameter = QueryParameter.Choice("contested", ["include", "exclude"], "include",
        "whether relationships that some citation disputes may appear");

    public static ParameterCatalog Catalog { get; } = new([
        FromParameter, ToParameter, MaxHopsParameter, KParameter, TypesParameter, DirectionParameter, MinConfidenceParameter,
        ExcludeParameter, AsOfParameter, ContestedParameter, ReportNegotiation.FormatParameter,
    ]);

    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    [FromQuery(Name = "maxHops")]
    public string? MaxHops { get; init; }

    [FromQuery(Name = "k")]
    public string? K { get; init; }

    [FromQuery(Name = "types")]
    public string? Types { get; init; }

    [FromQuery(Name = "direction")]
    public string? Direction { get; init; }

    [FromQuery(Name = "minConfidence")]
    public string? MinConfidence { get; init; }

    [FromQuery(Name = "exclude")]
    public string? Exclude { get; init; }

    [FromQuery(Name = "asOf")]
    public string? AsOf { get; init; }

    [FromQuery(Name = "contested")]
    public string? Contested { get; init; }

    [FromQuery(Name = "format")]
    public string? Format { get; init; }
}
