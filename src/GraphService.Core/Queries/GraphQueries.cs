using GraphService.Core.Domain;
using GraphService.Core.Store;

namespace GraphService.Core.Queries;

/// <summary>
/// The query semantics every host uses: validate parameters against <see cref="QueryLimits"/> and the predicate
/// whitelist, resolve names (id, name or alias) to entities, then ask the store.
/// </summary>
public sealed partial class GraphQueries(IGraphStore store)
{
    public async Task<QueryOutcome<PathResult>> PathsAsync(string from, string to, Func<string, string, PathQuery> shape, CancellationToken cancellationToken)
    {
        var fromResolution = await store.ResolveAsync(from, cancellationToken).ConfigureAwait(false);
        if (fromResolution is not Resolution.Resolved fromEntity)
        {
            return new QueryOutcome<PathResult>.Unresolved(fromResolution, "from");
        }

        var toResolution = await store.ResolveAsync(to, cancellationToken).ConfigureAwait(false);
        if (toResolution is not Resolution.Resolved toEntity)
        {
            return new QueryOutcome<PathResult>.Unresolved(toResolution, "to");
        }

        var query = shape(fromEntity.Entity.Id, toEntity.Entity.Id);
        var vocabulary = await VocabularyAsync(cancellationToken).ConfigureAwait(false);
        var errors = QueryValidation.Validate(query, vocabulary).ToList();
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in query.Exclude)
        {
            var r = await store.ResolveAsync(text, cancellationToken).ConfigureAwait(false);
            if (r is Resolution.Resolved e)
            {
                excluded.Add(e.Entity.Id);
            }
            else
            {
                return new QueryOutcome<PathResult>.Unresolved(r, "exclude");
            }
        }

        if (errors.Count > 0)
        {
            return new QueryOutcome<PathResult>.Invalid(errors);
        }

        var result = await store.FindPathsAsync(query with { Exclude = excluded }, cancellationToken).ConfigureAwait(false);
        return result is null
            ? new QueryOutcome<PathResult>.Unresolved(new Resolution.NotFound(from, []), "from")
            : new QueryOutcome<PathResult>.Ok(result);
    }

    public async Task<QueryOutcome<NeighborhoodResult>> NeighborhoodAsync(string entity, Func<string, NeighborhoodQuery> shape, CancellationToken cancellationToken)
    {
        var resolution = await store.ResolveAsync(entity, cancellationToken).ConfigureAwait(false);
        if (resolution is not Resolution.Resolved resolved)
        {
            return new QueryOutcome<NeighborhoodResult>.Unresolved(resolution, "entity");
        }

        var query = shape(resolved.Entity.Id);
        var errors = QueryValidation.Validate(query, await VocabularyAsync(cancellationToken).ConfigureAwait(false));
        if (errors.Count > 0)
        {
            return new QueryOutcome<NeighborhoodResult>.Invalid(errors);
        }

        var result = await store.GetNeighborhoodAsync(query, cancellationToken).ConfigureAwait(false);
        return result is null
            ? new QueryOutcome<NeighborhoodResult>.Unresolved(new Resolution.NotFound(entity, []), "entity")
            : new QueryOutcome<NeighborhoodResult>.Ok(result);
    }

    public async Task<QueryOutcome<IReadOnlyList<EntityHit>>> SearchAsync(EntitySearch search, CancellationToken cancellationToken)
    {
        var errors = QueryValidation.Validate(search);
        return errors.Count > 0
            ? new QueryOutcome<IReadOnlyList<EntityHit>>.Invalid(errors)
            : new QueryOutcome<IReadOnlyList<EntityHit>>.Ok(await store.SearchEntitiesAsync(search, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The whitelist of relationship types for the graph now loaded.</summary>
    public async Task<PredicateVocabulary> VocabularyAsync(CancellationToken cancellationToken)
    {
        var schema = await store.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        return PredicateVocabulary.WithExtras(schema.Predicates.Where(p => !p.BuiltIn).Select(p => new Predicate(p.Type, p.Phrase, false)));
    }
}
