using System.Buffers;
using System.Text;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Storage.Sqlite;

/// <summary>What the index leaves out of one relationship: its dates as written, its publishers and its citations.</summary>
internal sealed record PackedEvidence(string? Since, string? Until, int Publishers, IReadOnlyList<CitationView> Citations);

/// <summary>
/// The bytes of one <c>relationship_evidence</c> row, written at import so that hydrating a relationship is one
/// rowid lookup: unsigned LEB128 integers and UTF-8 strings prefixed by their byte length + 1 (0 = null):
/// publishers, since, until, the number of citations, then per citation its id, document id, quote, start, end and
/// stance word. A citation shared by several relationships is repeated in each row (the citations table keeps the
/// one copy that document pages and citation lookups read).
/// </summary>
internal static class EvidenceFormat
{
    public static void Encode(Relationship relationship, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        WriteNumber(output, relationship.Publishers);
        WriteText(output, relationship.Since?.ToString());
        WriteText(output, relationship.Until?.ToString());
        WriteNumber(output, relationship.Citations.Count);
        foreach (var c in relationship.Citations)
        {
            WriteText(output, c.Id);
            WriteText(output, c.DocumentId);
            WriteText(output, c.Quote);
            WriteNumber(output, c.Start);
            WriteNumber(output, c.End);
            WriteText(output, c.Stance.ToWord());
        }
    }

    /// <summary>Decodes a row; every cited document must be one of <paramref name="documents"/> (the graph's).</summary>
    public static PackedEvidence Decode(ReadOnlySpan<byte> data, IReadOnlyDictionary<string, DocumentSummary> documents)
    {
        var position = 0;
        var publishers = ReadNumber(data, ref position);
        var since = ReadText(data, ref position);
        var until = ReadText(data, ref position);
        var count = ReadNumber(data, ref position);
        var citations = new CitationView[count];
        for (var i = 0; i < count; i++)
        {
            var id = ReadText(data, ref position) ?? throw Corrupt();
            var documentId = ReadText(data, ref position) ?? throw Corrupt();
            var quote = ReadText(data, ref position) ?? throw Corrupt();
            var start = ReadNumber(data, ref position);
            var end = ReadNumber(data, ref position);
            var stance = Hydrator.ParseStance(ReadText(data, ref position) ?? throw Corrupt());
            if (!documents.TryGetValue(documentId, out var d))
            {
                throw new InvalidOperationException($"citation '{id}' points to document '{documentId}', which the store does not hold");
            }

            citations[i] = new CitationView(id, d.Id, d.Title, d.Publisher, d.Published, d.Url, quote, start, end, stance);
        }

        if (position != data.Length)
        {
            throw Corrupt();
        }

        return new PackedEvidence(since, until, publishers, citations);
    }

    private static void WriteNumber(ArrayBufferWriter<byte> output, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var span = output.GetSpan(5);
        var n = 0;
        var v = (uint)value;
        while (v >= 0x80)
        {
            span[n++] = (byte)(v | 0x80);
            v >>= 7;
        }

        span[n++] = (byte)v;
        output.Advance(n);
    }

    private static void WriteText(ArrayBufferWriter<byte> output, string? text)
    {
        if (text is null)
        {
            WriteNumber(output, 0);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        WriteNumber(output, length + 1);
        output.Advance(Encoding.UTF8.GetBytes(text, output.GetSpan(length)));
    }

    private static int ReadNumber(ReadOnlySpan<byte> data, ref int position)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= data.Length)
            {
                throw Corrupt();
            }

            var b = data[position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value <= int.MaxValue ? (int)value : throw Corrupt();
            }
        }

        throw Corrupt();
    }

    private static string? ReadText(ReadOnlySpan<byte> data, ref int position)
    {
        var length = ReadNumber(data, ref position) - 1;
        if (length < 0)
        {
            return null;
        }

        if (length > data.Length - position)
        {
            throw Corrupt();
        }

        var text = Encoding.UTF8.GetString(data.Slice(position, length));
        position += length;
        return text;
    }

    private static InvalidOperationException Corrupt() =>
        new("a relationship_evidence row of the store file is malformed; import the corpus again");
}
