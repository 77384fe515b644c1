using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using GraphService.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphService.Api.Tests;

/// <summary>Mints HS256 tokens in-process, as an identity provider would for this API.</summary>
public sealed class TokenIssuer
{
    public const string Issuer = "https://login.example.org";
    public const string Audience = "graphservice";

    public TokenIssuer()
    {
        Key = RandomNumberGenerator.GetBytes(32);
    }

    public byte[] Key { get; }

    public string KeyBase64 => Convert.ToBase64String(Key);

    public string Mint(
        IReadOnlyDictionary<string, object>? claims = null,
        string audience = Audience,
        string issuer = Issuer,
        DateTime? expires = null,
        byte[]? key = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim("sub", "analyst-1")]),
            Claims = claims?.ToDictionary(c => c.Key, c => c.Value),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Key), SecurityAlgorithms.HmacSha256),
        });
    }

    public string Reader() => Mint(new Dictionary<string, object> { ["scope"] = "openid graph.read profile" });
}

/// <summary>The API over the sample corpus with Auth:Mode=Jwt and an HS256 key, in Production.</summary>
public sealed class JwtProtectedApi : IAsyncLifetime
{
    public TokenIssuer Tokens { get; } = new();

    public ApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ApiServer.StartAsync(new Dictionary<string, string?>
    {
        ["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus,
        ["Auth:Mode"] = "Jwt",
        ["Auth:SigningKey"] = Tokens.KeyBase64,
        ["Auth:Issuer"] = TokenIssuer.Issuer,
        ["Auth:Audience"] = TokenIssuer.Audience,
    }, waitUntilReady: true);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public async Task<HttpResponseMessage> GetAsync(string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Server.Client.SendAsync(request);
    }
}

public sealed class AccessControlTests(JwtProtectedApi api) : IClassFixture<JwtProtectedApi>
{
    private const string Paths = "/api/paths?from=Khazali&to=al-Ameri";

    public static TheoryData<string> ProtectedUrls => new()
    {
        Paths,
        Paths + "&format=html",
        "/api/entities/AAH/neighborhood?format=svg",
        "/api/entities?search=Sadr",
        "/api/documents",
        "/api/schema",
        "/openapi/v1.json",
        "/swagger/index.html",
    };

