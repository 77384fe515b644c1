using GraphService.Core.Domain;

namespace GraphService.Core.Queries;

/// <summary>A parameter that is out of range or malformed: which one, and what is allowed.</summary>
public sealed record ParameterError(string Parameter, string Message);

/// <summary>
/// Checks queries against <see cref="QueryLimits"/>, the predicate whitelist and each other (exclude may not name an end
/// of the path); returns every problem. Queries are checked after names are resolved, so ids are compared.
/// </summary>
public static class QueryValidation
{
    public static IReadOnlyList<ParameterError> Validate(PathQuery q, PredicateVocabulary vocabulary)
    {
        var errors = new List<ParameterError>();
        Check(errors, QueryLimits.MaxHops, q.MaxHops);
        Check(errors, QueryLimits.K, q.K);
        CheckTypes(errors, q.Types, vocabulary);
        if (q.MinConfidence is < 0 or > 1 || double.IsNaN(q.MinConfidence))
        {
            errors.Add(new("minConfidence", "minConfidence must be between 0 and 1 (default 0)"));
        }

        // Every path passes through its own ends, so excluding one would answer "no path" for a reason the caller did not mean.
        foreach (var (end, parameter) in new[] { (q.FromId, "from"), (q.ToId, "to") })
        {
            if (q.Exclude.Contains(end))
            {
                errors.Add(new("exclude", $"exclude names {end}, the {(parameter == "from" ? "start" : "end")} of the query ({parameter}); " +
                                          "a path cannot avoid its own ends, so exclude only entities between them"));
            }
        }

        return errors;
    }

    public static IReadOnlyList<ParameterError> Validate(NeighborhoodQuery q, PredicateVocabulary vocabulary)
    {
        var errors = new List<ParameterError>();
        Check(errors, QueryLimits.Depth, q.Depth);
        Check(errors, QueryLimits.NeighborhoodLimit, q.Limit);
        CheckTypes(errors, q.Types, vocabulary);
        return errors;
    }

    public static IReadOnlyList<ParameterError> Validate(EntityQuery q)
    {
        var errors = new List<ParameterError>();
        Check(errors, QueryLimits.EntityRelationshipLimit, q.Limit);
        Check(errors, QueryLimits.EntityRelationshipOffset, q.Offset);
        Check(errors, QueryLimits.EntityDocumentLimit, q.DocumentLimit);
        Check(errors, QueryLimits.EntityDocumentOffset, q.DocumentOffset);
        return errors;
    }

    public static IReadOnlyList<ParameterError> Validate(DocumentListQuery q)
    {
        var errors = new List<ParameterError>();
        Check(errors, QueryLimits.DocumentListLimit, q.Limit);
        Check(errors, QueryLimits.DocumentListOffset, q.Offset);
        return errors;
    }

    public static IReadOnlyList<ParameterError> Validate(EntitySearch q)
    {
        var errors = new List<ParameterError>();
        Check(errors, QueryLimits.SearchLimit, q.Limit);
        if (q.Offset < 0)
        {
            errors.Add(new("offset", "offset must be 0 or more (default 0)"));
        }

        return errors;
    }

    private static void Check(List<ParameterError> errors, IntRange range, int value)
    {
        if (!range.Contains(value))
        {
            errors.Add(new(range.Name, $"{range.Describe()}; got {value}"));
        }
    }

    private static void CheckTypes(List<ParameterError> errors, IReadOnlySet<string> types, PredicateVocabulary vocabulary)
    {
        var unknown = types.Where(t => !vocabulary.Contains(t)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new("types", $"unknown relationship type(s) {string.Join(", ", unknown)}; allowed: {string.Join(", ", vocabulary.All.Select(p => p.Type))}"));
        }
    }
}
