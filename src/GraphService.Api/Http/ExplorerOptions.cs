using System.ComponentModel.DataAnnotations;

namespace GraphService.Api.Http;

/// <summary>
/// The "Explorer" section: what the web explorer offers beyond the graph itself. The starting points are configuration,
/// not code, because they belong to the corpus being served (appsettings.json names the sample corpus's four people).
/// </summary>
public sealed class ExplorerOptions : IValidatableObject
{
    public const string Section = "Explorer";

    /// <summary>
    /// Entities (ids, names or aliases, resolved as /api/paths resolves from and to) that the start page highlights as
    /// starting points. A name this graph does not know is listed in the overview's featuredUnresolved, not an error.
    /// </summary>
    public IReadOnlyList<string> Featured { get; set; } = [];

    /// <summary>
    /// Where analysts reach Neo4j Browser (for example http://localhost:7474/browser/); when set, the explorer offers
    /// "Open in Neo4j Browser" with the answer's reproducing Cypher pre-filled. Empty: the link is not offered.
    /// </summary>
    public string? Neo4jBrowserUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Neo4jBrowserUrl) &&
            !(Uri.TryCreate(Neo4jBrowserUrl, UriKind.Absolute, out var browser) && (browser.Scheme == Uri.UriSchemeHttp || browser.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"{Section}:Neo4jBrowserUrl '{Neo4jBrowserUrl}' is not an absolute http or https URL", [nameof(Neo4jBrowserUrl)]);
        }

        for (var i = 0; i < Featured.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Featured[i]))
            {
                yield return new ValidationResult($"{Section}:Featured:{i} is blank; name an entity by id, name or alias, or remove the item", [nameof(Featured)]);
            }
        }
    }
}