    [Theory]
    [MemberData(nameof(ProtectedUrls))]
    public async Task Without_a_token_every_api_report_and_document_route_is_a_401_problem_asking_for_a_bearer_token(string url)
    {
        using var response = await api.GetAsync(url, token: null);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains(AccessControl.ReadScope, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProtectedUrls))]
    public async Task A_token_with_the_read_scope_is_let_in(string url)
    {
        using var response = await api.GetAsync(url, api.Tokens.Reader());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "bad signature", "signature" },
        { "expired", "expired" },
        { "another audience", "audience" },
        { "another issuer", "issuer" },
        { "not a JWT", "signature" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task An_invalid_token_is_a_401_problem_saying_why(string kind, string reason)
    {
        var scope = new Dictionary<string, object> { ["scope"] = AccessControl.ReadScope };
        var token = kind switch
        {
            "bad signature" => api.Tokens.Mint(scope, key: RandomNumberGenerator.GetBytes(32)),
            "expired" => api.Tokens.Mint(scope, expires: DateTime.UtcNow.AddMinutes(-5)),
            "another audience" => api.Tokens.Mint(scope, audience: "some-other-service"),
            "another issuer" => api.Tokens.Mint(scope, issuer: "https://evil.example.com"),
            _ => "not.a.jwt",
        };

        using var response = await api.GetAsync(Paths, token);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("invalid_token", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scope", "openid profile")]
    [InlineData("scp", "graph.write")]
    [InlineData("scope", "graph.readonly")]
    public async Task A_valid_token_without_the_read_scope_is_a_403_problem(string claim, string value)
    {
        using var response = await api.GetAsync(Paths, api.Tokens.Mint(new Dictionary<string, object> { [claim] = value }));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Contains(AccessControl.ReadScope, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scp_claim_grants_the_scope_as_a_space_separated_list_or_an_array()
    {
        using var list = await api.GetAsync(Paths, api.Tokens.Mint(new Dictionary<string, object> { ["scp"] = "graph.read graph.write" }));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        using var array = await api.GetAsync(Paths, api.Tokens.Mint(new Dictionary<string, object> { ["scp"] = new[] { "graph.write", "graph.read" } }));
        Assert.Equal(HttpStatusCode.OK, array.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_stay_open(string url)
    {
        using var response = await api.GetAsync(url, token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_401_and_403_when_access_control_is_on()
    {
        using var response = await api.GetAsync("/openapi/v1.json", api.Tokens.Reader());
        var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var responses = document.GetProperty("paths").GetProperty("/api/paths").GetProperty("get").GetProperty("responses");
        Assert.True(responses.TryGetProperty("401", out _), "401 is documented");
        Assert.True(responses.TryGetProperty("403", out _), "403 is documented");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        var required = document.GetProperty("paths").GetProperty("/api/paths").GetProperty("get").GetProperty("security")[0].GetProperty("bearer");
        Assert.Equal(AccessControl.ReadScope, required[0].GetString());
        Assert.False(document.GetProperty("paths").GetProperty("/health/live").GetProperty("get").TryGetProperty("security", out _), "health needs no token");
    }
}

public sealed class AccessControlSettingsTests
{
    [Fact]
    public async Task Access_control_is_off_by_default_and_the_API_documents_are_public()
    {
        await using var server = await ApiServer.StartAsync();
        using var document = await server.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var schema = await server.Client.GetAsync("/api/schema");
        Assert.NotEqual(HttpStatusCode.Unauthorized, schema.StatusCode);
    }

    [Fact]
    public async Task Without_access_control_no_authentication_or_authorization_runs_since_their_services_are_not_registered()
    {
        // WebApplication adds both middlewares in front of the pipeline by itself whenever these services exist.
        await using var server = await ApiServer.StartAsync();
        Assert.Null(server.Services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>());
        Assert.Null(server.Services.GetService<Microsoft.AspNetCore.Authorization.IAuthorizationHandlerProvider>());
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    [InlineData("/api/schema")]
    [InlineData("/api/entities?search=Sadr")]
    public async Task Without_access_control_no_token_is_read_so_an_invalid_one_is_answered_as_without_one(string url)
    {
        await using var server = await ApiServer.StartAsync(
            new Dictionary<string, string?> { ["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus }, waitUntilReady: true);
        using var anonymous = await server.Client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");
        using var withToken = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.False(withToken.Headers.Contains("WWW-Authenticate"));
        Assert.Equal(await anonymous.Content.ReadAsByteArrayAsync(), await withToken.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PublicApiDocs_opens_the_documents_while_the_api_stays_protected()
    {
        var tokens = new TokenIssuer();
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Jwt",
            ["Auth:SigningKey"] = tokens.KeyBase64,
            ["Auth:Audience"] = TokenIssuer.Audience,
            ["Auth:PublicApiDocs"] = "true",
        });

        using var document = await server.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var swagger = await server.Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        using var schema = await server.Client.GetAsync("/api/schema");
        Assert.Equal(HttpStatusCode.Unauthorized, schema.StatusCode);
    }

    public static TheoryData<string, string?, string?, string?> InvalidSettings => new()
    {
        { "Jwt", null, null, "graphservice" },
        { "Jwt", Convert.ToBase64String(new byte[16]), null, "graphservice" },
        { "Jwt", "not base64!", null, "graphservice" },
        { "Jwt", Convert.ToBase64String(new byte[32]), null, null },
        { "Jwt", null, "not a url", "graphservice" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Jwt_mode_without_a_key_or_authority_of_the_right_form_or_without_an_audience_stops_at_start(
        string mode, string? signingKey, string? authority, string? audience)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = mode,
            ["Auth:SigningKey"] = signingKey,
            ["Auth:Authority"] = authority,
            ["Auth:Audience"] = audience,
        }));
        Assert.Contains("Auth:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_documents_without_access_control_stop_at_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:PublicApiDocs"] = "false",
        }));
        Assert.Contains("Auth:PublicApiDocs", failure.Message, StringComparison.Ordinal);
    }
}
