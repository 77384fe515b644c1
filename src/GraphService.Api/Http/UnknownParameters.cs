using Microsoft.AspNetCore.Routing.Patterns;

namespace GraphService.Api.Http;

/// <summary>
/// Refuses query parameters an endpoint does not take (<c>max_hops=1</c>, <c>tpyes=LEADS</c>), which would otherwise be
/// ignored and answer a different question than the one asked. The known ones are the endpoint's
/// <see cref="ParameterCatalog"/> (the same list the OpenAPI document shows) less its route parameters; an endpoint without
/// a catalog takes none. One filter on the /api group, before any work.
/// </summary>
public sealed class UnknownParameters : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Query.Count == 0)
        {
            return next(context);
        }

        var endpoint = http.GetEndpoint();
        var routeParameters = (endpoint as RouteEndpoint)?.RoutePattern.Parameters ?? [];
        var catalog = endpoint?.Metadata.GetMetadata<ParameterCatalog>();
        // Every request passes this check: it allocates nothing unless a parameter is unknown.
        var allKnown = true;
        foreach (var key in http.Request.Query.Keys)
        {
            allKnown &= catalog?.Find(key) is not null && !IsRouteParameter(routeParameters, key);
        }

        if (allKnown)
        {
            return next(context);
        }

        var known = (catalog?.Parameters ?? []).Select(p => p.Name).Where(n => !IsRouteParameter(routeParameters, n)).ToList();
        var unknown = http.Request.Query.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        return ValueTask.FromResult<object?>(TypedResults.Problem(Problems.UnknownParameters(http, unknown, known)));
    }

    private static bool IsRouteParameter(IReadOnlyList<RoutePatternParameterPart> routeParameters, string name)
    {
        foreach (var parameter in routeParameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
