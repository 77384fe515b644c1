using System.ComponentModel.DataAnnotations;

namespace GraphService.Storage.Neo4j;

/// <summary>
/// Where and how to reach Neo4j's HTTP Query API; bound from the configuration section <c>Neo4j</c>
/// (for example <c>Neo4j__Uri=http://neo4j:7474</c>) and validated at start-up.
/// </summary>
public sealed class Neo4jOptions : IValidatableObject
{
    public const string SectionName = "Neo4j";

    /// <summary>The server's HTTP address, e.g. http://localhost:7474 (the Query API lives under /db/{database}/query/v2).</summary>
    [Required]
    public Uri? Uri { get; set; }

    /// <summary>Basic-auth user; leave empty only when the server runs with NEO4J_AUTH=none.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9.\\-]{0,62}$", ErrorMessage = "Database must be a Neo4j database name (letters, digits, dots, dashes).")]
    public string Database { get; set; } = "neo4j";

    /// <summary>How many times a transient failure (Neo.TransientError.*, 502/503/504, connection refused) is retried.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 3;

    /// <summary>The first retry delay; each further retry doubles it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>What callers are told to wait when Neo4j stays unreachable after the retries (HTTP Retry-After).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one HTTP request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows per UNWIND batch when importing.</summary>
    [Range(1, 50_000)]
    public int ImportBatchSize { get; set; } = 2_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Uri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Neo4j:Uri must be an absolute http:// or https:// address of the server's HTTP port (e.g. http://localhost:7474); bolt:// is not used.", [nameof(Uri)]);
        }

        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Neo4j:User and Neo4j:Password must be given together (or both left empty for a server without auth).", [nameof(User), nameof(Password)]);
        }

        if (RetryDelay < TimeSpan.Zero || RetryAfter <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Neo4j:RetryDelay must not be negative; RetryAfter and RequestTimeout must be positive.", [nameof(RetryDelay), nameof(RetryAfter), nameof(RequestTimeout)]);
        }
    }
}
