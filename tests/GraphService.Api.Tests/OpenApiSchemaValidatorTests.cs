using System.Text.Json;
using GraphService.Api.Tests.Support;

namespace GraphService.Api.Tests;

/// <summary>The response validator must be able to fail, or the response tests prove nothing.</summary>
public sealed class OpenApiSchemaValidatorTests
{
    private static readonly JsonElement Document = JsonDocument.Parse("""
        {
          "components": { "schemas": {
            "NodeView": { "type": "object", "required": ["id", "type"], "properties": {
              "id": { "type": "string", "pattern": "^[a-z-]+$" },
              "type": { "$ref": "#/components/schemas/EntityType" },
              "score": { "type": "number", "minimum": 0, "maximum": 1 },
              "count": { "type": "integer" },
              "note": { "type": ["null", "string"] } } },
            "EntityType": { "enum": ["Person", "Organization"] },
            "Strict": { "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": false },
            "Nodes": { "type": "array", "items": { "$ref": "#/components/schemas/NodeView" } },
            "Odd": { "type": "string", "maxLength": 3 }
          } }
        }
        """).RootElement;

    private static readonly OpenApiSchemaValidator Validator = new(Document);

    [Fact]
    public void A_valid_value_passes() =>
        Assert.Empty(Check("""[{ "id": "qais-al-khazali", "type": "Person", "score": 0.5, "count": 3, "note": null }]""", "Nodes"));

    [Theory]
    [InlineData("""[{ "id": 7, "type": "Person" }]""", "$[0].id: 7 is not of type \"string\"")]
    [InlineData("""[{ "type": "Person" }]""", "$[0]: the required property 'id' is missing")]
    [InlineData("""[{ "id": "x", "type": "Planet" }]""", "$[0].type: \"Planet\" is not one of")]
    [InlineData("""[{ "id": "X Y", "type": "Person" }]""", "does not match")]
    [InlineData("""[{ "id": "x", "type": "Person", "score": 1.5 }]""", "above the maximum")]
    [InlineData("""[{ "id": "x", "type": "Person", "count": 2.5 }]""", "is not of type \"integer\"")]
    [InlineData("""{ "id": "x" }""", "$: an object is not of type \"array\"")]
    public void An_invalid_value_fails_with_where_and_why(string json, string expected)
    {
        var errors = Check(json, "Nodes");
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Additional_properties_are_refused_when_the_schema_says_so() =>
        Assert.Contains("$.b: no value is allowed here", Check("""{ "a": "x", "b": 1 }""", "Strict"));

    [Fact]
    public void An_unsupported_keyword_is_an_error_not_a_pass() =>
        Assert.Contains(Check("\"abcdef\"", "Odd"), e => e.Contains("does not support the keyword 'maxLength'", StringComparison.Ordinal));

    private static IReadOnlyList<string> Check(string json, string schema) =>
        Validator.Validate(JsonDocument.Parse(json).RootElement, Document.GetProperty("components").GetProperty("schemas").GetProperty(schema));
}
