using System.Buffers;
using System.Text;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// The encoding of the store's packed rows (<c>relationship_evidence</c>, <c>document_mentions</c>,
/// <c>entity_mentions</c>): non-negative integers as unsigned LEB128, texts as their UTF-8 byte length + 1 (0 = null)
/// followed by the bytes.
/// </summary>
internal static class PackedRow
{
    public static void Number(ArrayBufferWriter<byte> output, int value)
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

    public static void Text(ArrayBufferWriter<byte> output, string? text)
    {
        if (text is null)
        {
            Number(output, 0);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        Number(output, length + 1);
        output.Advance(Encoding.UTF8.GetBytes(text, output.GetSpan(length)));
    }
}

/// <summary>Reads a <see cref="PackedRow"/>; anything malformed is reported as a damaged row of <c>table</c>.</summary>
internal ref struct PackedReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _table;
    private int _position;

    public PackedReader(ReadOnlySpan<byte> data, string table)
    {
        _data = data;
        _table = table;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    public int Number()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw Corrupt();
            }

            var b = _data[_position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value <= int.MaxValue ? (int)value : throw Corrupt();
            }
        }

        throw Corrupt();
    }

    public string? Text()
    {
        var length = Number() - 1;
        return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    public string RequiredText() => Text() ?? throw Corrupt();

    /// <summary>A text that must not be null, as its UTF-8 bytes (for a caller that can match them without a string).</summary>
    public ReadOnlySpan<byte> RequiredBytes()
    {
        var length = Number() - 1;
        return length < 0 ? throw Corrupt() : Take(length);
    }

    /// <summary>Steps over a text, null or not.</summary>
    public void SkipText()
    {
        var length = Number() - 1;
        if (length >= 0)
        {
            _ = Take(length);
        }
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > _data.Length - _position)
        {
            throw Corrupt();
        }

        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public readonly InvalidOperationException Corrupt() =>
        new($"a {_table} row of the store file is malformed; import the corpus again");
}
