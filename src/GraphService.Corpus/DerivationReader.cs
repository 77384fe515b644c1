using GraphService.Core.Domain;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus;

/// <summary>
/// Reads and checks the optional front-matter key <c>derived_from</c>: a list of document ids of this corpus or free-text
/// origin keys (<see cref="IndependentOrigins.IsDocumentReference"/>), and builds the corpus's
/// <see cref="IndependentOrigins"/> from the documents that were read.
/// </summary>
internal static class DerivationReader
{
    public const string Key = "derived_from";

    /// <summary>The items of <c>derived_from</c> with their lines; reports items that are not single text values.</summary>
    public static IReadOnlyList<(string Item, int Line)> ReadItems(YamlSource source, YamlRecord record)
    {
        var items = new List<(string Item, int Line)>();
        foreach (var node in record.List(Key)?.Children ?? [])
        {
            if (node is YamlScalarNode scalar && !YamlSource.IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                items.Add((scalar.Value.Trim(), source.LineOf(node)));
            }
            else
            {
                source.Report(node, $"each item of '{Key}' must be a document id or an origin key (a single text value)");
            }
        }

        return items;
    }

    /// <summary>
    /// Reports a <c>derived_from</c> item written as an id that names no document of the corpus, or the document itself
    /// (an origin key, being free text, is never wrong).
    /// </summary>
    public static void Check(IReadOnlyDictionary<string, LoadedDocument> documents, ProblemLog log)
    {
        foreach (var d in documents.Values)
        {
            foreach (var (item, line) in d.DerivedFrom.Where(i => IndependentOrigins.IsDocumentReference(i.Item)))
            {
                if (item == d.Id)
                {
                    log.Add(d.RelativePath, line, $"'{Key}' names the document itself ('{item}')");
                }
                else if (!documents.ContainsKey(item))
                {
                    log.Add(d.RelativePath, line, $"'{Key}' names a missing document '{item}': there is no documents/{item}.md (write an origin key that is not an id, such as \"AEI interrogation reports\", for a source outside the corpus)");
                }
            }
        }
    }

    /// <summary>The independent origins of the documents read.</summary>
    public static IndependentOrigins OriginsOf(IEnumerable<LoadedDocument> documents) =>
        IndependentOrigins.Of(documents
            .Where(d => d.Document is not null)
            .Select(d => new DocumentOrigin(d.Id, d.Document!.Publisher, [.. d.DerivedFrom.Select(i => i.Item)])));
}
