using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// Inserts rows into one table many at a time: a prepared multi-row INSERT with bound parameters, executed when its
/// buffer is full, so the per-statement cost of the driver is paid once per batch instead of once per row. Rows keep
/// their order. Table and column names come from the fixed schema, never from input.
/// </summary>
internal sealed class BatchedInsert : IDisposable
{
    private const int RowsPerStatement = 64;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly SqliteCommand _full;
    private readonly object?[] _buffer;
    private int _rows;

    public BatchedInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = columns;
        _buffer = new object?[RowsPerStatement * columns.Length];
        _full = Build(RowsPerStatement);
    }

    public void Add(params object?[] values)
    {
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"{_table} takes {_columns.Length} values per row, got {values.Length}", nameof(values));
        }

        Array.Copy(values, 0, _buffer, _rows * _columns.Length, values.Length);
        if (++_rows == RowsPerStatement)
        {
            Execute(_full, _rows);
        }
    }

    /// <summary>Writes the rows still buffered.</summary>
    public void Flush()
    {
        if (_rows == 0)
        {
            return;
        }

        using var partial = Build(_rows);
        Execute(partial, _rows);
    }

    public void Dispose() => _full.Dispose();

    private void Execute(SqliteCommand command, int rows)
    {
        for (var i = 0; i < rows * _columns.Length; i++)
        {
            command.Parameters[i].Value = _buffer[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
        _rows = 0;
    }

    private SqliteCommand Build(int rows)
    {
        var sql = new StringBuilder($"INSERT INTO {_table} ({string.Join(", ", _columns)}) VALUES ");
        var names = new List<string>(rows * _columns.Length);
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns.Length; column++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"$p{names.Count}");
                sql.Append(column == 0 ? name : ", " + name);
                names.Add(name);
            }

            sql.Append(')');
        }

        sql.Append(';');
        return SqliteCommands.Prepare(_connection, _transaction, sql.ToString(), [.. names]);
    }
}
