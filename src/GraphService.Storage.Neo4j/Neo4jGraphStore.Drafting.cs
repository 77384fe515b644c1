using GraphService.Core.Domain;
using GraphService.Core.Store;

namespace GraphService.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Drafting's reads for one document, in one version-checked transaction: the document (read.cypher#drafting-document),
    /// its mentions (#document-mentions, every one) and the claims among the entities they name (#drafting-claims). The
    /// entities' views and the names come from the graph's cache; nothing that grows with the graph crosses the wire.
    /// </summary>
    public Task<DraftingSource?> GetDraftingSourceAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return _reads.ReadAsync<DraftingSource?>(
            async (cache, tx, ct) =>
            {
                var found = (await Run(tx, "drafting-document", ct, ("id", documentId)).ConfigureAwait(false)).Records;
                if (found.Count == 0)
                {
                    return null;
                }

                var mentions = (await Run(tx, "document-mentions", ct, ("id", documentId), ("start", 0), ("end", int.MaxValue), ("limit", int.MaxValue)).ConfigureAwait(false)).Records
                    .Select(r => new Mention(r.String("entityId"), documentId, r.Int("start"), r.Int("end")))
                    .ToList();
                var mentioned = mentions.Select(m => m.EntityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var entities = mentioned
                    .Select(id => cache.Entity(id) ?? throw new InvalidDataException($"document '{documentId}' mentions entity '{id}', which the graph's name table does not hold"))
                    .ToList();
                List<ClaimTriple> claims = mentioned.Count == 0
                    ? []
                    : [.. (await Run(tx, "drafting-claims", ct, ("ids", mentioned)).ConfigureAwait(false)).Records.Select(r => new ClaimTriple(r.String("startId"), r.String("type"), r.String("endId")))];
                return new DraftingSource(cache.Version, RecordMapping.ToSourceDocument(found[0]), mentions, entities, claims, cache);
            },
            cancellationToken);
    }
}
