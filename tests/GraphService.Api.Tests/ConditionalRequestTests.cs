using System.Net;
using System.Net.Http.Headers;
using GraphService.Api.Tests.Support;
using GraphService.Testing;

namespace GraphService.Api.Tests;

[Collection(SampleCorpusCollection.Name)]
public sealed class ConditionalRequestTests(SampleCorpusApi api)
{
    [Theory]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri")]
    [InlineData("/api/entities?search=Sadr")]
    [InlineData("/api/entities/Khazali")]
    [InlineData("/api/entities/Khazali/neighborhood")]
    [InlineData("/api/documents")]
    [InlineData("/api/schema")]
    public async Task An_ETag_sent_back_in_If_None_Match_is_answered_304_without_a_body(string url)
    {
        using var first = await api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Answers_carry_the_import_time_as_Last_Modified_and_honour_If_Modified_Since()
    {
        using var first = await api.Client.GetAsync("/api/paths?from=Khazali&to=Sadr");
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(lastModified);
        Assert.InRange(lastModified.Value, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, "/api/paths?from=Khazali&to=Sadr");
        unchanged.Headers.IfModifiedSince = lastModified;
        using var notModified = await api.Client.SendAsync(unchanged);
        using var older = new HttpRequestMessage(HttpMethod.Get, "/api/paths?from=Khazali&to=Sadr");
        older.Headers.IfModifiedSince = lastModified.Value.AddSeconds(-1);
        using var full = await api.Client.SendAsync(older);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.NotEmpty(await full.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_ETag_is_stable_for_a_request_and_differs_between_requests()
    {
        using var a1 = await api.Client.GetAsync("/api/paths?from=Khazali&to=al-Ameri");
        using var a2 = await api.Client.GetAsync("/api/paths?from=Khazali&to=al-Ameri");
        using var b = await api.Client.GetAsync("/api/paths?from=Khazali&to=al-Ameri&k=1");
        Assert.Equal(a1.Headers.ETag, a2.Headers.ETag);
        Assert.NotEqual(a1.Headers.ETag, b.Headers.ETag);
        Assert.Equal(await a1.Content.ReadAsStringAsync(), await a2.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stale_or_weak_non_matching_ETag_gets_the_full_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/schema");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-current-one\""));
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Errors_carry_no_ETag()
    {
        using var response = await api.Client.GetAsync("/api/paths?from=Khazali&to=al-Ameri&k=0");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task With_the_response_cache_off_answers_have_the_same_bytes_status_and_headers_as_cached_ones()
    {
        await using var uncached = await ApiServer.StartAsync(
            new Dictionary<string, string?> { ["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus, ["Api:ResponseCacheMegabytes"] = "0" },
            waitUntilReady: true);
        string[] urls =
        [
            "/api/paths?from=Khazali&to=al-Ameri", "/api/paths?from=Khazali&to=Sadr&k=1", "/api/paths?from=Khazali&to=al-Ameri&format=markdown",
            "/api/entities?search=Sadr", "/api/entities/Khazali", "/api/entities/Khazali/neighborhood", "/api/documents", "/api/schema",
        ];
        foreach (var url in urls)
        {
            // Twice: the second cached answer comes from the cache, the second uncached one is computed again.
            for (var round = 0; round < 2; round++)
            {
                using var cachedAnswer = await api.Client.GetAsync(url);
                using var uncachedAnswer = await uncached.Client.GetAsync(url);
                Assert.Equal(cachedAnswer.StatusCode, uncachedAnswer.StatusCode);
                Assert.Equal(await cachedAnswer.Content.ReadAsByteArrayAsync(), await uncachedAnswer.Content.ReadAsByteArrayAsync());
                // Last-Modified is each server's own import time; Date is when each answered.
                Assert.Equal(HeadersOf(cachedAnswer), HeadersOf(uncachedAnswer));
            }
        }
    }

    private static List<string> HeadersOf(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Last-Modified"))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)];
}
