using System.Text;
using System.Text.Json;
using GraphService.Storage.Neo4j.Http;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>The Query API answer as the client reads it in one pass over its bytes.</summary>
public sealed class QueryAnswerTests
{
    private static QueryAnswer Read(string json) => QueryAnswer.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Rows_fields_the_transaction_and_the_first_error_are_read_and_everything_else_is_skipped()
    {
        var answer = Read("""
            {"notifications":[{"code":"x","position":{"line":1}}],
             "data":{"fields":["n","m"],"values":[[{"$type":"Integer","_value":"-9007199254740993"},{"$type":"Map","_value":{"k":{"$type":"List","_value":[{"$type":"Float","_value":"NaN"},{"$type":"Null","_value":null}]}}}]]},
             "counters":{"nodesCreated":0},
             "transaction":{"expires":"2024-10-22T15:48:29Z","id":"t-1"},
             "errors":[{"code":"Neo.ClientError.A","message":"first"},{"code":"Neo.ClientError.B","message":"second"}]}
            """);

        Assert.Equal(["n", "m"], answer.Result.Fields);
        var row = Assert.Single(answer.Result.Records);
        Assert.Equal(-9007199254740993L, row["n"]);
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Assert.IsType<Dictionary<string, object?>>(row["m"])["k"]);
        Assert.True(double.IsNaN((double)list[0]!));
        Assert.Null(list[1]);
        Assert.Equal("t-1", answer.TransactionId);
        Assert.Equal(("Neo.ClientError.A", "first"), answer.Error);
    }

    [Fact]
    public void A_value_that_comes_before_its_type_is_read_as_if_it_came_after()
    {
        var before = Read("""{"data":{"fields":["x"],"values":[[{"_value":[{"_value":"a","$type":"String"}],"$type":"List"}]]}}""");
        var after = Read("""{"data":{"fields":["x"],"values":[[{"$type":"List","_value":[{"$type":"String","_value":"a"}]}]]}}""");

        Assert.Equal(["a"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(before.Result.Records[0]["x"]));
        Assert.Equal(["a"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(after.Result.Records[0]["x"]));
    }

    [Theory]
    [InlineData("""{"data":{"fields":["x"],"values":[[{"$type":"String","_value":"a"}]""")]
    [InlineData("""{"data":{}} trailing""")]
    public void An_answer_cut_short_or_followed_by_anything_but_whitespace_is_not_json(string json) =>
        Assert.ThrowsAny<JsonException>(() => Read(json));

    [Fact]
    public void A_value_without_its_type_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => Read("""{"data":{"fields":["x"],"values":[["plain"]]}}"""));

        Assert.Contains("typed JSON value", e.Message, StringComparison.Ordinal);
    }
}
