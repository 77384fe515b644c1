using System.Text.Json;
using System.Text.Json.Serialization;
using GraphService.Core.Queries;

namespace GraphService.Core.Serialization;

/// <summary>
/// The result types' JSON contract generated at build time, with the conventions of <see cref="GraphJson.Configure"/>
/// (camelCase, every key written, enums as their names) and no indentation. Its serializer writes each value straight
/// to the writer; the reflection serializer keeps a frame per nested value, which cost an API path answer about half
/// again as much CPU. <see cref="GraphJson.CompactTypeInfo"/> hands it out; a test holds its bytes equal to the
/// reflection serializer's under <see cref="GraphJson.Configure"/>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PathResult))]
[JsonSerializable(typeof(NeighborhoodResult))]
[JsonSerializable(typeof(EntityDetail))]
[JsonSerializable(typeof(DocumentDetail))]
[JsonSerializable(typeof(CitationDetail))]
[JsonSerializable(typeof(GraphSchema))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;
