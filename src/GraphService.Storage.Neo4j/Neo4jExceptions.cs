namespace GraphService.Storage.Neo4j;

/// <summary>
/// Neo4j refused the credentials (HTTP 401 or Neo.ClientError.Security.Unauthorized). This is a configuration error,
/// not an outage: retrying does not help, so a host should stop at start-up with this message.
/// </summary>
public sealed class Neo4jAuthenticationException : Exception
{
    public Neo4jAuthenticationException()
    {
    }

    public Neo4jAuthenticationException(string message)
        : base(message)
    {
    }

    public Neo4jAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Neo4j answered a statement with an error (a status that is not 2xx, or an <c>errors</c> array, which can come with 202
/// when the failure happens while results stream). <see cref="Code"/> is Neo4j's status code, e.g.
/// Neo.ClientError.Statement.SyntaxError; callers branch on it, never on the message.
/// </summary>
public sealed class Neo4jQueryException : Exception
{
    public Neo4jQueryException()
    {
        Code = "";
    }

    public Neo4jQueryException(string message)
        : base(message)
    {
        Code = "";
    }

    public Neo4jQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "";
    }

    public Neo4jQueryException(string code, string message, int httpStatus, string? statementName)
        : base($"{code}: {message}" + (statementName is null ? "" : $" (statement '{statementName}')"))
    {
        Code = code;
        HttpStatus = httpStatus;
        StatementName = statementName;
    }

    public string Code { get; }

    public int HttpStatus { get; }

    public string? StatementName { get; }

    /// <summary>Neo4j's classification: a transient error may succeed when retried.</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);
}
