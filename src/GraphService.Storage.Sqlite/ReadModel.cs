using System.Buffers;
using GraphService.Core.Domain;
using GraphService.Core.Traversal;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// What an import writes beside the graph's rows so that reading it is cheap: one packed evidence row per relationship,
/// keyed by the relationship's index in the <see cref="TraversalIndex"/> (see <see cref="EvidenceFormat"/>), and the
/// traversal index with its alias keys (<see cref="IndexImage"/>, in <see cref="IndexParts"/>). It is written inside the
/// import's transaction, so it can never disagree with the rows or the graph version.
/// </summary>
internal static class ReadModel
{
    /// <summary>Meta key whose presence says the file holds packed evidence for every relationship of its graph.</summary>
    public const string PackedEvidenceKey = "packed_evidence";

    /// <summary>
    /// The packed evidence of every relationship of <paramref name="graph"/>, in the snapshot's order. An import encodes
    /// it on another core while it writes the graph's rows, so that <see cref="Write"/> only binds it.
    /// </summary>
    public static PackedBlobs PackEvidence(GraphSnapshot graph, CancellationToken cancellationToken)
    {
        var packed = new PackedBlobs();
        var buffer = new ArrayBufferWriter<byte>(256);
        var relationships = graph.Relationships;
        for (var i = 0; i < relationships.Count; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            EvidenceFormat.Encode(relationships[i], buffer);
            packed.Add(buffer.WrittenSpan);
        }

        return packed;
    }

    /// <summary>
    /// Writes the read model of <paramref name="graph"/>: <paramref name="evidence"/> (<see cref="PackEvidence"/>) and the
    /// index parts. Returns, for each relationship of <paramref name="index"/>, its place in the snapshot's order, which is
    /// where <paramref name="evidence"/> holds its row.
    /// </summary>
    public static int[] Write(SqliteConnection connection, GraphSnapshot graph, PackedBlobs evidence, TraversalIndex index, AliasIndex aliases, CancellationToken cancellationToken)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rowOf = new int[index.RelationshipCount];
        Check(database, raw.sqlite3_prepare_v2(database, "INSERT INTO relationship_evidence (relationship, data) VALUES (?1, ?2);", out var insert));
        using (insert)
        {
            var relationships = graph.Relationships;
            for (var i = 0; i < relationships.Count; i++)
            {
                if ((i & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                // The index holds relationships in id order; a snapshot usually lists them so, and then no search is needed.
                var r = i < index.RelationshipCount && index.RelationshipIds.Span(i).SequenceEqual(relationships[i].Id)
                    ? i
                    : index.RelationshipIndexOf(relationships[i].Id);
                rowOf[r] = i;
                Check(database, raw.sqlite3_bind_int64(insert, 1, r));
                Check(database, raw.sqlite3_bind_blob(insert, 2, evidence[i]));
                var step = raw.sqlite3_step(insert);
                var reset = raw.sqlite3_reset(insert);
                Check(database, step == raw.SQLITE_DONE ? reset : step);
            }
        }

        Check(database, raw.sqlite3_prepare_v2(database, $"INSERT INTO meta (key, value) VALUES ('{PackedEvidenceKey}', '1');", out var meta));
        using (meta)
        {
            var step = raw.sqlite3_step(meta);
            Check(database, step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (var parts = IndexParts.ForWriting(connection))
        {
            IndexImage.Write(index, aliases, parts);
        }

        return rowOf;
    }

    private static void Check(sqlite3 database, int code) => SqliteCommands.Check(database, code, "while writing the read model");
}
