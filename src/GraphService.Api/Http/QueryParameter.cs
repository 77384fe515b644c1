using System.Globalization;
using GraphService.Core.Queries;

namespace GraphService.Api.Http;

/// <summary>The JSON-Schema type a query parameter is documented with.</summary>
public enum ParameterType
{
    String,
    Integer,
    Number,
}

/// <summary>
/// One query or route parameter as the API documents it: name, meaning, type, range, default, allowed values and an
/// example. Parsing (<see cref="QueryReader"/>) and the OpenAPI document (<see cref="OpenApi.ParameterDocumentation"/>)
/// both read this one description, so the documented range is the enforced one.
/// </summary>
public sealed record QueryParameter(string Name, string Description)
{
    public ParameterType Type { get; init; } = ParameterType.String;
    public bool Required { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public string? Default { get; init; }
    public IReadOnlyList<string>? AllowedValues { get; init; }
    public string? Pattern { get; init; }
    public string? Example { get; init; }

    public static QueryParameter Integer(IntRange range, string description) => new(range.Name, description)
    {
        Type = ParameterType.Integer,
        Minimum = range.Min,
        Maximum = range.Max,
        Default = range.Default.ToString(CultureInfo.InvariantCulture),
    };

    public static QueryParameter Choice(string name, IReadOnlyList<string> values, string? defaultValue, string description) =>
        new(name, description) { AllowedValues = values, Default = defaultValue };

    /// <summary>A text that names an allowed value, case-insensitively; in the message, the allowed values.</summary>
    public string DescribeChoice() =>
        $"{Name} must be one of {string.Join(", ", AllowedValues ?? [])}" + (Default is null ? string.Empty : $" (default {Default})");
}

/// <summary>The set of parameters an endpoint takes, attached to the endpoint as metadata for the OpenAPI document.</summary>
public sealed record ParameterCatalog(IReadOnlyList<QueryParameter> Parameters)
{
    public QueryParameter? Find(string name)
    {
        // A loop, not LINQ: every API request looks up each of its parameters here.
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }
}

/// <summary>
/// Reads raw query text into typed values and collects every problem, so that one answer names all bad parameters.
/// Ranges come from <see cref="QueryLimits"/>.
/// </summary>
public sealed class QueryReader
{
    private readonly List<ParameterError> _errors = [];

    public IReadOnlyList<ParameterError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public string RequiredText(QueryParameter parameter, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            _errors.Add(new(parameter.Name, $"{parameter.Name} is required: {parameter.Description}"));
            return string.Empty;
        }

        return raw.Trim();
    }

    public int Integer(IntRange range, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return range.Default;
        }

        if (!int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _errors.Add(new(range.Name, $"{range.Name} must be a whole number; got '{raw}'. {range.Describe()}"));
            return range.Default;
        }

        if (!range.Contains(value))
        {
            _errors.Add(new(range.Name, $"{range.Describe()}; got {value}"));
        }

        return value;
    }

    public double Number(QueryParameter parameter, string? raw, double defaultValue)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return defaultValue;
        }

        var range = $"{parameter.Name} must be a number between {parameter.Minimum?.ToString(CultureInfo.InvariantCulture)} and " +
                    $"{parameter.Maximum?.ToString(CultureInfo.InvariantCulture)} (default {parameter.Default})";
        if (!double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            _errors.Add(new(parameter.Name, $"{range}; got '{raw}'"));
            return defaultValue;
        }

        if ((parameter.Minimum is double min && value < min) || (parameter.Maximum is double max && value > max))
        {
            _errors.Add(new(parameter.Name, $"{range}; got {value.ToString(CultureInfo.InvariantCulture)}"));
        }

        return value;
    }

    /// <summary>One of <see cref="QueryParameter.AllowedValues"/>, matched case-insensitively, mapped to <typeparamref name="TEnum"/> by name.</summary>
    public TEnum Choice<TEnum>(QueryParameter parameter, string? raw, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return defaultValue;
        }

        var text = raw.Trim();
        var allowed = parameter.AllowedValues ?? [];
        if (allowed.Contains(text, StringComparer.OrdinalIgnoreCase) &&
            Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        _errors.Add(new(parameter.Name, $"{parameter.DescribeChoice()}; got '{raw}'"));
        return defaultValue;
    }

    /// <summary>A date written YYYY, YYYY-MM or YYYY-MM-DD, taken as the first day it can mean (2007 → 2007-01-01).</summary>
    public DateOnly? Date(QueryParameter parameter, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (Core.Domain.PartialDate.TryParse(raw, out var date))
        {
            return date.AsOfDay;
        }

        _errors.Add(new(parameter.Name, $"{parameter.Name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD; got '{raw}'"));
        return null;
    }
}
