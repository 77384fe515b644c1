using System.Globalization;
using GraphService.Core.Domain;
using GraphService.Core.Progress;
using GraphService.Core.Traversal;
using Microsoft.Data.Sqlite;

namespace GraphService.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Enum.ToString allocates a string each time; an import names 200,000 entities' types.
    private static readonly Dictionary<EntityType, string> EntityTypeNames = Enum.GetValues<EntityType>().ToDictionary(t => t, t => t.ToString());

    /// <summary>
    /// Replaces the graph in one SQLite transaction. The new index is built first (it checks ids and endpoints), the
    /// rows are written with prepared commands, and only after the commit is the in-memory state swapped. If anything
    /// fails — a constraint, a cancellation, the disk — the transaction rolls back and the old graph stays.
    /// </summary>
    public Task ReplaceGraphAsync(GraphSnapshot graph, CancellationToken cancellationToken) => ReplaceGraphAsync(graph, null, cancellationToken);

    /// <summary>
    /// <see cref="ReplaceGraphAsync(GraphSnapshot, CancellationToken)"/>, reporting the rows written (of all the rows
    /// the graph makes) to <paramref name="progress"/>.
    /// </summary>
    public async Task ReplaceGraphAsync(GraphSnapshot graph, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            if (StoreFile.ReadMeta(connection, transaction).GetValueOrDefault(StoreFile.MetaKeys.GraphVersion) == graph.Version)
            {
                // Identical corpus, identical version: nothing to change.
                return;
            }

            // The in-memory state (traversal index, alias index, document summaries) is built on another core while
            // this one writes the rows: neither reads what the other makes. The index checks ids and endpoints, so its
            // failure is the one reported when both fail, as when it was built first.
            // The same core then encodes the read model's evidence and the mention rows, which the write only binds.
            var building = Task.Run(() => Prepare(graph, cancellationToken), cancellationToken);
            GraphState state;
            try
            {
                using (var pragmas = SqliteCommands.Create(connection, transaction, "PRAGMA cache_size = -131072; PRAGMA threads = 2;"))
                {
                    // 128 MiB of page cache for this connection while it writes (the pool reuses it for reads afterwards,
                    // which go through the memory map), and a second sorter thread for the index builds. The rows arrive
                    // in key order, so a larger cache did not write faster (256 MiB: the same times at 500k claims and at
                    // 5M relationships), while the import's peak memory counts all of it (docs/benchmarks.md).
                    pragmas.ExecuteNonQuery();
                }

                // Table and index names come from the fixed schema lists, never from input.
                foreach (var (name, _) in SqliteSchema.SecondaryIndexes)
                {
                    using var drop = SqliteCommands.Create(connection, transaction, $"DROP INDEX IF EXISTS {name};");
                    drop.ExecuteNonQuery();
                }

                foreach (var table in SqliteSchema.ContentTables)
                {
                    using var delete = SqliteCommands.Create(connection, transaction, $"DELETE FROM {table};");
                    delete.ExecuteNonQuery();
                }

                var rows = progress is null ? null : new ProgressCounter(progress, "rows written", RowCount(graph), every: 8192);
                var citationCount = WriteRows(connection, transaction, graph, rows, cancellationToken);

                // The read model is keyed by the index's relationship numbers, so it waits for the index.
                (state, var evidence, var mentions) = await building.ConfigureAwait(false);
                MentionRows.Write(connection, mentions, rows, cancellationToken);
                rows?.Complete();
                var rowOf = ReadModel.Write(connection, graph, evidence, state.Index, state.Aliases, cancellationToken);
                foreach (var (_, create) in SqliteSchema.SecondaryIndexes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var build = SqliteCommands.Create(connection, transaction, create);
                    build.ExecuteNonQuery();
                }

                WriteMeta(connection, transaction, graph, citationCount);
                if (_options.EvidenceInMemory)
                {
                    // As a load from the file would (GetStateAsync), so that the graph this instance wrote is not hydrated
                    // row by row from the file until a restart: the rows just written, from the bytes encoded for them.
                    state.Evidence = EvidenceRows.FromPacked(evidence, rowOf, cancellationToken);
                }
            }
            catch (Exception)
            {
                // Never leave the build running on a graph the caller may drop. Its failure (an id or an endpoint the
                // index refuses) is the one reported, as when the index was built before the rows were written.
                try
                {
                    await building.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Cancelled along with the write, whose exception says so.
                }

                throw;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _state = state;
            ReclaimSpace(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: the snapshot itself is inconsistent (a duplicate id); the transaction has rolled back.
            throw new ArgumentException($"the snapshot cannot be stored ({e.Message}); the previous graph is unchanged", nameof(graph), e);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Gives the pages the old graph occupied back to the file system. It runs after the commit, in transactions of its
    /// own, so it cannot touch the replacement's atomicity: interrupted, it rolls back and the file is only larger than
    /// it need be. A file written before incremental vacuum was turned on is converted by one full VACUUM.
    /// </summary>
    private static void ReclaimSpace(SqliteConnection connection)
    {
        var sql = SqliteSchema.VacuumsIncrementally(connection)
            ? "PRAGMA incremental_vacuum;"
            : "PRAGMA auto_vacuum = INCREMENTAL; VACUUM;";
        try
        {
            using (var vacuum = SqliteCommands.Create(connection, null, sql))
            {
                vacuum.ExecuteNonQuery();
            }

            // In WAL mode the file shrinks when the log is checkpointed. Readers keep that from completing; the import
            // does not wait long for them (a later checkpoint finishes the job).
            using var checkpoint = SqliteCommands.Create(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
            checkpoint.CommandTimeout = 1;
            checkpoint.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: another process holds the file. The graph is replaced; the space is given back
            // after a later import, so the replacement does not fail for it.
        }
    }

    /// <summary>The rows <see cref="WriteRows"/> writes for <paramref name="graph"/> (a passage cited by several relationships is one row).</summary>
    private static long RowCount(GraphSnapshot graph)
    {
        var citations = new HashSet<string>(StringComparer.Ordinal);
        long links = 0;
        foreach (var r in graph.Relationships)
        {
            links += r.Citations.Count;
            foreach (var c in r.Citations)
            {
                citations.Add(c.Id);
            }
        }

        return graph.Predicates.Count + graph.Entities.Count + graph.Entities.Sum(e => (long)e.Aliases.Count) + graph.Documents.Count
            + graph.Relationships.Count + links + citations.Count + graph.Mentions.Count;
    }

    /// <summary>The in-memory state of <paramref name="graph"/>, made while its rows are written.</summary>
    private static GraphState BuildState(GraphSnapshot graph)
    {
        var index = TraversalIndex.FromSnapshot(graph);
        var predicates = new Dictionary<string, Predicate>(StringComparer.Ordinal);
        foreach (var p in graph.Predicates)
        {
            predicates[p.Type] = p;
        }

        var documents = new Dictionary<string, Core.Queries.DocumentSummary>(StringComparer.Ordinal);
        foreach (var d in graph.Documents)
        {
            documents[d.Id] = Core.Queries.ViewMapping.ToSummary(d);
        }

        return new GraphState(graph.Version, index, predicates, documents);
    }

    /// <summary>The in-memory state of <paramref name="graph"/>, the packed evidence and the mention rows, made while its other rows are written.</summary>
    private static (GraphState State, PackedBlobs Evidence, MentionRows.Packed Mentions) Prepare(GraphSnapshot graph, CancellationToken cancellationToken)
    {
        var state = BuildState(graph);
        var mentions = MentionRows.Pack(graph.Mentions, cancellationToken);
        return (state, ReadModel.PackEvidence(graph, cancellationToken), mentions);
    }

    /// <summary>Writes every row of <paramref name="graph"/> but the mentions; returns how many citations (distinct passages) it holds.</summary>
    private static int WriteRows(
        SqliteConnection connection,
        SqliteTransaction transaction,
        GraphSnapshot graph,
        ProgressCounter? rows,
        CancellationToken cancellationToken)
    {
        using (var predicates = new BatchedInsert(connection, rows, "predicates", "type", "phrase", "built_in"))
        {
            foreach (var p in graph.Predicates)
            {
                predicates.Text(1, p.Type).Text(2, p.Phrase).Integer(3, p.BuiltIn ? 1 : 0).Run();
            }
        }

        using (var entities = new BatchedInsert(connection, rows, "entities", "id", "type", "name", "description"))
        using (var aliases = new BatchedInsert(connection, rows, "aliases", "entity_id", "ordinal", "alias"))
        {
            var n = 0;
            foreach (var e in graph.Entities)
            {
                Checkpoint(ref n, cancellationToken);
                entities.Text(1, e.Id).Text(2, EntityTypeNames.GetValueOrDefault(e.Type) ?? e.Type.ToString()).Text(3, e.Name).Text(4, e.Description).Run();
                for (var i = 0; i < e.Aliases.Count; i++)
                {
                    aliases.Text(1, e.Id).Integer(2, i).Text(3, e.Aliases[i]).Run();
                }
            }
        }

        var documents = new HashSet<string>(StringComparer.Ordinal);
        using (var insert = new BatchedInsert(
            connection,
            rows,
            "documents",
            "id", "title", "publisher", "author", "published", "url", "language", "body", "body_length"))
        {
            foreach (var d in graph.Documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                insert.Text(1, d.Id).Text(2, d.Title).Text(3, d.Publisher).Text(4, d.Author).Text(5, d.Published?.ToString())
                    .Text(6, d.Url).Text(7, d.Language).Text(8, d.Body).Integer(9, d.Body.Length).Run();
                documents.Add(d.Id);
            }
        }

        var citations = new Dictionary<string, Citation>(StringComparer.Ordinal);
        using (var insert = new BatchedInsert(
            connection,
            rows,
            "relationships",
            "id", "type", "start_id", "end_id", "since", "until", "since_day", "until_day", "confidence", "confidence_declared", "corroboration", "contested", "publishers"))
        using (var link = new BatchedInsert(connection, rows, "relationship_citations", "relationship_id", "ordinal", "citation_id"))
        {
            var n = 0;
            foreach (var r in graph.Relationships)
            {
                Checkpoint(ref n, cancellationToken);
                insert.Text(1, r.Id).Text(2, r.Type).Text(3, r.StartId).Text(4, r.EndId)
                    .Text(5, r.Since?.ToString()).Text(6, r.Until?.ToString())
                    .Integer(7, r.Since is PartialDate s ? s.Earliest.DayNumber : TraversalIndex.OpenSince)
                    .Integer(8, r.Until is PartialDate u ? u.Latest.DayNumber : TraversalIndex.OpenUntil)
                    .Real(9, r.Confidence).Integer(10, r.ConfidenceDeclared ? 1 : 0).Integer(11, r.Corroboration)
                    .Integer(12, r.Contested ? 1 : 0).Integer(13, r.Publishers)
                    .Run();
                for (var i = 0; i < r.Citations.Count; i++)
                {
                    var c = r.Citations[i];
                    if (citations.TryGetValue(c.Id, out var seen))
                    {
                        // One passage may back several relationships, but one id must always mean the same passage.
                        if (seen != c)
                        {
                            throw new ArgumentException($"citation id '{c.Id}' names two different passages; the previous graph is unchanged", nameof(graph));
                        }
                    }
                    else
                    {
                        if (!documents.Contains(c.DocumentId))
                        {
                            throw new ArgumentException($"citation '{c.Id}' cites unknown document '{c.DocumentId}'; the previous graph is unchanged", nameof(graph));
                        }

                        citations[c.Id] = c;
                    }

                    link.Text(1, r.Id).Integer(2, i).Text(3, c.Id).Run();
                }
            }
        }

        // In id order, so that the primary key's index grows at its end instead of taking every row at a random place.
        var distinct = citations.Values.ToArray();
        Array.Sort(distinct, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        using (var cite = new BatchedInsert(connection, rows, "citations", "id", "document_id", "quote", "start_offset", "end_offset", "stance"))
        {
            var n = 0;
            foreach (var c in distinct)
            {
                Checkpoint(ref n, cancellationToken);
                cite.Text(1, c.Id).Text(2, c.DocumentId).Text(3, c.Quote).Integer(4, c.Start).Integer(5, c.End).Text(6, c.Stance.ToWord()).Run();
            }
        }

        return distinct.Length;
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction transaction, GraphSnapshot graph, int citationCount)
    {
        using var insert = SqliteCommands.Prepare(connection, transaction, "INSERT INTO meta (key, value) VALUES ($k, $v);", "$k", "$v");
        insert.Run(StoreFile.MetaKeys.GraphVersion, graph.Version);
        insert.Run(StoreFile.MetaKeys.CorpusName, graph.CorpusName);
        insert.Run(StoreFile.MetaKeys.ImportedAt, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        insert.Run(StoreFile.MetaKeys.Entities, graph.Entities.Count.ToString(CultureInfo.InvariantCulture));
        insert.Run(StoreFile.MetaKeys.Relationships, graph.Relationships.Count.ToString(CultureInfo.InvariantCulture));
        insert.Run(StoreFile.MetaKeys.Documents, graph.Documents.Count.ToString(CultureInfo.InvariantCulture));
        insert.Run(StoreFile.MetaKeys.Citations, citationCount.ToString(CultureInfo.InvariantCulture));
        insert.Run(StoreFile.MetaKeys.Mentions, graph.Mentions.Count.ToString(CultureInfo.InvariantCulture));
    }

    private static void Checkpoint(ref int rows, CancellationToken cancellationToken)
    {
        if ((++rows & 0x3FF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
