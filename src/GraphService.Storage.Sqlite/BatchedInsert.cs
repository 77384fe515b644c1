using System.Text;
using GraphService.Core.Progress;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// One prepared INSERT executed once per row through the SQLite C API: values are bound by position (never spliced
/// into SQL), the statement is stepped and reset. The bulk import spends most of its time here, and binding by position
/// on a statement prepared once costs a fraction of going through the ADO.NET command per row. The statement runs on
/// the connection's own handle, so it belongs to the connection's open transaction. Table and column names come from
/// the fixed schema, never from input.
/// </summary>
/// <remarks>
/// The typed binders (<see cref="Text"/>, <see cref="Integer"/>, <see cref="Real"/>, <see cref="Blob"/>, then
/// <see cref="Run"/>) neither box nor allocate per row: an import writes millions of rows, and a boxed integer and a
/// parameter array for each of them were a measurable part of its garbage.
/// </remarks>
internal sealed class BatchedInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly string _table;
    private readonly int _columns;

    // What a failure says the store was doing, made once: every bind is checked, and an interpolated message built per
    // call was a string per bound value, the largest share of the import's garbage while it wrote the rows.
    private readonly string _doing;

    private readonly ProgressCounter? _rows;

    private byte[] _utf8 = new byte[1024];

    public BatchedInsert(SqliteConnection connection, string table, params string[] columns)
        : this(connection, null, table, columns)
    {
    }

    /// <summary>An insert that counts each row it writes on <paramref name="rows"/>.</summary>
    public BatchedInsert(SqliteConnection connection, ProgressCounter? rows, string table, params string[] columns)
    {
        _rows = rows;
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _table = table;
        _doing = $"while inserting into {table}";
        _columns = columns.Length;
        var placeholders = string.Join(", ", Enumerable.Range(1, columns.Length).Select(i => $"?{i}"));
        Check(raw.sqlite3_prepare_v2(_database, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({placeholders});", out _statement));
    }

    /// <summary>Binds and writes one row (values in column order); for the few rows where boxing does not matter.</summary>
    public void Add(params object?[] values)
    {
        if (values.Length != _columns)
        {
            throw new ArgumentException($"{_table} takes {_columns} values per row, got {values.Length}", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var position = i + 1;
            _ = values[i] switch
            {
                null => Text(position, null),
                string text => Text(position, text),
                int number => Integer(position, number),
                long number => Integer(position, number),
                double number => Real(position, number),
                byte[] bytes => Blob(position, bytes),
                var other => throw new ArgumentException($"cannot store a {other.GetType().Name} in {_table}", nameof(values)),
            };
        }

        Run();
    }

    /// <summary>Binds a text (null binds NULL) to the 1-based <paramref name="column"/> of the next row.</summary>
    public BatchedInsert Text(int column, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, column));
        }
        else if (value.Length == 0)
        {
            // An empty span would bind a null pointer, which SQLite stores as NULL: the string overload binds ''.
            Check(raw.sqlite3_bind_text(_statement, column, value));
        }
        else
        {
            // Encoded once into a buffer kept for the statement's life (SQLite copies the bytes before this returns);
            // the string overload counts the bytes first and allocates an array for every text over 512 bytes.
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_utf8.Length < most)
            {
                _utf8 = new byte[Math.Max(most, 2 * _utf8.Length)];
            }

            var length = Encoding.UTF8.GetBytes(value, _utf8);
            Check(raw.sqlite3_bind_text(_statement, column, _utf8.AsSpan(0, length)));
        }

        return this;
    }

    public BatchedInsert Integer(int column, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, column, value));
        return this;
    }

    public BatchedInsert Real(int column, double value)
    {
        Check(raw.sqlite3_bind_double(_statement, column, value));
        return this;
    }

    /// <summary>Binds bytes that SQLite copies before this returns, so the caller may reuse the buffer at once.</summary>
    public BatchedInsert Blob(int column, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, column, value));
        return this;
    }

    /// <summary>Writes the row bound so far; every column must have been bound for it.</summary>
    public void Run()
    {
        var step = raw.sqlite3_step(_statement);
        var reset = raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(reset == raw.SQLITE_OK ? step : reset);
        }

        _rows?.Add();
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int code) => SqliteCommands.Check(_database, code, _doing);
}
