using GraphService.Core.Store;

namespace GraphService.Core.Queries;

public sealed partial class GraphQueries
{
    /// <summary>
    /// The overview of the graph: at most <paramref name="limit"/> entities, most connected first, with the entities that
    /// <paramref name="featured"/> (ids, names or aliases, from configuration) resolve to as starting points. A featured
    /// name that resolves to no single entity is listed as unresolved rather than failing the answer: the configuration may
    /// have been written for another corpus.
    /// </summary>
    public async Task<QueryOutcome<GraphOverview>> OverviewAsync(int limit, IReadOnlyList<string> featured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(featured);
        if (!QueryLimits.OverviewLimit.Contains(limit))
        {
            return new QueryOutcome<GraphOverview>.Invalid([new ParameterError(QueryLimits.OverviewLimit.Name, QueryLimits.OverviewLimit.Describe())]);
        }

        // The featured names are resolved in the read that ranks the entities, so both come from one graph version.
        var connected = await store.GetMostConnectedAsync(limit, featured, cancellationToken).ConfigureAwait(false);
        if (connected.Featured.Count != featured.Count)
        {
            // A store that answers for fewer names than asked would drop starting points without a word.
            throw new InvalidOperationException($"the store resolved {connected.Featured.Count} featured names of {featured.Count}");
        }

        var starts = new List<NodeView>();
        var unresolved = new List<string>();
        foreach (var (name, resolution) in featured.Zip(connected.Featured))
        {
            if (resolution is Resolution.Resolved resolved)
            {
                if (!starts.Any(s => s.Id == resolved.Entity.Id))
                {
                    starts.Add(resolved.Entity);
                }
            }
            else
            {
                unresolved.Add(name);
            }
        }

        return new QueryOutcome<GraphOverview>.Ok(new GraphOverview(
            connected.GraphVersion,
            connected.TotalEntities,
            connected.TotalRelationships,
            connected.Nodes,
            connected.Relationships,
            starts,
            unresolved,
            connected.Nodes.Count < connected.TotalEntities));
    }
}
