using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GraphService.Core.Serialization;

/// <summary>
/// The one JSON shape of results, used by the CLI's --json and the REST API: camelCase names, enums as their names
/// (Person, Organization; stances as the corpus writes them: supports, disputes), nulls written out so that every key is always present.
/// </summary>
public static class GraphJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    /// <summary>Applies the graph JSON conventions to an existing options instance (e.g. ASP.NET Core's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = Encoder;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// The build-time contract of a result type (a path answer, a neighbourhood, an entity, a document page, a citation,
    /// the schema), for compact JSON written to a <see cref="Utf8JsonWriter"/> whose encoder is <see cref="Encoder"/>:
    /// the same bytes as <see cref="Configure"/>'s options without indentation, written faster. Null for other types.
    /// </summary>
    public static JsonTypeInfo? CompactTypeInfo(Type type) => GraphJsonContext.Default.GetTypeInfo(type);

    /// <summary>The encoder of the graph JSON: characters outside ASCII (Arabic names, diacritics) are written as they are.</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
