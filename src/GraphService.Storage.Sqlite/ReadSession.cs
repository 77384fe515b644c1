using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// One open connection kept for reads, with the statements every read runs prepared once: begin and end a read
/// transaction, the graph version (one primary-key lookup in meta), and one relationship's packed evidence by its index.
/// A read rents a session, so a query costs a few statement steps instead of opening a pooled connection, running its
/// PRAGMAs and compiling the same SQL again. The statements run on the connection's own handle through the SQLite C API
/// (as <see cref="BatchedInsert"/> does); ADO.NET commands on <see cref="Connection"/> run inside the same transaction
/// (with no <see cref="SqliteTransaction"/> object: the transaction is begun here). Used by one read at a time.
/// </summary>
internal sealed class ReadSession : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _end;
    private readonly sqlite3_stmt _version;
    private readonly sqlite3_stmt _evidence;
    private bool _inTransaction;

    public ReadSession(SqliteConnection connection)
    {
        Connection = connection;
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");

        // Statements stepped through the C API do not pass through ADO.NET's retry on SQLITE_BUSY; the handler does it.
        raw.sqlite3_busy_timeout(_database, 30_000);
        _begin = Prepare("BEGIN DEFERRED;");
        _end = Prepare("COMMIT;");
        _version = Prepare($"SELECT value FROM meta WHERE key = '{StoreFile.MetaKeys.GraphVersion}';");
        _evidence = Prepare("SELECT data FROM relationship_evidence WHERE relationship = ?1;");
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// Begins a read transaction and reads the graph version in it: every later statement of this read sees the file as
    /// it was at this moment. Null when the file holds no graph.
    /// </summary>
    public string? BeginRead()
    {
        Run(_begin);
        _inTransaction = true;
        try
        {
            var step = raw.sqlite3_step(_version);
            if (step == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_text(_version, 0).utf8_to_string();
            }

            Check(step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_version);
        }
    }

    /// <summary>Ends the read transaction begun by <see cref="BeginRead"/> (a no-op when none is open).</summary>
    public void EndRead()
    {
        if (_inTransaction)
        {
            Run(_end);
            _inTransaction = false;
        }
    }

    /// <summary>
    /// Relationship <paramref name="relationship"/>'s packed evidence, decoded (<paramref name="last"/> as for
    /// <see cref="EvidenceFormat.Decode"/>); null when the file has no row for it.
    /// </summary>
    public PackedEvidence? ReadEvidence(int relationship, CitedDocuments documents, ref int last)
    {
        Check(raw.sqlite3_bind_int64(_evidence, 1, relationship));
        try
        {
            var step = raw.sqlite3_step(_evidence);
            if (step == raw.SQLITE_ROW)
            {
                return EvidenceFormat.Decode(raw.sqlite3_column_blob(_evidence, 0), documents, ref last);
            }

            Check(step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_evidence);
        }
    }

    public void Dispose()
    {
        // The connection goes back to the pool, not closed: a read left open by an error must end here, or the next user
        // of the connection inherits the transaction (and its PRAGMAs fail). Should the rollback fail, the pool must not
        // hand the connection out again.
        if (raw.sqlite3_get_autocommit(_database) == 0 && raw.sqlite3_exec(_database, "ROLLBACK;") != raw.SQLITE_OK)
        {
            SqliteConnection.ClearPool(Connection);
        }

        _begin.Dispose();
        _end.Dispose();
        _version.Dispose();
        _evidence.Dispose();
        Connection.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_database, sql, out var statement));
        return statement;
    }

    private void Run(sqlite3_stmt statement)
    {
        var step = raw.sqlite3_step(statement);
        var reset = raw.sqlite3_reset(statement);
        Check(step == raw.SQLITE_DONE ? reset : step);
    }

    private void Check(int code) => SqliteCommands.Check(_database, code, "in a read session");
}
