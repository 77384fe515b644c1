namespace GraphService.Cli;

/// <summary>The CLI's exit codes (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Nothing found: an unknown or ambiguous entity, or no path within the limits.</summary>
    public const int NothingFound = 1;

    /// <summary>Invalid input: a bad option value, or any corpus validation failure.</summary>
    public const int InvalidInput = 2;

    /// <summary>The store cannot answer: it is empty, unreadable, or the Neo4j server is unreachable.</summary>
    public const int StoreUnavailable = 3;
}
