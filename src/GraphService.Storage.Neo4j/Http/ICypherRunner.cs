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
    /// A transient failure retries the whole unit from the start, never one statement inside it. The statements are
    /// enumerated once per attempt and each is sent once the next is known, so that they can be made as they are sent;
    /// the enumerable must give the same statements every time.
    /// </summary>
    Task RunInTransactionAsync(IEnumerable<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="unit"/> as one read transaction: every statement it runs through the
    /// <see cref="IReadTransaction"/> shares that transaction, so that a check made by the first statement and repeated by the
    /// last covers everything read in between. The transaction ends with <see cref="IReadTransaction.CommitAsync"/>; a unit
    /// that returns without committing, or fails, is rolled back. A transient failure runs the whole unit again in a new
    /// transaction, so the unit must not keep state between runs.
    /// </summary>
    Task<T> RunReadAsync<T>(Func<IReadTransaction, CancellationToken, Task<T>> unit, CancellationToken cancellationToken);
}

/// <summary>One open read transaction of <see cref="ICypherRunner.RunReadAsync{T}"/>.</summary>
internal interface IReadTransaction
{
    /// <summary>Runs a statement in the transaction (the first one opens it).</summary>
    Task<CypherResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken);

    /// <summary>Runs the last statement and commits with it, in one request; nothing may run afterwards.</summary>
    Task<CypherResult> CommitAsync(CypherStatement statement, CancellationToken cancellationToken);
}
