using GraphService.Core.Traversal;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// The <c>index_parts</c> table as the place an <see cref="IndexImage"/> lives: one row per part, its bytes one blob.
/// Parts are written by binding the array's bytes, and read with SQLite's incremental blob I/O straight into the array
/// that keeps them, so loading an index copies each byte once.
/// </summary>
internal sealed class IndexParts : IIndexPartWriter, IIndexPartReader, IDisposable
{
    // sqlite3_blob_read takes an int count; larger parts are read in pieces.
    private const int ReadPiece = 1 << 30;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt? _insert;
    private readonly Dictionary<string, (long Row, long Length)> _parts = new(StringComparer.Ordinal);

    private IndexParts(SqliteConnection connection, bool write)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        if (write)
        {
            Check(raw.sqlite3_prepare_v2(_database, "INSERT INTO index_parts (name, data) VALUES (?1, ?2);", out var insert));
            _insert = insert;
            return;
        }

        Check(raw.sqlite3_prepare_v2(_database, "SELECT name, rowid, length(data) FROM index_parts;", out var list));
        using (list)
        {
            int step;
            while ((step = raw.sqlite3_step(list)) == raw.SQLITE_ROW)
            {
                _parts[raw.sqlite3_column_text(list, 0).utf8_to_string()] = (raw.sqlite3_column_int64(list, 1), raw.sqlite3_column_int64(list, 2));
            }

            Check(step);
        }
    }

    /// <summary>Writes parts into the connection's open transaction.</summary>
    public static IndexParts ForWriting(SqliteConnection connection) => new(connection, write: true);

    /// <summary>The parts the file holds, read in the connection's open transaction.</summary>
    public static IndexParts ForReading(SqliteConnection connection) => new(connection, write: false);

    public void Write(string name, ReadOnlySpan<byte> bytes)
    {
        var insert = _insert ?? throw new InvalidOperationException("these index parts were opened for reading");
        Check(raw.sqlite3_bind_text(insert, 1, name));

        // An empty span may have no address, which SQLite would take for NULL.
        Check(bytes.IsEmpty ? raw.sqlite3_bind_zeroblob(insert, 2, 0) : raw.sqlite3_bind_blob(insert, 2, bytes));
        var step = raw.sqlite3_step(insert);
        var reset = raw.sqlite3_reset(insert);
        Check(step == raw.SQLITE_DONE ? reset : step);
    }

    public long Length(string name) => _parts.TryGetValue(name, out var part) ? part.Length : -1;

    public void Read(string name, Span<byte> destination)
    {
        if (!_parts.TryGetValue(name, out var part) || part.Length != destination.Length)
        {
            throw new InvalidOperationException($"index part {name} is not {destination.Length} bytes long");
        }

        if (destination.IsEmpty)
        {
            return;
        }

        Check(raw.sqlite3_blob_open(_database, "main", "index_parts", "data", part.Row, 0, out var blob));
        using (blob)
        {
            for (var offset = 0; offset < destination.Length; offset += ReadPiece)
            {
                var piece = destination.Slice(offset, Math.Min(ReadPiece, destination.Length - offset));
                Check(raw.sqlite3_blob_read(blob, piece, offset));
            }
        }
    }

    public void Dispose() => _insert?.Dispose();

    private void Check(int code) => SqliteCommands.Check(_database, code, "on the index parts");
}
