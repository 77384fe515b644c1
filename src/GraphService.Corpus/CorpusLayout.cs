using System.Text.RegularExpressions;

namespace GraphService.Corpus;

/// <summary>The names of a corpus folder's files and the id rule they share (see docs/corpus-format.md).</summary>
internal static partial class CorpusLayout
{
    public const string CorpusFile = "corpus.yaml";
    public const string EntitiesFile = "entities.yaml";
    public const string ClaimsFile = "claims.yaml";
    public const string DocumentsFolder = "documents";
    public const string DocumentExtension = ".md";

    /// <summary>Entity and document ids: kebab-case slugs.</summary>
    public static bool IsSlug(string id) => Slug().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
