namespace GraphService.Storage.Neo4j.Http;

/// <summary>
/// Runs Cypher against Neo4j. The store speaks only to this port, so that a Bolt-driver runner could replace the
/// HTTP one without touching the store or Core. Failures: <see cref="Core.Store.GraphStoreUnavailableException"/>
/// when Neo4j stays unreachable or transiently failing after the retries, <see cref="Neo4jAuthenticationException"/>
/// on rejected credentials, <see cref="Neo4jQueryException"/> for any other error Neo4j reports.
/// </summary>
internal interface ICypherRunner
{
    /// <summary>Runs one statement in its own (implicit) transaction; transient failures are retried.</summary>
    Task<CypherResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the statements in order in one explicit transaction and commits; any failure rolls everything back.
    /// A transient failure retries the whole unit from the start, never one statement inside it.
    /// </summary>
    Task RunInTransactionAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);
}
