using System.Globalization;
using GraphService.Core.Domain;
using Microsoft.Data.Sqlite;

namespace GraphService.Storage.Sqlite;

// The whole graph read back from the file, for exports: held in memory (ReadSnapshotAsync) or read in passes
// (ReadGraphAsync). Both read the same rows in the same order through the readers below.
public sealed partial class SqliteGraphStore
{
    private const string EntityRows =
        "SELECT e.id, e.type, e.name, e.description, a.alias FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id ORDER BY e.rowid, a.ordinal;";

    private const string DocumentRows =
        "SELECT id, title, publisher, author, published, url, language, body FROM documents ORDER BY rowid;";

    // Both tables are keyed by the relationship id, so the rows come in key order without a sort.
    private const string RelationshipRows =
        "SELECT r.id, r.type, r.start_id, r.end_id, r.since, r.until, r.confidence, r.confidence_declared, r.corroboration, r.contested, r.publishers, " +
        "c.id, c.document_id, c.quote, c.start_offset, c.end_offset, c.stance " +
        "FROM relationships r LEFT JOIN relationship_citations rc ON rc.relationship_id = r.id LEFT JOIN citations c ON c.id = rc.citation_id " +
        "ORDER BY r.id, rc.ordinal;";

    public async Task<GraphSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        GraphSnapshot? snapshot = null;
        await ReadGraphAsync(
            (content, ct) =>
            {
                snapshot = new GraphSnapshot(
                    content.Version,
                    content.CorpusName,
                    content.Predicates,
                    [.. content.Entities],
                    [.. content.Documents],
                    [.. content.Relationships],
                    [.. content.Mentions]);
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    public async Task<bool> ReadGraphAsync(Func<GraphContent, CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One read transaction for every pass: a graph replaced meanwhile is not seen (WAL keeps this read's pages).
        await using var transaction = connection.BeginTransaction(deferred: true);
        var meta = StoreFile.ReadMeta(connection, transaction);
        if (!meta.TryGetValue(StoreFile.MetaKeys.GraphVersion, out var version))
        {
            return false;
        }

        int Count(string key) => int.Parse(meta[key], CultureInfo.InvariantCulture);
        var content = new GraphContent(
            version,
            meta.GetValueOrDefault(StoreFile.MetaKeys.CorpusName) ?? "",
            ReadPredicates(connection, transaction),
            Count(StoreFile.MetaKeys.Entities),
            Count(StoreFile.MetaKeys.Documents),
            Count(StoreFile.MetaKeys.Relationships),
            Rows(connection, transaction, EntityRows, ReadEntities, cancellationToken),
            Rows(connection, transaction, DocumentRows, ReadDocuments, cancellationToken),
            Rows(connection, transaction, RelationshipRows, ReadRelationships, cancellationToken),
            Mentions(connection, transaction, Count(StoreFile.MetaKeys.Mentions)));
        await read(content, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static List<Predicate> ReadPredicates(SqliteConnection connection, SqliteTransaction transaction)
    {
        var predicates = new List<Predicate>();
        using var command = SqliteCommands.Create(connection, transaction, "SELECT type, phrase, built_in FROM predicates ORDER BY rowid;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            predicates.Add(new Predicate(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0));
        }

        return predicates;
    }

    /// <summary>A query's records, read by <paramref name="records"/> from its rows each time the sequence is enumerated.</summary>
    private static IEnumerable<T> Rows<T>(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string sql,
        Func<SqliteDataReader, CancellationToken, IEnumerable<T>> records,
        CancellationToken cancellationToken)
    {
        using var command = SqliteCommands.Create(connection, transaction, sql);
        using var reader = command.ExecuteReader();
        foreach (var record in records(reader, cancellationToken))
        {
            yield return record;
        }
    }

    // An entity's aliases are its next rows (one per alias, none when the alias is null).
    private static IEnumerable<Entity> ReadEntities(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        var more = reader.Read();
        while (more)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (id, type, name, description) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.NullableString(3));
            var aliases = new List<string>();
            do
            {
                if (reader.NullableString(4) is { } alias)
                {
                    aliases.Add(alias);
                }
            }
            while ((more = reader.Read()) && reader.GetString(0) == id);

            yield return new Entity(id, Enum.Parse<EntityType>(type), name, aliases, description);
        }
    }

    private static IEnumerable<SourceDocument> ReadDocuments(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new SourceDocument(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.NullableString(3),
                reader.NullableString(4) is string published ? PartialDate.Parse(published) : null,
                reader.NullableString(5),
                reader.NullableString(6),
                reader.GetString(7));
        }
    }

    // A relationship's citations are its next rows, in their order (none when the citation is null).
    private static IEnumerable<Relationship> ReadRelationships(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        var more = reader.Read();
        while (more)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = reader.GetString(0);
            var (type, startId, endId) = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
            var since = reader.NullableString(4) is string s ? PartialDate.Parse(s) : (PartialDate?)null;
            var until = reader.NullableString(5) is string u ? PartialDate.Parse(u) : (PartialDate?)null;
            var (confidence, declared, corroboration, contested, publishers) =
                (reader.GetDouble(6), reader.GetInt64(7) != 0, reader.GetInt32(8), reader.GetInt64(9) != 0, reader.GetInt32(10));
            var citations = new List<Citation>();
            do
            {
                if (!reader.IsDBNull(11))
                {
                    citations.Add(Hydrator.ReadCitation(reader, first: 11));
                }
            }
            while ((more = reader.Read()) && reader.GetString(0) == id);

            yield return new Relationship(id, type, startId, endId, since, until, confidence, declared, corroboration, contested, citations)
            {
                Publishers = publishers,
            };
        }
    }

    // Mentions are packed a row per document; they are unpacked into corpus order on each pass.
    private static IEnumerable<Mention> Mentions(SqliteConnection connection, SqliteTransaction transaction, int count)
    {
        foreach (var mention in MentionRows.ReadAll(connection, transaction, count))
        {
            yield return mention;
        }
    }
}
