using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphService.Storage.Sqlite;

/// <summary>Parameterised commands on one connection and transaction; values are always bound, never spliced into SQL.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>A command prepared once and executed per row: parameters are created up front and set by position.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    public static void Run(this SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// Turns the result of a call into SQLite's C API (used where a hot loop binds and steps statements on the connection's
    /// own handle) into the <see cref="SqliteException"/> ADO.NET would have thrown, with SQLite's message and what the
    /// store was doing (<paramref name="doing"/>).
    /// </summary>
    public static void Check(sqlite3 database, int code, string doing)
    {
        if (code is not raw.SQLITE_OK and not raw.SQLITE_DONE)
        {
            throw new SqliteException(
                $"SQLite Error {code}: '{raw.sqlite3_errmsg(database).utf8_to_string()}' {doing}",
                code & 0xFF,
                raw.sqlite3_extended_errcode(database));
        }
    }
}
