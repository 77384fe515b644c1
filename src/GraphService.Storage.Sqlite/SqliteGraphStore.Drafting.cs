using System.Runtime.CompilerServices;
using GraphService.Core.Domain;
using GraphService.Core.Store;

namespace GraphService.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Each loaded graph's entities in the order the corpus declared them (the index holds them by id), read from the file
    /// on first use. The order decides which entity keeps a name two entities share in mention finding. Weakly keyed, so
    /// a replaced graph's state is not kept alive by it.
    /// </summary>
    private readonly ConditionalWeakTable<GraphState, int[]> _declaredOrders = [];

    /// <summary>
    /// Drafting's reads for one document: its text and the entities it mentions from the file (its packed mention row), the
    /// entities and the claims among the mentioned ones from the loaded index. Nothing else of the graph is read.
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

                var (body, mentionedIds) = hydrator.DraftingDocument(documentId);
                var index = state.Index;
                var declared = _declaredOrders.GetValue(state, _ => hydrator.DeclaredEntityOrder());
                var entities = new Entity[declared.Length];
                for (var i = 0; i < entities.Length; i++)
                {
                    var e = declared[i];
                    entities[i] = new Entity(index.EntityIds[e], index.EntityTypes[e], index.EntityNames[e], index.EntityAliases[e], null);
                }

                // A claim between two mentioned entities is in the adjacency of its start; a claim from an entity to itself
                // is listed there twice, so relationships are collected as a set.
                var mentioned = mentionedIds.Select(index.EntityIndexOf).Where(e => e >= 0).ToHashSet();
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
                    entities,
                    [.. among.Select(r => new ClaimTriple(index.EntityIds[index.RelationshipStart[r]], index.TypeNames[index.RelationshipType[r]], index.EntityIds[index.RelationshipEnd[r]]))]);
            },
            cancellationToken);
    }
}

/// <summary>The file's part of drafting's reads.</summary>
internal sealed partial class Hydrator
{
    /// <summary>A document's whole text, and the ids of the entities the import found mentioned in it.</summary>
    public (string Body, IReadOnlyList<string> Mentioned) DraftingDocument(string documentId)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string body;
        using (var command = SqliteCommands.Create(connection, null, "SELECT body FROM documents WHERE id = $id;", ("$id", documentId)))
        {
            body = command.ExecuteScalar() as string ?? throw new InvalidOperationException($"document '{documentId}' is in the index but not in the store file");
        }

        // The document's packed mention row, every span (no range, no limit); the entities once each.
        var mentioned = MentionRows.InRange(connection, null, documentId, 0, int.MaxValue, -1).Select(m => m.EntityId).Distinct(StringComparer.Ordinal).ToList();
        return (body, mentioned);
    }

    /// <summary>The index's entity numbers in the order the corpus declared the entities (the file's insertion order).</summary>
    public int[] DeclaredEntityOrder()
    {
        var order = new List<int>(state.Index.EntityCount);
        using var command = SqliteCommands.Create(connection, null, "SELECT id FROM entities ORDER BY rowid;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var e = state.Index.EntityIndexOf(id);
            order.Add(e >= 0 ? e : throw new InvalidOperationException($"entity '{id}' is in the store file but not in the index"));
        }

        return [.. order];
    }
}
