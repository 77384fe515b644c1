using System.Buffers;
using GraphService.Core.Domain;
using GraphService.Core.Progress;
using Microsoft.Data.Sqlite;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// The mentions, packed: one row per document (<c>document_mentions</c>: its spans) and one per entity
/// (<c>entity_mentions</c>: the documents that mention it, with how often). A corpus has millions of mentions and they are
/// only ever read a document or an entity at a time, so a row and two index entries per mention cost most of an import's
/// rows and index sorting for nothing a query uses.
/// </summary>
/// <remarks>
/// Both blobs are in the <see cref="PackedRow"/> encoding. A document's spans, in the snapshot's order: the mention's
/// position in the snapshot's list, start and end (numbers), then the entity id (text). An entity's documents, in
/// SQLite's BINARY order of their ids (the order <c>ORDER BY document_id</c> gave): the count (a number), then the
/// document id (text).
/// </remarks>
internal static class MentionRows
{
    public const string CreateTables = """
        CREATE TABLE document_mentions (document_id TEXT PRIMARY KEY, spans BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE entity_mentions (entity_id TEXT PRIMARY KEY, documents BLOB NOT NULL) WITHOUT ROWID;
        """;

    /// <summary>
    /// The rows of <paramref name="mentions"/>, encoded and in primary-key order, ready for <see cref="Write"/>. An
    /// import makes them on another core while it writes the graph's other rows (ranking, sorting and packing a million
    /// mentions took longer than inserting their rows).
    /// </summary>
    public static Packed Pack(IReadOnlyList<Mention> mentions, CancellationToken ct)
    {
        if (mentions.Count == 0)
        {
            return new Packed([], [], new PackedBlobs(), [], new PackedBlobs());
        }

        // Ranks of the distinct document and entity ids in BINARY order: rows go in primary-key order, and an entity's
        // documents are listed in it.
        var documentRank = Ranks(mentions, m => m.DocumentId, out var documentIds);
        var entityRank = Ranks(mentions, m => m.EntityId, out var entityIds);
        var documentOf = new int[mentions.Count];
        var entityOf = new int[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            documentOf[i] = documentRank[mentions[i].DocumentId];
            entityOf[i] = entityRank[mentions[i].EntityId];
        }

        var documents = new PackedBlobs();
        var mentionCounts = new int[documentIds.Length];
        var buffer = new ArrayBufferWriter<byte>(4096);

        // Mentions grouped by document, in snapshot order within each (a stable counting sort).
        var order = GroupBy(documentOf, documentIds.Length, out var starts);
        for (var d = 0; d < documentIds.Length; d++)
        {
            ct.ThrowIfCancellationRequested();
            buffer.ResetWrittenCount();
            for (var k = starts[d]; k < starts[d + 1]; k++)
            {
                var m = mentions[order[k]];
                PackedRow.Number(buffer, order[k]);
                PackedRow.Number(buffer, m.Start);
                PackedRow.Number(buffer, m.End);
                PackedRow.Text(buffer, m.EntityId);
            }

            documents.Add(buffer.WrittenSpan);
            mentionCounts[d] = starts[d + 1] - starts[d];
        }

        // Every entity id ranked has a mention, so the rows come in the ranks' order, one for each id.
        var entities = new PackedBlobs();
        var pairs = new long[mentions.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = ((long)entityOf[i] << 32) | (uint)documentOf[i];
        }

        Array.Sort(pairs);
        var at = 0;
        while (at < pairs.Length)
        {
            ct.ThrowIfCancellationRequested();
            var entity = (int)(pairs[at] >> 32);
            buffer.ResetWrittenCount();
            while (at < pairs.Length && (int)(pairs[at] >> 32) == entity)
            {
                var pair = pairs[at];
                var count = 0;
                while (at < pairs.Length && pairs[at] == pair)
                {
                    count++;
                    at++;
                }

                PackedRow.Number(buffer, count);
                PackedRow.Text(buffer, documentIds[(int)(uint)pair]);
            }

            entities.Add(buffer.WrittenSpan);
        }

        return new Packed(documentIds, mentionCounts, documents, entityIds, entities);
    }

    /// <summary>Writes the rows <see cref="Pack"/> made, counting each mention on <paramref name="rows"/>.</summary>
    public static void Write(SqliteConnection connection, Packed packed, ProgressCounter? rows, CancellationToken ct)
    {
        using (var insert = new BatchedInsert(connection, "document_mentions", "document_id", "spans"))
        {
            for (var i = 0; i < packed.DocumentIds.Length; i++)
            {
                ct.ThrowIfCancellationRequested();
                insert.Text(1, packed.DocumentIds[i]).Blob(2, packed.DocumentSpans[i]).Run();
                rows?.Add(packed.DocumentMentions[i]);
            }
        }

        using (var insert = new BatchedInsert(connection, "entity_mentions", "entity_id", "documents"))
        {
            for (var i = 0; i < packed.EntityIds.Length; i++)
            {
                ct.ThrowIfCancellationRequested();
                insert.Text(1, packed.EntityIds[i]).Blob(2, packed.EntityDocuments[i]).Run();
            }
        }
    }

    /// <summary>The two tables' rows, encoded: each document's id, mention count and spans; each entity's id and documents.</summary>
    internal sealed record Packed(string[] DocumentIds, int[] DocumentMentions, PackedBlobs DocumentSpans, string[] EntityIds, PackedBlobs EntityDocuments);

