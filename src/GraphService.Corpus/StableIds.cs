using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphService.Core.Domain;

namespace GraphService.Corpus;

/// <summary>
/// Ids and versions derived from content, so that importing the same corpus twice gives the same graph:
/// relationship and citation ids hash what identifies them (fields joined by U+001F, UTF-8, SHA-256, first 16 hex
/// digits), and the snapshot version hashes the whole snapshot in a canonical (sorted, compact JSON) form.
/// </summary>
public static class StableIds
{
    private const char Separator = '\u001F';

    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string RelationshipId(string subjectId, string predicate, string objectId) =>
        "r-" + ShortHash(string.Join(Separator, subjectId, predicate, objectId));

    public static string CitationId(string documentId, int start, int end, Stance stance) =>
        "c-" + ShortHash(string.Join(
            Separator,
            documentId,
            start.ToString(CultureInfo.InvariantCulture),
            end.ToString(CultureInfo.InvariantCulture),
            stance.ToWord()));

    /// <summary>
    /// "sha256:" and the hex SHA-256 of the snapshot serialised with an empty version. The snapshot's lists must already
    /// be in their canonical order (the importer sorts them), so equal graphs serialise equally.
    /// </summary>
    public static string VersionOf(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(snapshot with { Version = string.Empty }, Canonical);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
