using GraphService.Core.Domain;

namespace GraphService.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// The whitelist of the loaded graph, from what its state holds (<see cref="GraphState.Vocabulary"/>). The version
    /// check still runs, as for a name resolution, so the whitelist is that of the graph the file holds.
    /// </summary>
    public Task<PredicateVocabulary> GetVocabularyAsync(CancellationToken cancellationToken) =>
        OnIndexAsync(state => state.Vocabulary, cancellationToken);
}
