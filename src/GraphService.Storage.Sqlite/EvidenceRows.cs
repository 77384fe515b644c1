using SQLitePCL;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// Every packed evidence row of one graph (<see cref="EvidenceFormat"/>), copied into memory when the graph is loaded, so
/// that hydrating a relationship is an array lookup and a decode instead of a B-tree descent through the file. An answer
/// hydrates hundreds of relationships spread over the whole table, so from SQLite each one was a walk over pages no
/// earlier query had touched; no cache of recent rows helps random starts, but the whole table is small next to the
/// graph (about 85 bytes a relationship at 1M entities / 5M relationships). Rows lie end to end in blocks of up to
/// <see cref="BlockSize"/> bytes (a larger row gets a block of its own), so no single array has to hold them all.
/// </summary>
internal sealed class EvidenceRows
{
    private const int BlockSize = 1 << 24;

    private readonly byte[][] _blocks;

    // Where row r begins: its block in the high 32 bits, its offset in the low 32. Row r ends where row r + 1 begins when
    // both lie in the same block, else at the end of its block's used bytes. A relationship without a row has length 0.
    private readonly long[] _starts;
    private readonly int[] _used;

    private EvidenceRows(byte[][] blocks, int[] used, long[] starts)
    {
        _blocks = blocks;
        _used = used;
        _starts = starts;
    }

    /// <summary>
    /// Reads the rows of relationships 0 … <paramref name="relationshipCount"/> − 1 through <paramref name="database"/>,
    /// in the read transaction open on it (the one the index was loaded in, so that rows and index are of one graph).
    /// </summary>
    public static EvidenceRows Load(sqlite3 database, int relationshipCount, CancellationToken cancellationToken)
    {
        var blocks = new List<byte[]>();
        var used = new List<int>();
        var starts = new long[relationshipCount + 1];
        byte[] block = [];
        var at = 0;
        var next = 0;
        Check(database, raw.sqlite3_prepare_v2(
            database,
            "SELECT relationship, data FROM relationship_evidence WHERE relationship >= 0 AND relationship < ?1 ORDER BY relationship;",
            out var statement));
        using (statement)
        {
            Check(database, raw.sqlite3_bind_int64(statement, 1, relationshipCount));
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var r = (int)raw.sqlite3_column_int64(statement, 0);
                if ((r & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var data = raw.sqlite3_column_blob(statement, 1);
                if (at + data.Length > block.Length)
                {
                    if (blocks.Count > 0)
                    {
                        used[^1] = at;
                    }

                    block = new byte[Math.Max(BlockSize, data.Length)];
                    blocks.Add(block);
                    used.Add(0);
                    at = 0;
                }

                // Relationships before r have no row: they begin (and end) where r begins.
                var start = ((long)(blocks.Count - 1) << 32) | (uint)at;
                for (; next <= r; next++)
                {
                    starts[next] = start;
                }

                data.CopyTo(block.AsSpan(at));
                at += data.Length;
            }

            Check(database, step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
        }

        if (blocks.Count > 0)
        {
            used[^1] = at;
        }

        var end = ((long)Math.Max(blocks.Count - 1, 0) << 32) | (uint)at;
        for (; next <= relationshipCount; next++)
        {
            starts[next] = end;
        }

        return new EvidenceRows([.. blocks], [.. used], starts);
    }

    /// <summary>Relationship <paramref name="relationship"/>'s row; empty when the file held none for it.</summary>
    public ReadOnlySpan<byte> Row(int relationship)
    {
        var start = _starts[relationship];
        var next = _starts[relationship + 1];
        var block = (int)(start >> 32);
        var from = (int)(uint)start;
        var to = (int)(next >> 32) == block ? (int)(uint)next : _used[block];
        return _blocks.Length == 0 ? [] : _blocks[block].AsSpan(from, to - from);
    }

    /// <summary>
    /// Reads the first and last byte of each of the given relationships' rows, so that their cache lines are loaded
    /// together: an answer's rows lie far apart, and the independent loads of this loop overlap, where the decode of one row
    /// after another would wait for each in turn. Returns a value made of the bytes, so that the reads are not left out.
    /// </summary>
    public int Fetch(IReadOnlyList<int> relationships)
    {
        var sum = 0;
        for (var i = 0; i < relationships.Count; i++)
        {
            var row = Row(relationships[i]);
            if (!row.IsEmpty)
            {
                sum += row[0] + row[^1];
            }
        }

        return sum;
    }

    private static void Check(sqlite3 database, int code) => SqliteCommands.Check(database, code, "while loading the evidence rows");
}
