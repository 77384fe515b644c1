using System.Globalization;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Traversal;
using Microsoft.Data.Sqlite;

namespace GraphService.Storage.Sqlite;

/// <summary>Reads what the store file holds into memory: its meta table, the aliases, and the state a reader queries.</summary>
internal static class StoreFile
{
    public static Dictionary<string, string> ReadMeta(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = SqliteCommands.Create(connection, transaction, "SELECT key, value FROM meta;");
        using var reader = command.ExecuteReader();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            meta[reader.GetString(0)] = reader.GetString(1);
        }

        return meta;
    }

    /// <summary>Every entity's aliases, in the order the corpus gives them.</summary>
    public static Dictionary<string, List<string>> ReadAliases(SqliteConnection connection, SqliteTransaction transaction)
    {
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var command = SqliteCommands.Create(connection, transaction, "SELECT entity_id, alias FROM aliases ORDER BY entity_id, ordinal;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var owner = reader.GetString(0);
            if (!aliases.TryGetValue(owner, out var list))
            {
                aliases[owner] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return aliases;
    }

    /// <summary>Builds the in-memory state from the file, streaming rows; null when the file holds no graph.</summary>
    public static GraphState? LoadState(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var meta = ReadMeta(connection, transaction);
        if (!meta.TryGetValue(MetaKeys.GraphVersion, out var version))
        {
            return null;
        }

        var predicates = ReadPredicates(connection, transaction);
        var documents = ReadDocuments(connection, transaction);
        var packedEvidence = meta.ContainsKey(ReadModel.PackedEvidenceKey);
        using (var parts = IndexParts.ForReading(connection))
        {
            if (IndexImage.Read(parts) is var (loaded, loadedAliases))
            {
                return new GraphState(version, loaded, predicates, documents, loadedAliases) { PackedEvidence = packedEvidence };
            }
        }

        var aliases = ReadAliases(connection, transaction);
        var builder = new TraversalIndexBuilder(
            int.Parse(meta[MetaKeys.Entities], CultureInfo.InvariantCulture),
            int.Parse(meta[MetaKeys.Relationships], CultureInfo.InvariantCulture));
        using (var command = SqliteCommands.Create(connection, transaction, "SELECT id, type, name FROM entities ORDER BY rowid;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                builder.AddEntity(id, Enum.Parse<EntityType>(reader.GetString(1)), reader.GetString(2), aliases.GetValueOrDefault(id) ?? []);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (var command = SqliteCommands.Create(
            connection,
            transaction,
            "SELECT id, type, start_id, end_id, since_day, until_day, confidence, corroboration, contested FROM relationships;"))
        using (var reader = command.ExecuteReader())
        {
            var n = 0;
            while (reader.Read())
            {
                if ((++n & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                builder.AddRelationship(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetInt32(4),
                    reader.GetInt32(5),
                    reader.GetDouble(6),
                    reader.GetInt32(7),
                    reader.GetInt64(8) != 0);
            }
        }

        return new GraphState(version, builder.Build(), predicates, documents) { PackedEvidence = packedEvidence };
    }

    private static Dictionary<string, Predicate> ReadPredicates(SqliteConnection connection, SqliteTransaction transaction)
    {
        var predicates = new Dictionary<string, Predicate>(StringComparer.Ordinal);
        using (var command = SqliteCommands.Create(connection, transaction, "SELECT type, phrase, built_in FROM predicates;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                predicates[reader.GetString(0)] = new Predicate(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0);
            }
        }

        return predicates;
    }

    private static Dictionary<string, DocumentSummary> ReadDocuments(SqliteConnection connection, SqliteTransaction transaction)
    {
        var documents = new Dictionary<string, DocumentSummary>(StringComparer.Ordinal);
        using (var command = SqliteCommands.Create(
            connection,
            transaction,
            "SELECT id, title, publisher, author, published, url, language, body_length FROM documents ORDER BY rowid;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                documents[reader.GetString(0)] = new DocumentSummary(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.NullableString(3),
                    reader.NullableString(4),
                    reader.NullableString(5),
                    reader.NullableString(6),
                    reader.GetInt32(7));
            }
        }

        return documents;
    }

    public static class MetaKeys
    {
        public const string GraphVersion = "graph_version";
        public const string CorpusName = "corpus_name";
        public const string ImportedAt = "imported_at";
        public const string Entities = "entity_count";
        public const string Relationships = "relationship_count";
        public const string Documents = "document_count";
        public const string Citations = "citation_count";
        public const string Mentions = "mention_count";
    }
}
