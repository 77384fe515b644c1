using System.Text.Json;

namespace GraphService.Storage.Neo4j.Http;

/// <summary>
/// A Query API answer read in one pass over its UTF-8 bytes: the first error, the rows of <c>data</c> as .NET values
/// (<see cref="TypedJson.ReadValue"/>'s conversions) and the transaction's id; everything else is skipped. A large answer
/// (the name table of a large graph is hundreds of MB) is read without a parsed document beside it: scalars, lists and
/// maps straight from the reader, and only nodes, relationships and paths through a small <see cref="JsonElement"/> each.
/// </summary>
internal sealed record QueryAnswer(CypherResult Result, string? TransactionId, (string Code, string Message)? Error)
{
    public static QueryAnswer Empty { get; } = new(CypherResult.Empty, null, null);

    /// <summary>The answer in <paramref name="json"/>; throws <see cref="JsonException"/> when it is not JSON.</summary>
    public static QueryAnswer Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // Valid JSON that is not an object (a bare string or number) is an answer with nothing in it.
            reader.Skip();
            return Empty;
        }

        var result = CypherResult.Empty;
        string? transactionId = null;
        (string, string)? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "data" when reader.TokenType == JsonTokenType.StartObject:
                    result = ReadData(ref reader);
                    break;
                case "errors" when reader.TokenType == JsonTokenType.StartArray:
                    error ??= ReadFirstError(ref reader);
                    break;
                case "transaction" when reader.TokenType == JsonTokenType.StartObject:
                    transactionId = ReadTransactionId(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // Past the answer's end there may be only whitespace: reading on throws at anything else.
        reader.Read();
        return new QueryAnswer(result, transactionId, error);
    }

    private static CypherResult ReadData(ref Utf8JsonReader reader)
    {
        List<string> fields = [];
        var rows = new List<IReadOnlyList<object?>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "fields" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    fields.Add(reader.GetString()!);
                }
            }
            else if (name == "values" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    var row = new List<object?>(fields.Count);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        row.Add(ReadValue(ref reader));
                    }

                    rows.Add(row);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new CypherResult(fields, rows);
    }

    /// <summary>The typed value the reader is on (its start), read to its end.</summary>
    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"Expected a typed JSON value ({{\"$type\", \"_value\"}}), got {reader.TokenType}.");
        }

        string? type = null;
        object? value = null;
        JsonElement? early = null;
        var hasValue = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("$type"u8);
            var isValue = !isType && reader.ValueTextEquals("_value"u8);
            reader.Read();
            if (isType)
            {
                type = reader.GetString();
            }
            else if (isValue && type is not null)
            {
                value = ReadPayload(type, ref reader);
                hasValue = true;
            }
            else if (isValue)
            {
                // "_value" before "$type": kept as an element until the type is known.
                early = JsonElement.ParseValue(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (type is null)
        {
            throw new InvalidDataException("Expected a typed JSON value ({\"$type\", \"_value\"}), got an object without \"$type\".");
        }

        return hasValue ? value
            : early is { } v ? TypedJson.ReadPayload(type, v)
            : throw new InvalidDataException($"The typed JSON value of type {type} has no \"_value\".");
    }

    private static object? ReadPayload(string type, ref Utf8JsonReader reader)
    {
        switch (type)
        {
            case "Null":
                reader.Skip();
                return null;
            case "Boolean":
                return reader.GetBoolean();
            case "Integer":
                return TypedJson.ParseInteger(reader.GetString()!);
            case "Float":
                return TypedJson.ParseFloat(reader.GetString()!);
            case "String":
                return reader.GetString();
            case "List" when reader.TokenType == JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }

                return list;
            case "Map" when reader.TokenType == JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    map[key] = ReadValue(ref reader);
                }

                return map;
            default:
                // Nodes, relationships, paths, bytes and types this client does not know: few and small.
                return TypedJson.ReadPayload(type, JsonElement.ParseValue(ref reader));
        }
    }

    private static (string Code, string Message)? ReadFirstError(ref Utf8JsonReader reader)
    {
        (string, string)? first = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first is not null || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            string code = "", message = "";
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "code" && reader.TokenType == JsonTokenType.String)
                {
                    code = reader.GetString()!;
                }
                else if (name == "message" && reader.TokenType == JsonTokenType.String)
                {
                    message = reader.GetString()!;
                }
                else
                {
                    reader.Skip();
                }
            }

            first = (code, message);
        }

        return first;
    }

    private static string? ReadTransactionId(ref Utf8JsonReader reader)
    {
        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "id" && reader.TokenType == JsonTokenType.String)
            {
                id = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return id;
    }
}
