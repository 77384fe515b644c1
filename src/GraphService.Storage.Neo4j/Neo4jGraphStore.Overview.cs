using GraphService.Core.Queries;
using GraphService.Storage.Neo4j.Http;
using GraphService.Storage.Neo4j.Statements;

namespace GraphService.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// The overview's entities come ranked from the "most-connected" statement (degree, then id, as Core's Connectedness
    /// ranks), which counts every entity's relationships: it is asked once per graph stamp for as many entities as an
    /// overview may show, and the ranking is kept in the stamp's cache once the read's commit has checked the stamp, so
    /// that each overview takes its first entities. The relationships among them and their citations are read as a
    /// neighbourhood's are, in the same version-checked transaction. The total of entities is the cached name table's,
    /// which holds every entity of the graph whose stamp the transaction checks; only the total of relationships is
    /// counted. The featured names are resolved in that cache too, so they need no statement of their own.
    /// </summary>
    public async Task<MostConnected> GetMostConnectedAsync(int limit, IReadOnlyList<string> featured, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentNullException.ThrowIfNull(featured);
        var (cache, ranking, overview) = await _reads.ReadAsync(
            async (cache, tx, ct) =>
            {
                var ranking = cache.MostConnected.Value is { } kept && kept.Covers(limit) ? kept : await RankAsync(tx, Math.Max(limit, QueryLimits.OverviewLimit.Max), ct).ConfigureAwait(false);
                var nodes = ranking.Ranked.Take(limit).ToList();
                var relationships = (await Run(tx, "relationship-count", ct).ConfigureAwait(false)).Records[0].Int("relationships");
                List<string> among = nodes.Count == 0
                    ? []
                    : (await tx.RunAsync(
                        CypherStatements.Make("relationships-among", _cypher.RelationshipsAmongText([], cache.Vocabulary), ("ids", nodes.Select(n => n.Id).ToList())),
                        ct).ConfigureAwait(false)).Records.Select(r => r.String("id")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var views = await RelationshipViewsAsync(tx, among, ct).ConfigureAwait(false);
                return (cache, ranking, new MostConnected(cache.Version, cache.Entities.Count, relationships, nodes, [.. among.Select(id => views[id])], [.. featured.Select(cache.Names.Identify)]));
            },
            cancellationToken).ConfigureAwait(false);
        cache.MostConnected.Keep(ranking);
        return overview;
    }

    private async Task<MostConnectedRanking> RankAsync(IReadTransaction transaction, int count, CancellationToken cancellationToken) =>
        new(count, [.. (await Run(transaction, "most-connected", cancellationToken, ("limit", count)).ConfigureAwait(false)).Records
            .Select(r => (View: RecordMapping.ToNodeView(r), Degree: r.Int("degree")))
            .Select(n => new RankedNode(n.View.Id, n.View.Name, n.View.Type, n.Degree))]);
}
