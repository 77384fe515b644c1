using System.Globalization;

namespace GraphService.Storage.Neo4j.Http;

/// <summary>The rows of one statement's answer, each addressable by field name.</summary>
internal sealed class CypherResult(IReadOnlyList<string> fields, IReadOnlyList<IReadOnlyList<object?>> values)
{
    public static CypherResult Empty { get; } = new([], []);

    public IReadOnlyList<string> Fields { get; } = fields;

    public IReadOnlyList<CypherRecord> Records { get; } = [.. values.Select(v => new CypherRecord(fields, v))];
}

/// <summary>One row. Accessors convert and fail loudly when a field is missing or has an unexpected type.</summary>
internal sealed class CypherRecord(IReadOnlyList<string> fields, IReadOnlyList<object?> values)
{
    public object? this[string field]
    {
        get
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i] == field)
                {
                    return i < values.Count ? values[i] : throw new InvalidDataException($"Row has no value for field '{field}'.");
                }
            }

            throw new InvalidDataException($"Neo4j answer has no field '{field}' (fields: {string.Join(", ", fields)}).");
        }
    }

    public string String(string field) => this[field] as string ?? throw new InvalidDataException($"Field '{field}' is not a string.");

    public string? StringOrNull(string field) => this[field] switch
    {
        null => null,
        string s => s,
        var other => throw new InvalidDataException($"Field '{field}' is a {other.GetType().Name}, not a string."),
    };

    public long Long(string field) => this[field] is long l ? l : throw new InvalidDataException($"Field '{field}' is not an integer.");

    public int Int(string field) => checked((int)Long(field));

    public double Double(string field) => this[field] switch
    {
        double d => d,
        long l => l,
        _ => throw new InvalidDataException($"Field '{field}' is not a number."),
    };

    public bool Bool(string field) => this[field] is bool b ? b : throw new InvalidDataException($"Field '{field}' is not a boolean.");

    public IReadOnlyList<object?> List(string field) => this[field] switch
    {
        null => [],
        IReadOnlyList<object?> list => list,
        _ => throw new InvalidDataException($"Field '{field}' is not a list."),
    };

    public IReadOnlyList<string> Strings(string field) => [.. List(field).Select(v => v as string ?? throw new InvalidDataException($"Field '{field}' holds a non-string."))];

    public IReadOnlyList<long> Longs(string field) => [.. List(field).Select(v => v is long l ? l : throw new InvalidDataException($"Field '{field}' holds a non-integer."))];

    public T Value<T>(string field)
        where T : class => this[field] as T ?? throw new InvalidDataException($"Field '{field}' is not a {typeof(T).Name}.");

    public override string ToString() => string.Join(", ", fields.Select((f, i) => $"{f}={Convert.ToString(i < values.Count ? values[i] : null, CultureInfo.InvariantCulture)}"));
}

/// <summary>Helpers for property maps of nodes, relationships and projected maps.</summary>
internal static class CypherMaps
{
    public static string String(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) as string ?? throw new InvalidDataException($"Property '{key}' is missing or not a string.");

    public static string? StringOrNull(this IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s,
        _ => throw new InvalidDataException($"Property '{key}' is not a string."),
    };

    public static long Long(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) is long l ? l : throw new InvalidDataException($"Property '{key}' is missing or not an integer.");

    public static double Double(this IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        double d => d,
        long l => l,
        _ => throw new InvalidDataException($"Property '{key}' is missing or not a number."),
    };

    public static bool Bool(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) is bool b ? b : throw new InvalidDataException($"Property '{key}' is missing or not a boolean.");

    public static IReadOnlyList<string> Strings(this IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        null => [],
        IReadOnlyList<object?> list => [.. list.Select(v => v as string ?? throw new InvalidDataException($"Property '{key}' holds a non-string."))],
        _ => throw new InvalidDataException($"Property '{key}' is not a list."),
    };
}
