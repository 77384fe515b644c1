using GraphService.Core.Domain;
using GraphService.Core.Store;

namespace GraphService.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Drafting's reads for one document: its text and mentions from the file (its packed mention row), the entities the
    /// mentions name and the claims among them from the loaded index, and the loaded graph's names. Nothing is read or
    /// made per entity of the graph.
    /// </summary>
    public Task<DraftingSource?> GetDraftingSourceAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return ReadAsync<DraftingSource?>(
            (state, hydrator) =>
            {
                if (!state.Documents.ContainsKey(documentId))
                {
                    return null;
                }

                var (body, mentions) = hydrator.DraftingDocument(documentId);
                var index = state.Index;
                var mentioned = new SortedSet<int>();
                foreach (var m in mentions)
                {
                    var e = index.EntityIndexOf(m.EntityId);
                    _ = mentioned.Add(e >= 0 ? e : throw new InvalidOperationException($"entity '{m.EntityId}' is mentioned in the store file but not in the index"));
                }

                // A claim between two mentioned entities is in the adjacency of its start; a claim from an entity to itself
                // is listed there twice, so relationships are collected as a set.
                var among = new SortedSet<int>();
                foreach (var e in mentioned)
                {
                    for (var slot = index.AdjacencyOffsets[e]; slot < index.AdjacencyOffsets[e + 1]; slot++)
                    {
                        var r = index.LinkEntry[slot] >> 1;
                        if (index.RelationshipStart[r] == e && mentioned.Contains(index.RelationshipEnd[r]))
                        {
                            among.Add(r);
                        }
                    }
                }

                return new DraftingSource(
                    state.Version,
                    Document(state, documentId) with { Body = body },
                    mentions,
                    [.. mentioned.Select(state.Node)],
                    [.. among.Select(r => new ClaimTriple(index.EntityIds[index.RelationshipStart[r]], index.TypeNames[index.RelationshipType[r]], index.EntityIds[index.RelationshipEnd[r]]))],
                    state);
            },
            cancellationToken);
    }
}

/// <summary>The file's part of drafting's reads.</summary>
internal sealed partial class Hydrator
{
    /// <summary>A document's whole text, and every mention the import found in it, in document order.</summary>
    public (string Body, IReadOnlyList<Mention> Mentions) DraftingDocument(string documentId)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string body;
        using (var command = SqliteCommands.Create(connection, null, "SELECT body FROM documents WHERE id = $id;", ("$id", documentId)))
        {
            body = command.ExecuteScalar() as string ?? throw new InvalidOperationException($"document '{documentId}' is in the index but not in the store file");
        }

        // The document's packed mention row, every span (no range, no limit).
        return (body, [.. MentionRows.InRange(connection, null, documentId, 0, int.MaxValue, -1).Select(m => new Mention(m.EntityId, documentId, m.Start, m.End))]);
    }
}
