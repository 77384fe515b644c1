using System.Runtime.CompilerServices;
using GraphService.Core.Domain;

namespace GraphService.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Each loaded graph's whitelist, built on first use. Weakly keyed, so a replaced graph's state (and its index) is not
    /// kept alive by its vocabulary.
    /// </summary>
    private readonly ConditionalWeakTable<GraphState, PredicateVocabulary> _vocabularies = [];

    /// <summary>
    /// The whitelist of the loaded graph, from what its state holds: the built-ins, the corpus's own predicates and any
    /// type its relationships carry (the types the schema lists). The version check still runs, as for a name resolution,
    /// so the whitelist is that of the graph the file holds.
    /// </summary>
    public Task<PredicateVocabulary> GetVocabularyAsync(CancellationToken cancellationToken) =>
        OnIndexAsync(state => _vocabularies.GetValue(state, VocabularyOf), cancellationToken);

    private static PredicateVocabulary VocabularyOf(GraphState state) =>
        PredicateVocabulary.WithExtras(state.Predicates.Values
            .Where(p => !p.BuiltIn)
            .Concat(state.Index.TypeNames.Where(t => !state.Predicates.ContainsKey(t)).Select(t => new Predicate(t, state.PhraseOf(t), false))));
}
