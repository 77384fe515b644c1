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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Featured.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Featured[i]))
            {
                yield return new ValidationResult($"{Section}:Featured:{i} is blank; name an entity by id, name or alias, or remove the item", [nameof(Featured)]);
            }
        }
    }
}
