using GraphService.Core.Store;
using Microsoft.Data.Sqlite;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// The store file's tables. The version lives in <c>PRAGMA user_version</c>; a file written by a newer build is refused
/// rather than misread, and one written by an older build is brought up to date: version 2 added
/// <c>relationships.publishers</c> (until then corroboration counted publishers, so it is copied from there); version 3
/// packs the mentions a row per document and per entity (<see cref="MentionRows"/>) instead of a row per mention, and
/// adds the read model (<c>relationship_evidence</c>, <c>index_parts</c>), which an older file gets empty: its graph is
/// then read the slower way (index built from the rows, evidence joined from the citation tables) until the next import
/// writes it.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 3;

    private const string Create = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE predicates (type TEXT PRIMARY KEY, phrase TEXT NOT NULL, built_in INTEGER NOT NULL);
        CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, description TEXT);
        CREATE TABLE aliases (entity_id TEXT NOT NULL, ordinal INTEGER NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (entity_id, ordinal)) WITHOUT ROWID;
        CREATE TABLE documents (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, author TEXT, published TEXT, url TEXT,
            language TEXT, body TEXT NOT NULL, body_length INTEGER NOT NULL);
        CREATE TABLE relationships (
            id TEXT PRIMARY KEY, type TEXT NOT NULL, start_id TEXT NOT NULL, end_id TEXT NOT NULL,
            since TEXT, until TEXT, since_day INTEGER NOT NULL, until_day INTEGER NOT NULL,
            confidence REAL NOT NULL, confidence_declared INTEGER NOT NULL, corroboration INTEGER NOT NULL, contested INTEGER NOT NULL,
            publishers INTEGER NOT NULL)
            WITHOUT ROWID;
        CREATE TABLE citations (
            id TEXT PRIMARY KEY, document_id TEXT NOT NULL, quote TEXT NOT NULL,
            start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, stance TEXT NOT NULL);
        CREATE TABLE relationship_citations (
            relationship_id TEXT NOT NULL, ordinal INTEGER NOT NULL, citation_id TEXT NOT NULL,
            PRIMARY KEY (relationship_id, ordinal)) WITHOUT ROWID;
        """ + MentionRows.CreateTables + ReadModelTables;

    /// <summary>
    /// The read model (version 3): per relationship index (its rank in id order, as in the traversal index) the packed
    /// evidence a result shows (<see cref="EvidenceFormat"/>); and the traversal and alias indexes as named binary
    /// parts (<c>index_parts</c>), so that a process opening the file loads them instead of building them.
    /// </summary>
    private const string ReadModelTables = """
        CREATE TABLE relationship_evidence (relationship INTEGER PRIMARY KEY, data BLOB NOT NULL);
        CREATE TABLE index_parts (name TEXT PRIMARY KEY, data BLOB NOT NULL);
        """;

    /// <summary>
    /// Secondary indexes, dropped before a bulk import and built again after it: one sort per index is much cheaper
    /// than keeping every index up to date row by row.
    /// </summary>
    public static readonly (string Name, string Create)[] SecondaryIndexes =
    [
        // A page of a document reads the spans that start in its range: (document, start) finds them without a scan.
        ("citations_by_document", "CREATE INDEX citations_by_document ON citations (document_id, start_offset);"),
        ("relationship_citations_by_citation", "CREATE INDEX relationship_citations_by_citation ON relationship_citations (citation_id);"),
    ];

    /// <summary>Every table that holds graph content, in the order an import fills them.</summary>
    public static readonly string[] ContentTables =
        ["meta", "predicates", "entities", "aliases", "documents", "relationships", "citations", "relationship_citations", "document_mentions", "entity_mentions", "relationship_evidence", "index_parts"];

    /// <summary>
    /// Creates the tables in a new file, accepts the current version (bringing its secondary indexes up to date), refuses
    /// a newer one. A new file vacuums incrementally, so that space a replaced graph leaves is given back.
    /// </summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        using (var pragmas = connection.CreateCommand())
        {
            // auto_vacuum takes effect only in a file without tables yet (or through VACUUM); it must precede them.
            pragmas.CommandText = "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL;";
            pragmas.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var version = UserVersion(connection, transaction);
        if (version == Version)
        {
            UpdateIndexes(connection, transaction);
            transaction.Commit();
            return;
        }

        if (version is 1 or 2 && HasTables(connection, transaction))
        {
            if (version == 1)
            {
                using var migrate = connection.CreateCommand();
                migrate.Transaction = transaction;
                migrate.CommandText = "ALTER TABLE relationships ADD COLUMN publishers INTEGER NOT NULL DEFAULT 0; UPDATE relationships SET publishers = corroboration;";
                migrate.ExecuteNonQuery();
            }

            MentionRows.MigrateFromRowPerMention(connection, transaction);
            using (var readModel = connection.CreateCommand())
            {
                readModel.Transaction = transaction;
                readModel.CommandText =
                    $"DROP TABLE IF EXISTS relationship_evidence; DROP TABLE IF EXISTS index_parts; DELETE FROM meta WHERE key = '{ReadModel.PackedEvidenceKey}';"
                    + ReadModelTables
                    + $"PRAGMA user_version = {Version};";
                readModel.ExecuteNonQuery();
            }

            UpdateIndexes(connection, transaction);
            transaction.Commit();
            return;
        }

        if (version > Version)
        {
            throw new GraphStoreUnavailableException(
                $"the store file {path} has schema version {version}, but this build reads only up to version {Version}; " +
                "use the GraphService build that wrote it, or import into a new file");
        }

        if (version == 0 && !HasTables(connection, transaction))
        {
            using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = Create + string.Concat(SecondaryIndexes.Select(i => i.Create)) + $"\nPRAGMA user_version = {Version};";
            create.ExecuteNonQuery();
            transaction.Commit();
            return;
        }

        throw new GraphStoreUnavailableException(
            $"the file {path} is not a GraphService store (schema version {version}); point the store at a new file");
    }

    /// <summary>Whether the file gives freed pages back incrementally (a file written before this build does not until its first VACUUM).</summary>
    public static bool VacuumsIncrementally(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA auto_vacuum;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 2;
    }

    public static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rebuilds a secondary index whose definition changed since the file was written (index names and SQL are fixed above).</summary>
    private static void UpdateIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var (name, create) in SecondaryIndexes)
        {
            using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $name;";
            read.Parameters.AddWithValue("$name", name);
            if (read.ExecuteScalar() is string sql && sql + ";" == create)
            {
                continue;
            }

            using var rebuild = connection.CreateCommand();
            rebuild.Transaction = transaction;
            rebuild.CommandText = $"DROP INDEX IF EXISTS {name}; {create}";
            rebuild.ExecuteNonQuery();
        }
    }

    private static bool HasTables(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table';";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