    /// <summary>Every mention, in the snapshot's order.</summary>
    public static List<Mention> ReadAll(SqliteConnection connection, SqliteTransaction transaction, int count)
    {
        var mentions = new Mention?[count];
        using (var command = SqliteCommands.Create(connection, transaction, "SELECT document_id, spans FROM document_mentions;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var documentId = reader.GetString(0);
                foreach (var (ordinal, start, end, entityId) in Spans(reader.GetFieldValue<byte[]>(1)))
                {
                    if ((uint)ordinal >= (uint)count || mentions[ordinal] is not null)
                    {
                        throw new InvalidOperationException($"the store file's mentions do not match its mention count ({count}); import the corpus again");
                    }

                    mentions[ordinal] = new Mention(entityId, documentId, start, end);
                }
            }
        }

        var list = new List<Mention>(count);
        foreach (var m in mentions)
        {
            list.Add(m ?? throw new InvalidOperationException($"the store file's mentions do not match its mention count ({count}); import the corpus again"));
        }

        return list;
    }

    /// <summary>
    /// The mentions of a document that start in [<paramref name="start"/>, <paramref name="end"/>), by start, end and
    /// entity id (BINARY order), at most <paramref name="limit"/> (negative: all).
    /// </summary>
    public static List<(int Start, int End, string EntityId)> InRange(
        SqliteConnection connection, SqliteTransaction? transaction, string documentId, int start, int end, long limit)
    {
        var spans = new List<(int Start, int End, string EntityId)>();
        using (var command = SqliteCommands.Create(connection, transaction, "SELECT spans FROM document_mentions WHERE document_id = $id;", ("$id", documentId)))
        {
            if (command.ExecuteScalar() is byte[] blob)
            {
                foreach (var (_, s, e, entityId) in Spans(blob))
                {
                    if (s >= start && s < end)
                    {
                        spans.Add((s, e, entityId));
                    }
                }
            }
        }

        spans.Sort(static (a, b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? a.End.CompareTo(b.End)
            : CompareBinary(a.EntityId, b.EntityId));
        if (limit >= 0 && spans.Count > limit)
        {
            spans.RemoveRange((int)limit, spans.Count - (int)limit);
        }

        return spans;
    }

    /// <summary>
    /// How often the entity is mentioned, in how many documents, and the ids of the documents from <paramref name="offset"/>
    /// on (at most <paramref name="limit"/>) in BINARY order of their ids.
    /// </summary>
    public static (int Mentions, int DocumentCount, List<string> Documents) OfEntity(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string entityId,
        int offset,
        int limit)
    {
        var documents = new List<string>();
        var (mentions, count) = (0, 0);
        using var command = SqliteCommands.Create(connection, transaction, "SELECT documents FROM entity_mentions WHERE entity_id = $id;", ("$id", entityId));
        if (command.ExecuteScalar() is byte[] blob)
        {
            // The row lists the documents in id order; only the page's ids become strings (the others are still checked present).
            var row = new PackedReader(blob, "entity_mentions");
            while (!row.AtEnd)
            {
                mentions += row.Number();
                if (count >= offset && count - offset < limit)
                {
                    documents.Add(row.RequiredText());
                }
                else
                {
                    _ = row.RequiredBytes();
                }

                count++;
            }
        }

        return (mentions, count, documents);
    }

    /// <summary>
    /// Brings a store file of schema version 2 (a row per mention, in <c>mentions</c>) to the packed tables, keeping every
    /// mention and its order, inside the caller's transaction.
    /// </summary>
    public static void MigrateFromRowPerMention(SqliteConnection connection, SqliteTransaction transaction)
    {
        var mentions = new List<Mention>();
        using (var command = SqliteCommands.Create(connection, transaction, "SELECT entity_id, document_id, start_offset, end_offset FROM mentions ORDER BY rowid;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                mentions.Add(new Mention(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
            }
        }

        using (var create = SqliteCommands.Create(connection, transaction, CreateTables + "DROP TABLE mentions;"))
        {
            create.ExecuteNonQuery();
        }

        Write(connection, Pack(mentions, CancellationToken.None), null, CancellationToken.None);
    }

    /// <summary>
    /// Orders strings as SQLite's BINARY collation orders their UTF-8: by code point. UTF-16 code units order the same
    /// except that surrogates (characters above U+FFFF) must come after U+E000–U+FFFF.
    /// </summary>
    internal static int CompareBinary(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return CodePointOrder(a[i]) - CodePointOrder(b[i]);
            }
        }

        return a.Length - b.Length;
    }

    private static int CodePointOrder(char c) => c >= '\uE000' ? c - 0x800 : char.IsSurrogate(c) ? c + 0x2000 : c;

    private static List<(int Ordinal, int Start, int End, string EntityId)> Spans(byte[] blob)
    {
        var spans = new List<(int, int, int, string)>();
        var row = new PackedReader(blob, "document_mentions");
        while (!row.AtEnd)
        {
            spans.Add((row.Number(), row.Number(), row.Number(), row.RequiredText()));
        }

        return spans;
    }

    /// <summary>Each distinct id's rank in BINARY order; <paramref name="ids"/> lists them in that order.</summary>
    private static Dictionary<string, int> Ranks(IReadOnlyList<Mention> mentions, Func<Mention, string> id, out string[] ids)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            distinct.Add(id(m));
        }

        ids = [.. distinct];
        Array.Sort(ids, CompareBinary);
        var ranks = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            ranks[ids[i]] = i;
        }

        return ranks;
    }

    /// <summary>The positions 0..n-1 grouped by <paramref name="keys"/> (stable); group k is order[starts[k]..starts[k+1]].</summary>
    private static int[] GroupBy(int[] keys, int groups, out int[] starts)
    {
        starts = new int[groups + 1];
        foreach (var k in keys)
        {
            starts[k + 1]++;
        }

        for (var g = 0; g < groups; g++)
        {
            starts[g + 1] += starts[g];
        }

        var next = (int[])starts.Clone();
        var order = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            order[next[keys[i]]++] = i;
        }

        return order;
    }
}
