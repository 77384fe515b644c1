namespace GraphService.Core.Queries;

/// <summary>
/// The expected outcomes of a query, returned rather than thrown: the answer, a bad parameter, an unknown or
/// ambiguous name, or "no path". Hosts translate each case (HTTP status, exit code).
/// </summary>
public abstract record QueryOutcome<T>
{
    public sealed record Ok(T Value) : QueryOutcome<T>;

    public sealed record Invalid(IReadOnlyList<ParameterError> Errors) : QueryOutcome<T>;

    public sealed record Unresolved(Resolution Resolution, string Parameter) : QueryOutcome<T>;

    /// <summary>No document has the id; the documents whose id or title is closest are offered.</summary>
    public sealed record UnknownDocument(string Id, IReadOnlyList<DocumentSummary> Suggestions) : QueryOutcome<T>;
}
