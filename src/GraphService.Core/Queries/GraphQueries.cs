using GraphService.Core.Domain;
using GraphService.Core.Store;

namespace GraphService.Core.Queries;

/// <summary>
/// The query semantics every host uses: read list parameters and relationship types the same way, validate parameters
/// against <see cref="QueryLimits"/> and the predicate whitelist, resolve names (id, name or alias) to entities, then
/// ask the store.
/// </summary>
public sealed partial class GraphQueries(IGraphStore store)
{
    /// <summary>
    /// A comma-separated list as a host receives it (<c>types=LEADS,member_of</c>, <c>--exclude "Badr, AAH"</c>):
    /// items trimmed, blanks dropped.
    /// </summary>
    public static IReadOnlySet<string> List(string? commaSeparated)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in (commaSeparated ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            set.Add(item);
        }

        return set;
    }

    public async Task<QueryOutcome<PathResult>> PathsAsync(string from, string to, Func<string, string, PathQuery> shape, CancellationToken cancellationToken)
    {
        // Names, whitelist and paths come from one read of the store (one graph version); a refusal is kept here.
        QueryOutcome<PathResult>? refused = null;
        var result = await store.FindPathsAsync(
            names =>
            {
                (refused, var query) = PlanPaths(names, from, to, shape);
                return query;
            },
            cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        return result is null
            ? new QueryOutcome<PathResult>.Unresolved(new Resolution.NotFound(from, []), "from")
            : new QueryOutcome<PathResult>.Ok(result);
    }

    /// <summary>
    /// The path query to run once <paramref name="from"/>, <paramref name="to"/> and the exclusions resolve and the query
    /// passes validation, or the outcome that refuses it: the first name that does not resolve, else the validation errors.
    /// </summary>
    private static (QueryOutcome<PathResult>? Refused, PathQuery? Query) PlanPaths(IGraphNames names, string from, string to, Func<string, string, PathQuery> shape)
    {
        var fromResolution = names.Resolve(from);
        if (fromResolution is not Resolution.Resolved fromEntity)
        {
            return (new QueryOutcome<PathResult>.Unresolved(fromResolution, "from"), null);
        }

        var toResolution = names.Resolve(to);
        if (toResolution is not Resolution.Resolved toEntity)
        {
            return (new QueryOutcome<PathResult>.Unresolved(toResolution, "to"), null);
        }

        var asked = shape(fromEntity.Entity.Id, toEntity.Entity.Id);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in asked.Exclude)
        {
            var r = names.Resolve(text);
            if (r is not Resolution.Resolved e)
            {
                return (new QueryOutcome<PathResult>.Unresolved(r, "exclude"), null);
            }

            excluded.Add(e.Entity.Id);
        }

        var query = asked with { Types = NormalizeTypes(asked.Types), Exclude = excluded };
        var errors = QueryValidation.Validate(query, query.Types.Count == 0 ? PredicateVocabulary.Default : names.Vocabulary);
        return errors.Count > 0 ? (new QueryOutcome<PathResult>.Invalid(errors), null) : (null, query);
    }

    public async Task<QueryOutcome<NeighborhoodResult>> NeighborhoodAsync(string entity, Func<string, NeighborhoodQuery> shape, CancellationToken cancellationToken)
    {
        // As for paths: the centre's name, the whitelist and the answer come from one read (one graph version).
        QueryOutcome<NeighborhoodResult>? refused = null;
        var result = await store.GetNeighborhoodAsync(
            names =>
            {
                (refused, var query) = PlanNeighborhood(names, entity, shape);
                return query;
            },
            cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        return result is null
            ? new QueryOutcome<NeighborhoodResult>.Unresolved(new Resolution.NotFound(entity, []), "entity")
            : new QueryOutcome<NeighborhoodResult>.Ok(result);
    }

    /// <summary>The neighbourhood query to run once <paramref name="entity"/> resolves and the query passes validation, or the outcome that refuses it.</summary>
    private static (QueryOutcome<NeighborhoodResult>? Refused, NeighborhoodQuery? Query) PlanNeighborhood(IGraphNames names, string entity, Func<string, NeighborhoodQuery> shape)
    {
        var resolution = names.Resolve(entity);
        if (resolution is not Resolution.Resolved resolved)
        {
            return (new QueryOutcome<NeighborhoodResult>.Unresolved(resolution, "entity"), null);
        }

        var asked = shape(resolved.Entity.Id);
        var query = asked with { Types = NormalizeTypes(asked.Types) };
        var errors = QueryValidation.Validate(query, query.Types.Count == 0 ? PredicateVocabulary.Default : names.Vocabulary);
        return errors.Count > 0 ? (new QueryOutcome<NeighborhoodResult>.Invalid(errors), null) : (null, query);
    }

    /// <summary>
    /// One entity's detail by its id or, when no entity has that id, by a name or alias resolved as <c>from</c> and
    /// <c>to</c> are (a resolution tries the id first); <paramref name="parameter"/> names the input in an unresolved
    /// outcome. The name and the detail come from one read, with the page of relationships that <paramref name="shape"/>
    /// asks for once the name resolves (validated against <see cref="QueryLimits"/>).
    /// </summary>
    public async Task<QueryOutcome<EntityDetail>> EntityAsync(string idOrName, string parameter, Func<string, EntityQuery> shape, CancellationToken cancellationToken)
    {
        QueryOutcome<EntityDetail>? refused = null;
        var entity = await store.GetEntityAsync(
            names =>
            {
                var resolution = names.Resolve(idOrName);
                if (resolution is not Resolution.Resolved resolved)
                {
                    refused = new QueryOutcome<EntityDetail>.Unresolved(resolution, parameter);
                    return null;
                }

                var query = shape(resolved.Entity.Id);
                var errors = QueryValidation.Validate(query);
                refused = errors.Count > 0 ? new QueryOutcome<EntityDetail>.Invalid(errors) : null;
                return refused is null ? query : null;
            },
            cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        return entity is null
            ? new QueryOutcome<EntityDetail>.Unresolved(new Resolution.NotFound(idOrName, []), parameter)
            : new QueryOutcome<EntityDetail>.Ok(entity);
    }

    public async Task<QueryOutcome<IReadOnlyList<EntityHit>>> SearchAsync(EntitySearch search, CancellationToken cancellationToken)
    {
        var errors = QueryValidation.Validate(search);
        return errors.Count > 0
            ? new QueryOutcome<IReadOnlyList<EntityHit>>.Invalid(errors)
            : new QueryOutcome<IReadOnlyList<EntityHit>>.Ok(await store.SearchEntitiesAsync(search, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Relationship types are written UPPER_SNAKE_CASE in the graph and accepted in any case from every host
    /// (<c>leads</c>, <c>Member_Of</c>); anything else is left for the whitelist to reject by name.
    /// </summary>
    private static HashSet<string> NormalizeTypes(IReadOnlySet<string> types) =>
        types.Select(t => t.Trim().ToUpperInvariant()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
}
