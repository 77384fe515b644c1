using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GraphService.Api.Tests.Support;

/// <summary>
/// Validates JSON against the schemas of an OpenAPI 3.1 document: the subset of JSON Schema the API's document uses
/// ($ref into the document, type including unions with null, properties, required, additionalProperties, items, enum,
/// allOf/anyOf/oneOf, minimum/maximum, pattern). A keyword it does not know is reported as an error rather than
/// ignored, so a schema it cannot check never passes by accident.
/// </summary>
public sealed class OpenApiSchemaValidator(JsonElement document)
{
    private static readonly HashSet<string> Annotations =
    [
        "description", "title", "example", "examples", "default", "format", "deprecated", "readOnly", "writeOnly", "externalDocs", "xml",
    ];

    private static readonly HashSet<string> Checked =
    [
        "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "allOf", "anyOf", "oneOf", "minimum", "maximum", "pattern",
    ];

    public IReadOnlyList<string> Validate(JsonElement instance, JsonElement schema)
    {
        var errors = new List<string>();
        Check(instance, schema, "$", errors);
        return errors;
    }

    /// <summary>The schema a documented response has for a status and media type, or null when it documents no body.</summary>
    public JsonElement? ResponseSchema(string pathTemplate, int status, string mediaType)
    {
        var responses = document.GetProperty("paths").GetProperty(pathTemplate).GetProperty("get").GetProperty("responses");
        if (!responses.TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var response))
        {
            throw new KeyNotFoundException($"GET {pathTemplate} documents no {status} response");
        }

        if (!response.TryGetProperty("content", out var content))
        {
            return null;
        }

        return content.TryGetProperty(mediaType, out var media)
            ? media.GetProperty("schema")
            : throw new KeyNotFoundException($"GET {pathTemplate} {status} documents {string.Join(", ", content.EnumerateObject().Select(p => p.Name))}, not {mediaType}");
    }

    private void Check(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{at}: no value is allowed here");
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Checked.Contains(keyword.Name) && !Annotations.Contains(keyword.Name))
            {
                errors.Add($"{at}: the validator does not support the keyword '{keyword.Name}'");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(value, Resolve(reference.GetString()!), at, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type))
        {
            errors.Add($"{at}: {Describe(value)} is not of type {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{at}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        CheckNumber(value, schema, at, errors);
        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern) &&
            !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{at}: '{value.GetString()}' does not match {pattern.GetString()}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, schema, at, errors);
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, $"{at}[{i++}]", errors);
            }
        }

        CheckCombinations(value, schema, at, errors);
    }

    private void CheckObject(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{at}: the required property '{name}' is missing");
                }
            }
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : (JsonElement?)null;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(property.Value, propertySchema, $"{at}.{property.Name}", errors);
            }
            else if (additional is { } extra)
            {
                Check(property.Value, extra, $"{at}.{property.Name}", errors);
            }
        }
    }

    private void CheckCombinations(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(value, part, at, errors);
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && !anyOf.EnumerateArray().Any(s => Validate(value, s).Count == 0))
        {
            errors.Add($"{at}: {Describe(value)} matches none of anyOf");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matching = oneOf.EnumerateArray().Count(s => Validate(value, s).Count == 0);
            if (matching != 1)
            {
                errors.Add($"{at}: {Describe(value)} matches {matching} of oneOf, not exactly one");
            }
        }
    }

    private static void CheckNumber(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        var number = value.GetDouble();
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
        {
            errors.Add($"{at}: {number} is below the minimum {min.GetRawText()}");
        }

        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
        {
            errors.Add($"{at}: {number} is above the maximum {max.GetRawText()}");
        }
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only references into the document are supported, not {reference}");
        }

        var node = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static bool TypeMatches(JsonElement value, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => IsOfType(value, t.GetString()!))
        : IsOfType(value, type.GetString()!);

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "string" => value.ValueKind == JsonValueKind.String,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && decimal.Truncate(d) == d,
        _ => throw new NotSupportedException($"Unknown JSON Schema type {type}"),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
