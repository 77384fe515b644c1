using System.Globalization;
using System.Text.Json;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using Microsoft.Data.Sqlite;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// Reads the evidence the index leaves out (citations, dates as written, descriptions, document text) for the few
/// relationships and entities one result contains, inside the read transaction of <paramref name="session"/>.
/// </summary>
internal sealed partial class Hydrator(GraphState state, ReadSession session, CancellationToken cancellationToken)
{
    // The session's transaction was begun on its handle, not through ADO.NET: commands run in it with no transaction object.
    private readonly SqliteConnection connection = session.Connection;

    // The document the last decoded citation named: an answer's citations name the same few documents again and again.
    private int _lastDocument = -1;


    /// <summary>
    /// The views of the given relationships. A file with packed evidence (written by every import since schema 3)
    /// costs one decode per relationship of the rows the load copied into memory (or, for a graph this process imported
    /// and has not loaded from the file, one rowid lookup, in index order so that neighbouring rows share pages); an older file's
    /// ids go to SQLite as one JSON array parameter per batch of 500 (read with json_each) joined with the citation tables.
    /// </summary>
    public Dictionary<int, RelationshipView> Relationships(IEnumerable<int> relationships)
    {
        var views = new Dictionary<int, RelationshipView>();
        if (state.PackedEvidence)
        {
            var wanted = relationships.ToHashSet().ToArray();
            Array.Sort(wanted);
            views.EnsureCapacity(wanted.Length);
            for (var i = 0; i < wanted.Length; i++)
            {
                if ((i & 0xFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                views[wanted[i]] = FromPackedEvidence(wanted[i]);
            }

            return views;
        }

        foreach (var batch in relationships.Distinct().Chunk(500))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Hydrate(batch, views);
        }

        return views;
    }

    /// <summary>
    /// The views of <paramref name="relationships"/>, in the order given. When they come in increasing index order (as a
    /// neighbourhood's do) and the file has packed evidence, each is hydrated in place: the same reads and checks as
    /// <see cref="Relationships"/>, in the same order, without its set and dictionary.
    /// </summary>
    public RelationshipView[] InOrder(IReadOnlyList<int> relationships)
    {
        var views = new RelationshipView[relationships.Count];
        if (!state.PackedEvidence || !Increasing(relationships))
        {
            var byIndex = Relationships(relationships);
            for (var i = 0; i < views.Length; i++)
            {
                views[i] = byIndex[relationships[i]];
            }

            return views;
        }

        _ = state.Evidence?.Fetch(relationships);
        for (var i = 0; i < views.Length; i++)
        {
            if ((i & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            views[i] = FromPackedEvidence(relationships[i]);
        }

        return views;

        static bool Increasing(IReadOnlyList<int> list)
        {
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i] <= list[i - 1])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// How many distinct citations the given relationships have, without building their views: from the packed rows in
    /// memory, only the citation ids are read; otherwise from the decoded rows (or, for an older file, the views).
    /// </summary>
    public int DistinctCitationCount(IEnumerable<int> relationships)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!state.PackedEvidence)
        {
            foreach (var view in Relationships(relationships).Values)
            {
                ids.UnionWith(view.Citations.Select(c => c.Id));
            }

            return ids.Count;
        }

        // In relationship order, the order the rows lie in memory (and in the file).
        var ordered = relationships.ToArray();
        Array.Sort(ordered);
        ids.EnsureCapacity(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            if ((i & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var r = ordered[i];
            if (state.Evidence is { } rows)
            {
                var row = rows.Row(r);
                EvidenceFormat.AddCitationIds(row.IsEmpty ? throw NotInFile(r) : row, ids);
            }
            else
            {
                ids.UnionWith((Evidence(r) ?? throw NotInFile(r)).Citations.Select(c => c.Id));
            }
        }

        return ids.Count;
    }

    private InvalidOperationException NotInFile(int r) =>
        new($"relationship '{state.Index.RelationshipIds[r]}' is in the index but not in the store file");

    /// <summary>Relationship <paramref name="r"/>'s view from its packed evidence row; a missing row is a damaged file.</summary>
    private RelationshipView FromPackedEvidence(int r)
    {
        var evidence = Evidence(r) ?? throw NotInFile(r);
        return View(r, evidence.Since, evidence.Until, evidence.Publishers, evidence.Citations);
    }

    private PackedEvidence? Evidence(int relationship)
    {
        if (state.Evidence is not { } rows)
        {
            return session.ReadEvidence(relationship, state.CitedDocuments, ref _lastDocument);
        }

        var row = rows.Row(relationship);
        return row.IsEmpty ? null : EvidenceFormat.Decode(row, state.CitedDocuments, ref _lastDocument);
    }

    private RelationshipView View(int r, string? since, string? until, int publishers, IReadOnlyList<CitationView> citations)
    {
        var index = state.Index;
        var type = index.RelationshipType[r];
        return new RelationshipView(
            index.RelationshipIds[r],
            index.TypeNames[type],
            state.PhraseOfType(type),
            index.EntityIds[index.RelationshipStart[r]],
            index.EntityIds[index.RelationshipEnd[r]],
            index.RelationshipConfidence[r],
            index.RelationshipCorroboration[r],
            index.RelationshipContested[r],
            since,
            until,
            citations)
        {
            Publishers = publishers,
        };
    }

    private void Hydrate(int[] batch, Dictionary<int, RelationshipView> views)
    {
        var index = state.Index;
        var ids = JsonSerializer.Serialize(batch.Select(r => index.RelationshipIds[r]));
        var dates = new Dictionary<string, (string? Since, string? Until, int Publishers)>(StringComparer.Ordinal);
        using (var command = SqliteCommands.Create(
            connection,
            null,
            "SELECT r.id, r.since, r.until, r.publishers FROM json_each($ids) j JOIN relationships r ON r.id = j.value;",
            ("$ids", ids)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                dates[reader.GetString(0)] = (reader.NullableString(1), reader.NullableString(2), reader.GetInt32(3));
            }
        }

        var cited = new Dictionary<string, List<CitationView>>(StringComparer.Ordinal);
        using (var command = SqliteCommands.Create(
            connection,
            null,
            """
            SELECT c.id, c.document_id, c.quote, c.start_offset, c.end_offset, c.stance, rc.relationship_id
            FROM json_each($ids) j
            JOIN relationship_citations rc ON rc.relationship_id = j.value
            JOIN citations c ON c.id = rc.citation_id
            ORDER BY rc.relationship_id, rc.ordinal;
            """,
            ("$ids", ids)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var owner = reader.GetString(6);
                if (!cited.TryGetValue(owner, out var list))
                {
                    cited[owner] = list = [];
                }

                list.Add(ReadCitation(reader).ToView(SqliteGraphStore.Document(state, reader.GetString(1))));
            }
        }

        foreach (var r in batch)
        {
            var id = index.RelationshipIds[r];
            if (!dates.TryGetValue(id, out var written))
            {
                throw NotInFile(r);
            }

            views[r] = View(r, written.Since, written.Until, written.Publishers, cited.GetValueOrDefault(id) ?? []);
        }
    }

    /// <summary>The entity's description, and the page of the documents that mention it that <paramref name="query"/> asks for.</summary>
    public (string? Description, int MentionCount, int DocumentCount, IReadOnlyList<string> MentionedIn) EntityExtras(EntityQuery query)
    {
        var entityId = query.EntityId;
        string? description;
        using (var command = SqliteCommands.Create(connection, null, "SELECT description FROM entities WHERE id = $id;", ("$id", entityId)))
        {
            description = command.ExecuteScalar() as string;
        }

        var (mentions, count, documents) = MentionRows.OfEntity(connection, null, entityId, query.DocumentOffset, query.DocumentLimit);
        return (description, mentions, count, documents);
    }

    /// <summary>
    /// One page of a document. The citations come from the (document, start) index, the mentions from the document's one
    /// packed row (<see cref="MentionRows"/>); the text is cut by SQLite's substr,
    /// so only the page reaches .NET. substr counts code points and the API counts UTF-16 code units: they agree unless
    /// the text holds characters outside the BMP (then length(body) is less than body_length), and only then is the
    /// whole body read and cut here.
    /// </summary>
    public DocumentDetail Document(DocumentSummary summary, DocumentQuery query)
    {
        var (start, end) = DocumentPaging.Clamp(query, summary.Length);
        cancellationToken.ThrowIfCancellationRequested();
        var mentions = MentionRows.InRange(connection, null, summary.Id, start, end, query.MentionLimit + 1L)
            .ConvertAll(m => new SpanRef(m.Start, m.End, m.EntityId));
        var citations = Spans(
            """
            SELECT id, start_offset, end_offset FROM citations
            WHERE document_id = $id AND start_offset >= $start AND start_offset < $end
            ORDER BY start_offset, end_offset, id LIMIT $limit;
            """,
            summary.Id, start, end, -1L);
        var readEnd = DocumentPaging.ReadEnd(end, summary.Length, mentions.Concat(citations));
        string? page;
        using (var command = SqliteCommands.Create(
            connection,
            null,
            "SELECT CASE WHEN length(body) = body_length THEN substr(body, $from, $count) END FROM documents WHERE id = $id;",
            ("$id", summary.Id),
            ("$from", start + 1L),
            ("$count", (long)(readEnd - start))))
        {
            page = command.ExecuteScalar() as string;
        }

        TextWindow window;
        if (page is not null)
        {
            window = new TextWindow(start, page);
        }
        else
        {
            using var whole = SqliteCommands.Create(connection, null, "SELECT body FROM documents WHERE id = $id;", ("$id", summary.Id));
            (start, end, window) = DocumentPaging.CutWindow((string)whole.ExecuteScalar()!, start, end, readEnd);
        }

        return DocumentPaging.Page(state.Version, summary, start, end, window, mentions, query.MentionLimit, citations);
    }

    private List<SpanRef> Spans(string sql, string documentId, int start, int end, long limit)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var spans = new List<SpanRef>();
        using var command = SqliteCommands.Create(connection, null, sql, ("$id", documentId), ("$start", start), ("$end", end), ("$limit", limit));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            spans.Add(new SpanRef(reader.GetInt32(1), reader.GetInt32(2), reader.GetString(0)));
        }

        return spans;
    }

    public (Citation Citation, IReadOnlyList<string> RelationshipIds)? Citation(string citationId)
    {
        Citation citation;
        using (var command = SqliteCommands.Create(
            connection,
            null,
            "SELECT id, document_id, quote, start_offset, end_offset, stance FROM citations WHERE id = $id;",
            ("$id", citationId)))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            citation = ReadCitation(reader);
        }

        var relationships = new List<string>();
        using (var command = SqliteCommands.Create(
            connection,
            null,
            "SELECT relationship_id FROM relationship_citations WHERE citation_id = $id ORDER BY relationship_id;",
            ("$id", citationId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                relationships.Add(reader.GetString(0));
            }
        }

        return (citation, relationships);
    }

    public (int Citations, int Mentions) EvidenceCounts()
    {
        using var command = SqliteCommands.Create(
            connection,
            null,
            "SELECT (SELECT value FROM meta WHERE key = 'citation_count'), (SELECT value FROM meta WHERE key = 'mention_count');");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (int.Parse(reader.GetString(0), CultureInfo.InvariantCulture), int.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
    }

    /// <summary>A citation from the columns id, document_id, quote, start_offset, end_offset, stance, from <paramref name="first"/> on.</summary>
    internal static Citation ReadCitation(SqliteDataReader reader, int first = 0) =>
        new(
            reader.GetString(first),
            reader.GetString(first + 1),
            reader.GetString(first + 2),
            reader.GetInt32(first + 3),
            reader.GetInt32(first + 4),
            ParseStance(reader.GetString(first + 5)));

    internal static Stance ParseStance(string text) =>
        StanceWords.TryParse(text, out var stance) ? stance : throw new InvalidOperationException($"unknown stance '{text}' in the store file");
}
