using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace GraphService.Storage.Neo4j.Http;

/// <summary>
/// Neo4j's typed JSON (media type application/vnd.neo4j.query): every value is {"$type": T, "_value": v}, and
/// integers and floats travel as strings so that 64-bit integers survive JavaScript-minded parsers.
/// Requests are written with "statement" first and "$type" before "_value", which older 5.x servers require.
/// </summary>
internal static class TypedJson
{
    public const string MediaType = "application/vnd.neo4j.query";

    public static byte[] WriteRequest(CypherStatement? statement)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (statement is not null)
            {
                w.WriteString("statement", statement.Text);
                if (statement.Parameters.Count > 0)
                {
                    w.WritePropertyName("parameters");
                    w.WriteStartObject();
                    foreach (var (name, value) in statement.Parameters)
                    {
                        w.WritePropertyName(name);
                        WriteValue(w, value);
                    }

                    w.WriteEndObject();
                }
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static void WriteValue(Utf8JsonWriter w, object? value)
    {
        w.WriteStartObject();
        switch (value)
        {
            case null:
                w.WriteString("$type", "Null");
                w.WriteNull("_value");
                break;
            case bool b:
                w.WriteString("$type", "Boolean");
                w.WriteBoolean("_value", b);
                break;
            case int or long or short or byte:
                w.WriteString("$type", "Integer");
                w.WriteString("_value", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double or float:
                w.WriteString("$type", "Float");
                w.WriteString("_value", FormatFloat(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case string s:
                w.WriteString("$type", "String");
                w.WriteString("_value", s);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                w.WriteString("$type", "Map");
                w.WritePropertyName("_value");
                w.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    w.WritePropertyName(k);
                    WriteValue(w, v);
                }

                w.WriteEndObject();
                break;
            case IEnumerable list:
                w.WriteString("$type", "List");
                w.WritePropertyName("_value");
                w.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} cannot be sent as a Cypher parameter.", nameof(value));
        }

        w.WriteEndObject();
    }

    private static string FormatFloat(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Converts one typed value to .NET: null, bool, long, double, string, byte[], lists, maps, nodes, relationships, paths.</summary>
    public static object? ReadValue(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("$type", out var typeElement))
        {
            throw new InvalidDataException($"Expected a typed JSON value ({{\"$type\", \"_value\"}}), got {e.ValueKind}.");
        }

        return ReadPayload(typeElement.GetString(), e.GetProperty("_value"));
    }

    /// <summary>The <c>_value</c> <paramref name="v"/> of a typed value of type <paramref name="type"/>, converted as <see cref="ReadValue"/> does.</summary>
    public static object? ReadPayload(string? type, JsonElement v)
    {
        return type switch
        {
            "Null" => null,
            "Boolean" => v.GetBoolean(),
            "Integer" => ParseInteger(v.GetString()!),
            "Float" => ParseFloat(v.GetString()!),
            "String" => v.GetString(),
            "Base64" => Convert.FromBase64String(v.GetString()!),
            "List" => (IReadOnlyList<object?>)[.. v.EnumerateArray().Select(ReadValue)],
            "Map" => ReadMap(v),
            "Node" => ReadNode(v),
            "Relationship" => ReadRelationship(v),
            "Path" => ReadPath(v),
            _ => new CypherOtherValue(type ?? "", v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()),
        };
    }

    /// <summary>An Integer's <c>_value</c>: a decimal string, so that 64-bit integers survive JSON.</summary>
    public static long ParseInteger(string s) => long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>A Float's <c>_value</c>: a string, "NaN" and the infinities included.</summary>
    public static double ParseFloat(string s) => s switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, object?> ReadMap(JsonElement v)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in v.EnumerateObject())
        {
            map[p.Name] = ReadValue(p.Value);
        }

        return map;
    }

    private static CypherNode ReadNode(JsonElement v) => new(
        v.GetProperty("_element_id").GetString()!,
        [.. v.GetProperty("_labels").EnumerateArray().Select(l => l.GetString()!)],
        v.TryGetProperty("_properties", out var p) ? ReadMap(p) : new Dictionary<string, object?>());

    private static CypherRelationship ReadRelationship(JsonElement v) => new(
        v.GetProperty("_element_id").GetString()!,
        v.GetProperty("_start_node_element_id").GetString()!,
        v.GetProperty("_end_node_element_id").GetString()!,
        v.GetProperty("_type").GetString()!,
        v.TryGetProperty("_properties", out var p) ? ReadMap(p) : new Dictionary<string, object?>());

    private static CypherPath ReadPath(JsonElement v)
    {
        var nodes = new List<CypherNode>();
        var relationships = new List<CypherRelationship>();
        foreach (var item in v.EnumerateArray())
        {
            switch (ReadValue(item))
            {
                case CypherNode n:
                    nodes.Add(n);
                    break;
                case CypherRelationship r:
                    relationships.Add(r);
                    break;
                default:
                    throw new InvalidDataException("A path holds something other than nodes and relationships.");
            }
        }

        if (nodes.Count != relationships.Count + 1)
        {
            throw new InvalidDataException($"A path of {relationships.Count} relationships must have {relationships.Count + 1} nodes, not {nodes.Count}.");
        }

        return new CypherPath(nodes, relationships);
    }
}
