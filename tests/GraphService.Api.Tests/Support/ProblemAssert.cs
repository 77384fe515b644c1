using System.Net;
using System.Text.Json;

namespace GraphService.Api.Tests.Support;

/// <summary>Checks that an answer is an RFC 9457 problem of the expected kind, and that it leaks nothing of the process.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(type, root.GetProperty("type").GetString());
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("detail").GetString()), "a problem says what went wrong in detail");
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("traceId").GetString()), "a problem carries the trace id");
        return root;
    }
}
