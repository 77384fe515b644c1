using GraphService.Core.Store;

namespace GraphService.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Drafting's reads for one document, in one version-checked transaction: the document with the entities it mentions
    /// (read.cypher#drafting-document), every entity in corpus order (#snapshot-entities) and the claims among the
    /// mentioned ones (#drafting-claims). Nothing else of the graph crosses the wire.
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

                var mentioned = found[0].Strings("mentioned").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var entities = (await Run(tx, "snapshot-entities", ct).ConfigureAwait(false)).Records.Select(e => RecordMapping.ToEntity(e) with { Description = null }).ToList();
                List<ClaimTriple> claims = mentioned.Count == 0
                    ? []
                    : [.. (await Run(tx, "drafting-claims", ct, ("ids", mentioned)).ConfigureAwait(false)).Records.Select(r => new ClaimTriple(r.String("startId"), r.String("type"), r.String("endId")))];
                return new DraftingSource(cache.Version, RecordMapping.ToSourceDocument(found[0]), entities, claims);
            },
            cancellationToken);
    }
}
