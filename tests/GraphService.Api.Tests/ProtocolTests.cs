using System.Net;
using System.Net.Sockets;
using System.Text;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;

namespace GraphService.Api.Tests;

/// <summary>HTTP details every client and browser relies on: headers, HEAD, method and size refusals, unknown parameters.</summary>
[Collection(SampleCorpusCollection.Name)]
public sealed class ProtocolTests(SampleCorpusApi api)
{
    public static TheoryData<string> EveryKindOfAnswer => new()
    {
        "/",
        "/app.js",
        "/api/paths?from=Khazali&to=al-Ameri",
        "/api/paths?from=Khazali&to=al-Ameri&format=html",
        "/api/paths?from=Nobody%20Knows&to=al-Ameri",
        "/api/nothing-here",
        "/health/live",
        "/openapi/v1.json",
        "/swagger/index.html",
    };

    [Theory]
    [MemberData(nameof(EveryKindOfAnswer))]
    public async Task Every_answer_forbids_sniffing_and_sends_no_Server_header(string url)
    {
        using var response = await api.Client.GetAsync(url);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"), $"{url} sends Server: {string.Join(",", response.Headers.Server)}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/app.js")]
    [InlineData("/lib/cytoscape.min.js")]
    public async Task The_explorer_is_sent_with_a_policy_that_allows_only_its_own_scripts_and_no_framing(string url)
    {
        var policy = await PolicyOfAsync(url);
        Assert.Equal(SecurityHeaders.ExplorerPolicy, policy);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_one_inline_style_the_policy_allows_is_the_one_the_served_cytoscape_inserts()
    {
        // cytoscape writes: u.textContent="."+s+" { position: relative; }" with s="__________cytoscape_container".
        var cytoscape = await api.Client.GetStringAsync("/lib/cytoscape.min.js");
        var inserted = System.Text.RegularExpressions.Regex.Match(cytoscape, @"s=""(?<class>__________cytoscape_container)"".{0,400}?textContent=""\.""\+s\+""(?<rule>[^""]*)""");
        Assert.True(inserted.Success, "the served cytoscape no longer inserts its container style as this test expects; check the policy's hash");
        var text = "." + inserted.Groups["class"].Value + inserted.Groups["rule"].Value;
        var hash = "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(SecurityHeaders.CytoscapeContainerStyleHash, hash);
    }

    [Fact]
    public async Task The_explorer_page_has_no_inline_script_or_style_for_its_policy_to_block()
    {
        var page = await api.Client.GetStringAsync("/");
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", page);
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\son[a-z]+=", page);
    }

    [Theory]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&format=html")]
    [InlineData("/api/entities/AAH/neighborhood?format=svg")]
    public async Task An_HTML_or_SVG_report_allows_inline_style_attributes_and_nothing_else(string url)
    {
        var policy = await PolicyOfAsync(url);
        Assert.Equal(SecurityHeaders.ReportPolicy, policy);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src-attr 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);

        // The cached copy of the same report carries the same policy.
        Assert.Equal(policy, await PolicyOfAsync(url));
    }

    [Fact]
    public async Task JSON_answers_carry_no_document_policy()
    {
        using var response = await api.Client.GetAsync("/api/paths?from=Khazali&to=al-Ameri&format=markdown");
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri")]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&format=html")]
    [InlineData("/api/entities/Khazali")]
    [InlineData("/api/schema")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    public async Task HEAD_answers_as_GET_does_with_the_same_headers_and_no_body(string url)
    {
        using var get = await api.Client.GetAsync(url);
        using var head = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        if (get.Content.Headers.ContentLength is { } length)
        {
            Assert.Equal(length, head.Content.Headers.ContentLength);
        }

        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_method_is_a_405_problem_whose_Allow_names_GET_and_HEAD()
    {
        using var response = await api.Client.PostAsync("/api/paths?from=Khazali&to=al-Ameri", new StringContent(""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, ProblemTypes.MethodNotAllowed);
        var allow = response.Content.Headers.Allow;
        Assert.Contains("GET", allow);
        Assert.Contains("HEAD", allow);
    }

    [Theory]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri&max_hops=1", "max_hops", "maxHops")]
    [InlineData("/api/entities?search=Sadr&q=x&pageSize=3", "pageSize", "offset")]
    [InlineData("/api/entities/Khazali/neighborhood?deph=2", "deph", "depth")]
    [InlineData("/api/entities/Khazali?id=x", "id", "limit")]
    [InlineData("/api/schema?verbose=1", "verbose", null)]
    public async Task An_unknown_query_parameter_is_a_400_problem_naming_it_and_the_known_ones(string url, string unknown, string? known)
    {
        using var response = await api.Client.GetAsync(url);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.UnknownParameter);
        Assert.True(problem.GetProperty("errors").TryGetProperty(unknown, out _), problem.GetRawText());
        Assert.Contains(unknown, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var knownNames = problem.GetProperty("known").EnumerateArray().Select(k => k.GetString()).ToList();
        if (known is null)
        {
            Assert.Empty(knownNames);
        }
        else
        {
            Assert.Contains(known, knownNames);
            Assert.Contains(known, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Known_parameters_are_matched_in_any_case_as_they_are_bound()
    {
        using var response = await api.Client.GetAsync("/api/paths?From=Khazali&TO=al-Ameri&MaxHops=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_target_over_the_limit_is_a_414_problem()
    {
        using var response = await api.Client.GetAsync("/api/paths?from=Khazali&to=" + new string('x', 9000));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestUriTooLong, ProblemTypes.UriTooLong);
        Assert.Contains("8192", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_over_the_limit_are_a_431_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/schema");
        request.Headers.Add("X-Padding", new string('y', 40_000));
        using var response = await api.Client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, ProblemTypes.HeadersTooLarge);
    }

    [Fact]
    public async Task Past_Kestrels_own_limit_a_request_is_refused_before_the_pipeline_with_an_empty_body()
    {
        // Documented in docs/api.md: Kestrel answers what it cannot parse before any middleware runs.
        using var client = new TcpClient();
        await client.ConnectAsync(api.Server.BaseAddress.Host, api.Server.BaseAddress.Port);
        var stream = client.GetStream();
        var request = $"GET /api/schema?x={new string('x', 20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync();
        Assert.StartsWith("HTTP/1.1 414", status, StringComparison.Ordinal);
        var headers = new List<string>();
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
        {
            headers.Add(line);
        }

        Assert.Contains("Content-Length: 0", headers);
    }

    /// <summary>The one Content-Security-Policy of a 200 answer.</summary>
    private async Task<string> PolicyOfAsync(string url)
    {
        using var response = await api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }
}
