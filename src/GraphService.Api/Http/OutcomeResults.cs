using System.Diagnostics;
using GraphService.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GraphService.Api.Http;

/// <summary>Translates the core's expected query outcomes into HTTP answers: 200, 400, 404 with suggestions, 409 with candidates.</summary>
public static class OutcomeResults
{
    /// <summary>The answer (as JSON, or written as a report when one was negotiated), or the problem the outcome is.</summary>
    public static Results<Ok<T>, ContentHttpResult, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult> ToNegotiatedResult<T>(
        this QueryOutcome<T> outcome, HttpContext http, Func<T, ContentHttpResult>? report) =>
        outcome is QueryOutcome<T>.Ok ok && report is not null
            ? report(ok.Value)
            : outcome.ToResult(http).Result switch
            {
                Ok<T> value => value,
                BadRequest<ProblemDetails> invalid => invalid,
                NotFound<ProblemDetails> unknown => unknown,
                Conflict<ProblemDetails> ambiguous => ambiguous,
                var other => throw new UnreachableException($"Unexpected result {other.GetType().Name}"),
            };

    /// <summary>The answer as JSON, or the problem the outcome is.</summary>
    public static Results<Ok<T>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>> ToResult<T>(
        this QueryOutcome<T> outcome, HttpContext http) => outcome switch
        {
            QueryOutcome<T>.Ok ok => TypedResults.Ok(ok.Value),
            QueryOutcome<T>.Invalid invalid => TypedResults.BadRequest(Problems.InvalidParameters(http, invalid.Errors)),
            QueryOutcome<T>.Unresolved { Resolution: Resolution.Ambiguous ambiguous } u =>
                TypedResults.Conflict(Problems.AmbiguousName(http, u.Parameter, ambiguous)),
            QueryOutcome<T>.Unresolved { Resolution: Resolution.NotFound notFound } u =>
                TypedResults.NotFound(Problems.UnknownEntity(http, u.Parameter, notFound)),
            _ => throw new UnreachableException($"Unexpected query outcome {outcome.GetType().Name}"),
        };
}
