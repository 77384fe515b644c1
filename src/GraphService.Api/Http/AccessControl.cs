using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GraphService.Api.Http;

/// <summary>Whether requests must carry a bearer token.</summary>
public enum AuthMode
{
    /// <summary>Open to anyone who can reach the port: local use, or behind a gateway that checks access.</summary>
    None,

    /// <summary>JWT bearer tokens with the <see cref="AccessControl.ReadScope"/> scope.</summary>
    Jwt,
}

/// <summary>The "Auth" section: access control of /api (and so of every report) and of the OpenAPI document and Swagger UI.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The shortest HS256 key accepted: RFC 7518 §3.2 asks for a key of at least the hash size.</summary>
    public const int MinimumSigningKeyBytes = 32;

    public AuthMode Mode { get; set; } = AuthMode.None;

    /// <summary>An OpenID Connect issuer whose discovery document (/.well-known/openid-configuration) gives the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>A base64 HS256 key of at least 256 bits, for small deployments and tests, instead of an Authority.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The expected iss claim; with an Authority, its discovery document's issuer is expected when this is empty.</summary>
    public string? Issuer { get; set; }

    /// <summary>The expected aud claim; required in Jwt mode, so that a token minted for another service is refused.</summary>
    public string? Audience { get; set; }

    /// <summary>Whether the Authority's discovery document must be fetched over https (turn off only for a local test issuer).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Whether /openapi/v1.json and /swagger are open to all. Unset: open in Development, and elsewhere open exactly when
    /// Mode is None. False with Jwt: they need a token with the read scope, as /api does.
    /// </summary>
    public bool? PublicApiDocs { get; set; }

    public byte[]? SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            return null;
        }

        var buffer = new byte[SigningKey.Length];
        return Convert.TryFromBase64String(SigningKey.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>Checks <see cref="AuthOptions"/> at start-up, naming the key that is wrong and what it needs.</summary>
public sealed class AuthOptionsValidation : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.Mode == AuthMode.None)
        {
            if (options.PublicApiDocs == false)
            {
                failures.Add("Auth:PublicApiDocs=false needs Auth:Mode=Jwt: without it nothing can let a reader in.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (string.IsNullOrWhiteSpace(options.Authority) && string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add("Auth:Mode=Jwt needs Auth:Authority (an OpenID Connect issuer URL) or Auth:SigningKey (a base64 HS256 key).");
        }

        if (!string.IsNullOrWhiteSpace(options.Authority) && !Uri.TryCreate(options.Authority, UriKind.Absolute, out _))
        {
            failures.Add($"Auth:Authority must be an absolute URL; got '{options.Authority}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey) && options.SigningKeyBytes() is not { Length: >= AuthOptions.MinimumSigningKeyBytes })
        {
            failures.Add($"Auth:SigningKey must be base64 of at least {AuthOptions.MinimumSigningKeyBytes} bytes (256 bits), for example `openssl rand -base64 32`.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth:Mode=Jwt needs Auth:Audience, the aud claim tokens for this API carry.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Access control: off by default; with Auth:Mode=Jwt every /api route (and so every report) needs a bearer token with
/// the scope graph.read, answered 401 (no token, bad signature, expired, another audience or issuer) or 403 (no such
/// scope) as problem+json with WWW-Authenticate: Bearer. Health probes are always open; the OpenAPI document and Swagger
/// UI follow <see cref="AuthOptions.PublicApiDocs"/>. Endpoints name a policy; the policy's content follows the mode.
/// </summary>
public static class AccessControl
{
    public const string ReadScope = "graph.read";

    /// <summary>The policy of /api: a token with <see cref="ReadScope"/> in Jwt mode, anyone otherwise.</summary>
    public const string ReadPolicy = "graph-read";

    /// <summary>The policy of /openapi and /swagger: anyone when the documents are public, else <see cref="ReadPolicy"/>'s.</summary>
    public const string ApiDocsPolicy = "api-docs";

    public static IServiceCollection AddAccessControl(this IServiceCollection services, IConfiguration configuration, bool development)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();

        // Without access control the authentication and authorization services are not registered at all: WebApplication
        // puts both middlewares in front of the pipeline by itself whenever their services exist (UseAccessControl).
        if (!IsEnforced(configuration))
        {
            return services;
        }

        // No default scheme: the policies name the scheme.
        services.AddAuthentication().AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((jwt, auth) => ConfigureBearer(jwt, auth.Value));
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<AuthOptions>>((authorization, auth) =>
        {
            var open = new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
            var read = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => HasScope(c.User, ReadScope))
                .Build();
            authorization.AddPolicy(ReadPolicy, read);
            authorization.AddPolicy(ApiDocsPolicy, auth.Value.PublicApiDocs ?? development ? open : read);
        });
        return services;
    }

    /// <summary>
    /// Authentication and authorization, only when Auth:Mode asks for access control: with None every policy would let
    /// anyone in, so the two middlewares would only spend time on each request finding that out (and the JWT handler, the
    /// one scheme and so the default, would look for a token no one checks). Their services are then not registered
    /// either (<see cref="AddAccessControl"/>), or WebApplication would add both middlewares itself.
    /// </summary>
    public static IApplicationBuilder UseAccessControl(this WebApplication app)
    {
        if (IsEnforced(app))
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        return app;
    }

    /// <summary>
    /// Puts the endpoints under <paramref name="policy"/> when access control is on. With Auth:Mode=None no policy is
    /// attached: they would all be open, and an endpoint with a policy needs the authorization middleware, which is then
    /// left out (<see cref="UseAccessControl"/>).
    /// </summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        IsEnforced(app) ? builder.RequireAuthorization(policy) : builder;

    // Whether Auth:Mode asks for access control, bound from configuration as AuthOptions is: the services are registered
    // (or not) before any option can be resolved, and the pipeline and the endpoints must answer the same way.
    private static bool IsEnforced(IConfiguration configuration) =>
        (configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Mode ?? AuthMode.None) != AuthMode.None;

    private static bool IsEnforced(IEndpointRouteBuilder app) => IsEnforced(app.ServiceProvider.GetRequiredService<IConfiguration>());

    /// <summary>
    /// True when the token grants <paramref name="scope"/>: the OAuth 2.0 "scope" claim (a space-separated list, RFC 8693)
    /// or "scp" (a list or an array, as some issuers write it).
    /// </summary>
    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.Claims
            .Where(c => c.Type is "scope" or "scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);

    private static void ConfigureBearer(JwtBearerOptions jwt, AuthOptions auth)
    {
        if (auth.Mode != AuthMode.Jwt)
        {
            return;
        }

        // Claims keep their JWT names (scope, scp, sub), not the WS-Federation URIs they are mapped to by default.
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            jwt.Authority = auth.Authority;
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateIssuer = !string.IsNullOrWhiteSpace(auth.Issuer) || !string.IsNullOrWhiteSpace(auth.Authority),
            ValidIssuer = string.IsNullOrWhiteSpace(auth.Issuer) ? null : auth.Issuer,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        if (auth.SigningKeyBytes() is { } key)
        {
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(key);
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }

        jwt.Events = new JwtBearerEvents
        {
            OnChallenge = async context =>
            {
                // The handler's own challenge is an empty 401; answer with the same header and a problem body instead.
                context.HandleResponse();
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
                    ? "Bearer"
                    : "Bearer error=\"invalid_token\"";
                var detail = context.AuthenticateFailure switch
                {
                    null => $"This endpoint needs a bearer token (Authorization: Bearer …) with the scope {ReadScope}.",
                    SecurityTokenExpiredException => "The bearer token has expired; get a new one.",
                    SecurityTokenInvalidAudienceException => "The bearer token was issued for another audience.",
                    SecurityTokenInvalidIssuerException => "The bearer token was issued by an issuer this API does not trust.",
                    _ => "The bearer token is not valid here (signature, algorithm or format); get a new one.",
                };
                await WriteAsync(http, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Unauthorized", detail);
            },
            OnForbidden = context => WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden",
                $"The bearer token is valid but does not grant the scope {ReadScope}."),
        };
    }

    private static Task WriteAsync(HttpContext http, int status, string type, string title, string detail) =>
        Problems.WriteAsync(http, Problems.Create(http, status, type, title, detail)).AsTask();

    /// <summary>Swagger UI is middleware, not an endpoint; mapped as one here so that the docs policy applies to it.</summary>
    public static IEndpointConventionBuilder MapSwaggerUIEndpoint(this IEndpointRouteBuilder app, Action<Swashbuckle.AspNetCore.SwaggerUI.SwaggerUIOptions> configure)
    {
        var swagger = app.CreateApplicationBuilder().UseSwaggerUI(configure).Build();
        return app.Map("/swagger/{**asset}", swagger).ExcludeFromDescription();
    }
}
