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
        var rows = new Builder(relationshipCount);
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

                rows.Add(r, raw.sqlite3_column_blob(statement, 1));
            }

            Check(database, step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
        }

        return rows.Build();
    }

    /// <summary>
    /// The rows an import has just encoded and written (<see cref="ReadModel.PackEvidence"/>): <paramref name="evidence"/>
    /// holds them in the snapshot's order, <paramref name="rowOf"/> gives, for each relationship of the index, its place
    /// in that order. The same bytes the file holds, without reading them back.
    /// </summary>
    public static EvidenceRows FromPacked(PackedBlobs evidence, int[] rowOf, CancellationToken cancellationToken)
    {
        var rows = new Builder(rowOf.Length);
        for (var r = 0; r < rowOf.Length; r++)
        {
            if ((r & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            rows.Add(r, evidence[rowOf[r]]);
        }

        return rows.Build();
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

    /// <summary>Lays rows given in increasing relationship order end to end in blocks.</summary>
    private sealed class Builder(int relationshipCount)
    {
        private readonly List<byte[]> _blocks = [];
        private readonly List<int> _used = [];
        private readonly long[] _starts = new long[relationshipCount + 1];
        private byte[] _block = [];
        private int _at;
        private int _next;

        public void Add(int relationship, ReadOnlySpan<byte> data)
        {
            if (_at + data.Length > _block.Length)
            {
                if (_blocks.Count > 0)
                {
                    _used[^1] = _at;
                }

                _block = new byte[Math.Max(BlockSize, data.Length)];
                _blocks.Add(_block);
                _used.Add(0);
                _at = 0;
            }

            // Relationships before this one have no row: they begin (and end) where it begins.
            var start = ((long)(_blocks.Count - 1) << 32) | (uint)_at;
            for (; _next <= relationship; _next++)
            {
                _starts[_next] = start;
            }

            data.CopyTo(_block.AsSpan(_at));
            _at += data.Length;
        }

        public EvidenceRows Build()
        {
            if (_blocks.Count > 0)
            {
                _used[^1] = _at;
            }

            var end = ((long)Math.Max(_blocks.Count - 1, 0) << 32) | (uint)_at;
            for (; _next < _starts.Length; _next++)
            {
                _starts[_next] = end;
            }

            return new EvidenceRows([.. _blocks], [.. _used], _starts);
        }
    }
}
