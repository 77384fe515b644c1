namespace GraphService.Api.Http;

/// <summary>
/// The stable "type" URI of every kind of problem the API answers with (RFC 9457). Clients branch on these, not on
/// titles or details; docs/api.md describes each.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://graphservice.dev/problems/";

    public const string InvalidParameter = Base + "invalid-parameter";
    public const string UnknownEntity = Base + "unknown-entity";
    public const string AmbiguousName = Base + "ambiguous-name";
    public const string UnknownDocument = Base + "unknown-document";
    public const string UnknownCitation = Base + "unknown-citation";
    public const string UnsupportedFormat = Base + "unsupported-format";
    public const string NotAcceptable = Base + "not-acceptable";
    public const string RateLimited = Base + "rate-limited";
    public const string StoreUnavailable = Base + "store-unavailable";
    public const string RequestTimeout = Base + "request-timeout";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string UnknownParameter = Base + "unknown-parameter";
    public const string ResponseTooLarge = Base + "response-too-large";
    public const string UriTooLong = Base + "uri-too-long";
    public const string HeadersTooLarge = Base + "headers-too-large";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string NotFound = Base + "not-found";
    public const string InternalError = Base + "internal-error";
}
