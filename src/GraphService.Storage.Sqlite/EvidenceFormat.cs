using System.Buffers;
using System.Text;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// What the index leaves out of one relationship: its dates as written, its publishers and its citations. A struct: a
/// neighbourhood decodes hundreds of rows, and each row's parts go straight into its view.
/// </summary>
internal readonly record struct PackedEvidence(string? Since, string? Until, int Publishers, CitationView[] Citations);

/// <summary>
/// The bytes of one <c>relationship_evidence</c> row, written at import so that hydrating a relationship is one
/// rowid lookup, in the <see cref="PackedRow"/> encoding:
/// publishers, since, until, the number of citations, then per citation its id, document id, quote, start, end and
/// stance word. A citation shared by several relationships is repeated in each row (the citations table keeps the
/// one copy that document pages and citation lookups read).
/// </summary>
internal static class EvidenceFormat
{
    public static void Encode(Relationship relationship, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        PackedRow.Number(output, relationship.Publishers);
        PackedRow.Text(output, relationship.Since?.ToString());
        PackedRow.Text(output, relationship.Until?.ToString());
        PackedRow.Number(output, relationship.Citations.Count);
        foreach (var c in relationship.Citations)
        {
            PackedRow.Text(output, c.Id);
            PackedRow.Text(output, c.DocumentId);
            PackedRow.Text(output, c.Quote);
            PackedRow.Number(output, c.Start);
            PackedRow.Number(output, c.End);
            PackedRow.Text(output, c.Stance.ToWord());
        }
    }

    /// <summary>
    /// Decodes a row; every cited document must be one of <paramref name="documents"/> (the graph's). <paramref name="last"/>
    /// is the document the caller's previous citation named (-1 at first), tried before the lookup by id: an answer's
    /// citations name the same few documents again and again.
    /// </summary>
    public static PackedEvidence Decode(ReadOnlySpan<byte> data, CitedDocuments documents, ref int last)
    {
        var row = new PackedReader(data, "relationship_evidence");
        var publishers = row.Number();
        var since = row.Text();
        var until = row.Text();
        var count = row.Number();
        var citations = count == 0 ? [] : new CitationView[count];
        for (var i = 0; i < count; i++)
        {
            var id = row.RequiredText();
            var documentId = row.RequiredBytes();
            var quote = row.RequiredText();
            var start = row.Number();
            var end = row.Number();
            var stance = StanceOf(row.RequiredBytes());
            var d = documents.Find(documentId, ref last)
                ?? throw new InvalidOperationException($"citation '{id}' points to document '{Encoding.UTF8.GetString(documentId)}', which the store does not hold");
            citations[i] = new CitationView(id, d.Id, d.Title, d.Publisher, d.Published, d.Url, quote, start, end, stance);
        }

        if (!row.AtEnd)
        {
            throw row.Corrupt();
        }

        return new PackedEvidence(since, until, publishers, citations);
    }

    /// <summary>
    /// Adds the ids of the citations in a row of <see cref="Encode"/>'s layout to <paramref name="into"/>, reading
    /// nothing else into strings: an entity's page counts the citations of relationships it does not list.
    /// </summary>
    public static void AddCitationIds(ReadOnlySpan<byte> data, HashSet<string> into)
    {
        var row = new PackedReader(data, "relationship_evidence");
        _ = row.Number();
        row.SkipText();
        row.SkipText();
        var count = row.Number();
        for (var i = 0; i < count; i++)
        {
            into.Add(row.RequiredText());
            _ = row.RequiredBytes();
            _ = row.RequiredBytes();
            _ = row.Number();
            _ = row.Number();
            _ = row.RequiredBytes();
        }

        if (!row.AtEnd)
        {
            throw row.Corrupt();
        }
    }

    // The stance word is matched from its bytes; a word no stance has is reported as any stored stance word is.
    private static Stance StanceOf(ReadOnlySpan<byte> word) =>
        StanceWords.TryParse(word, out var stance) ? stance : Hydrator.ParseStance(Encoding.UTF8.GetString(word));
}

/// <summary>
/// The graph's documents by id, found from an id's UTF-8 bytes as a packed row holds them (a citation names its
/// document by id, and most answers cite the same few documents hundreds of times).
/// </summary>
internal sealed class CitedDocuments
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byId;
    private readonly DocumentSummary[] _documents;
    private readonly byte[][] _utf8Ids;

    public CitedDocuments(IReadOnlyDictionary<string, DocumentSummary> documents)
    {
        _documents = [.. documents.Values];
        _utf8Ids = [.. _documents.Select(d => Encoding.UTF8.GetBytes(d.Id))];
        var byId = new Dictionary<string, int>(_documents.Length, StringComparer.Ordinal);
        for (var i = 0; i < _documents.Length; i++)
        {
            byId.Add(_documents[i].Id, i);
        }

        _byId = byId.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The document whose id is <paramref name="utf8Id"/>; null when the graph has none. <paramref name="last"/> is the
    /// caller's previous find (or -1): compared first, byte for byte, and set to this one.
    /// </summary>
    public DocumentSummary? Find(ReadOnlySpan<byte> utf8Id, ref int last)
    {
        if ((uint)last < (uint)_utf8Ids.Length && utf8Id.SequenceEqual(_utf8Ids[last]))
        {
            return _documents[last];
        }

        var chars = utf8Id.Length <= 256 ? stackalloc char[utf8Id.Length] : new char[utf8Id.Length];
        var length = Encoding.UTF8.GetChars(utf8Id, chars);
        if (!_byId.TryGetValue(chars[..length], out var found))
        {
            return null;
        }

        last = found;
        return _documents[found];
    }
}
