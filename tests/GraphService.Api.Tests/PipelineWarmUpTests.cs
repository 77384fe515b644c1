using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using GraphService.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GraphService.Api.Tests;

public sealed class PipelineWarmUpTests
{
    private const string Category = "GraphService.Api.Http.PipelineWarmUp";

    [Fact]
    public async Task Before_it_reports_ready_the_api_asks_itself_what_clients_ask_first_through_its_own_pipeline()
    {
        var (server, log) = await StartOnTheSampleCorpusAsync([]);
        await using var _ = server;

        Assert.Collection(
            log.Of(Category),
            schema => Assert.Matches("^Warm-up before ready: GET /api/schema answered 200 in ", schema),
            overview => Assert.Matches("^Warm-up before ready: GET /api/overview answered 200 in ", overview),
            search => Assert.Matches(@"^Warm-up before ready: GET /api/entities\?search=[^ ]+ answered 200 in ", search),
            entity => Assert.Matches("^Warm-up before ready: GET /api/entities/[^/?]+ answered 200 in ", entity),
            neighbourhood => Assert.Matches("^Warm-up before ready: GET /api/entities/[^/]+/neighborhood answered 200 in ", neighbourhood),
            paths => Assert.Matches(@"^Warm-up before ready: GET /api/paths\?from=[^&]+&to=[^ ]+ answered 200 in ", paths));
    }

    [Fact]
    public async Task With_access_control_on_the_warm_up_requests_are_refused_like_any_request_without_a_token_and_ready_comes_all_the_same()
    {
        var tokens = new TokenIssuer();
        var (server, log) = await StartOnTheSampleCorpusAsync(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Jwt",
            ["Auth:SigningKey"] = tokens.KeyBase64,
            ["Auth:Issuer"] = TokenIssuer.Issuer,
            ["Auth:Audience"] = TokenIssuer.Audience,
        });
        await using var _ = server;

        Assert.Equal(6, log.Of(Category).Count);
        Assert.All(log.Of(Category), m => Assert.Matches("^Warm-up before ready: GET /api/[^ ]+ answered 401 in ", m));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5098", "http://127.0.0.1:5098/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:80", "http://127.0.0.1/")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    public void A_wildcard_address_is_asked_at_the_loopback_address_of_its_family(string listening, string asked) =>
        Assert.Equal(asked, PipelineWarmUp.LoopbackAddress([listening])!.ToString());

    [Fact]
    public void The_first_plain_http_address_is_the_one_asked_and_a_server_with_none_is_not_asked()
    {
        Assert.Equal("http://127.0.0.1:5000/", PipelineWarmUp.LoopbackAddress(["https://localhost:5001", "http://0.0.0.0:5000"])!.ToString());
        Assert.Null(PipelineWarmUp.LoopbackAddress(["https://localhost:5001"]));
        Assert.Null(PipelineWarmUp.LoopbackAddress(["http://unix:/run/graphservice.sock"]));
        Assert.Null(PipelineWarmUp.LoopbackAddress([]));
    }

    /// <summary>The API on Kestrel, importing the sample corpus at start, ready, with the warm-up's log kept.</summary>
    private static async Task<(ApiServer Server, CapturedLog Log)> StartOnTheSampleCorpusAsync(Dictionary<string, string?> settings)
    {
        var log = new CapturedLog();
        settings["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus;
        settings[$"Logging:LogLevel:{Category}"] = "Information";
        return (await ApiServer.StartAsync(settings, services => services.AddSingleton<ILoggerProvider>(log), waitUntilReady: true), log);
    }
}
