using System.Buffers;

namespace GraphService.Storage.Sqlite;

/// <summary>Blobs end to end in one buffer (one array for a million rows instead of an array per row), read back by position.</summary>
internal sealed class PackedBlobs
{
    private readonly List<int> _ends = [];
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);

    public int Count => _ends.Count;

    public ReadOnlySpan<byte> this[int i] => _bytes.WrittenSpan[(i == 0 ? 0 : _ends[i - 1]).._ends[i]];

    public void Add(ReadOnlySpan<byte> blob)
    {
        _bytes.Write(blob);
        _ends.Add(_bytes.WrittenCount);
    }
}
