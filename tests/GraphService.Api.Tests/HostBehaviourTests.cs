using System.Diagnostics;
using System.Net;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Api.Tests;

/// <summary>An API started on an empty store, with a report tool's origin allowed by CORS.</summary>
public sealed class EmptyStoreApi : IAsyncLifetime
{
    public const string AllowedOrigin = "https://reports.example.org";

    public ApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = AllowedOrigin });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class EmptyStoreTests(EmptyStoreApi api) : IClassFixture<EmptyStoreApi>
{
    [Theory]
    [InlineData("/api/paths?from=Khazali&to=al-Ameri")]
    [InlineData("/api/entities")]
    [InlineData("/api/documents/any")]
    [InlineData("/api/schema")]
    public async Task Without_a_graph_every_api_endpoint_is_a_503_problem_with_Retry_After(string url)
    {
        using var response = await api.Server.Client.GetAsync(url);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 carries Retry-After in seconds");
    }

    [Fact]
    public async Task Without_a_graph_the_process_is_live_but_not_ready()
    {
        using var live = await api.Server.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        using var ready = await api.Server.Client.GetAsync("/health/ready");
        var problem = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable);
        Assert.Equal("Unhealthy", problem.GetProperty("checks")[0].GetProperty("status").GetString());
        Assert.NotNull(ready.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_configured_origin_may_read_answers_and_ETags_and_others_may_not()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        allowed.Headers.Add("Origin", EmptyStoreApi.AllowedOrigin);
        using var allowedResponse = await api.Server.Client.SendAsync(allowed);
        Assert.Equal(EmptyStoreApi.AllowedOrigin, Assert.Single(allowedResponse.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", string.Join(",", allowedResponse.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.Ordinal);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        other.Headers.Add("Origin", "https://elsewhere.example.com");
        using var otherResponse = await api.Server.Client.SendAsync(other);
        Assert.False(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class HostBehaviourTests
{
    [Fact]
    public async Task Over_the_rate_limit_a_client_gets_a_429_problem_with_Retry_After_and_health_stays_open()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:WindowSeconds"] = "60",
        });

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await server.Client.GetAsync("/api/schema");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await server.Client.GetAsync("/api/schema");
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.Contains("3 requests per 60 seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromSeconds(60), $"Retry-After {retryAfter}");

        using var live = await server.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Retry_After_counts_down_to_the_end_of_the_current_window()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "1",
            ["RateLimiting:WindowSeconds"] = "20",
        });

        using var allowed = await server.Client.GetAsync("/api/schema");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        using var first = await server.Client.GetAsync("/api/schema");
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        var early = first.Headers.RetryAfter!.Delta!.Value;

        await Task.Delay(TimeSpan.FromSeconds(3));
        using var later = await server.Client.GetAsync("/api/schema");
        Assert.Equal(HttpStatusCode.TooManyRequests, later.StatusCode);
        var remaining = later.Headers.RetryAfter!.Delta!.Value;

        Assert.InRange(early, TimeSpan.FromSeconds(18), TimeSpan.FromSeconds(20));
        Assert.True(remaining <= early - TimeSpan.FromSeconds(2), $"Retry-After was {early} and {remaining} three seconds later");
        var problem = await ProblemAssert.IsProblemAsync(later, HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.Contains($"Retry after {(int)remaining.TotalSeconds} seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_failure_is_a_500_problem_without_internals_an_unreachable_store_a_503_with_its_Retry_After_and_a_slow_query_a_504()
    {
        await using var server = await ApiServer.StartAsync(
            new Dictionary<string, string?> { ["Api:RequestTimeoutSeconds"] = "1" },
            s => s.AddSingleton<IGraphStore>(new UnreliableStore()));

        using var failed = await server.Client.GetAsync("/api/paths?from=explode&to=x");
        var problem = await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.InternalServerError, ProblemTypes.InternalError);
        var body = problem.GetRawText();
        Assert.DoesNotContain(UnreliableStore.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", body, StringComparison.Ordinal);

        using var unavailable = await server.Client.GetAsync("/api/paths?from=unreachable&to=x");
        var problem503 = await ProblemAssert.IsProblemAsync(unavailable, HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(7), unavailable.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(UnreliableStore.Secret, problem503.GetRawText(), StringComparison.Ordinal);

        using var slow = await server.Client.GetAsync("/api/paths?from=slow&to=x");
        var problem504 = await ProblemAssert.IsProblemAsync(slow, HttpStatusCode.GatewayTimeout, ProblemTypes.RequestTimeout);
        Assert.Contains("1 seconds", problem504.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_shared_by_two_entities_is_a_409_problem_listing_the_candidates()
    {
        using var temp = new TempDirectory();
        var corpus = temp.CopyFrom(RepositoryPaths.SampleCorpus, "corpus");
        // The importer refuses two entities with the same name key, so names can only be ambiguous once the article "al" is
        // dropped: "Sadr, al-" (a name as an index lists it) matches Muqtada al-Sadr's alias Sadr and this entity's al-Sadr.
        await File.AppendAllTextAsync(Path.Combine(corpus, "entities.yaml"), """

            - id: mohammad-sadiq-al-sadr
              type: Person
              name: Mohammad Sadiq al-Sadr
              aliases: [al-Sadr]
              description: Iraqi Shiite cleric, father of Muqtada al-Sadr.

            """);
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Graph:ImportOnStart"] = corpus }, waitUntilReady: true);

        using var response = await server.Client.GetAsync("/api/paths?from=Sadr%2C%20al-&to=Khazali");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, ProblemTypes.AmbiguousName);
        Assert.Equal("from", problem.GetProperty("parameter").GetString());
        var candidates = problem.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["mohammad-sadiq-al-sadr", "muqtada-al-sadr"], candidates);

        using var entity = await server.Client.GetAsync("/api/entities/Sadr%2C%20al-");
        await ProblemAssert.IsProblemAsync(entity, HttpStatusCode.Conflict, ProblemTypes.AmbiguousName);
    }

    /// <summary>Names that resolve to nothing and remember what was asked.</summary>
    private sealed class AskedNames : IGraphNames
    {
        public List<string> Asked { get; } = [];

        public PredicateVocabulary Vocabulary => PredicateVocabulary.Default;

        public Resolution Resolve(string text)
        {
            Asked.Add(text);
            return new Resolution.NotFound(text, []);
        }

        public bool NamesAnEntity(string nameKey) => false;
    }

    /// <summary>A store that holds a graph but fails every name it is asked to resolve, in one of two ways.</summary>
    private sealed class UnreliableStore : IGraphStore
    {
        public const string Secret = "/var/lib/graphservice/secret-store.db";

        public Task<GraphStatus> GetStatusAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new GraphStatus(true, "unreliable-1", 1, 0, 0, "Unreliable"));

        public Task<string?> PrepareAsync(CancellationToken cancellationToken) => Task.FromResult<string?>("unreliable-1");

        public async Task<Resolution> ResolveAsync(string text, CancellationToken cancellationToken)
        {
            switch (text)
            {
                case "slow":
                    // Never answers: only the request timeout's cancellation ends it.
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    throw new UnreachableException();
                case "unreachable":
                    throw new GraphStoreUnavailableException($"connection refused by {Secret}", null, TimeSpan.FromSeconds(7));
                default:
                    throw new InvalidOperationException($"corrupt page in {Secret}");
            }
        }

        public Task ReplaceGraphAsync(GraphSnapshot graph, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<GraphSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DraftingSource?> GetDraftingSourceAsync(string documentId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<EntityHit>> SearchEntitiesAsync(EntitySearch search, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PathResult?> FindPathsAsync(PathQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        /// <summary>Fails as <see cref="ResolveAsync"/> does for the first name the plan asks for.</summary>
        public async Task<PathResult?> FindPathsAsync(Func<IGraphNames, PathQuery?> plan, CancellationToken cancellationToken)
        {
            var names = new AskedNames();
            _ = plan(names);
            _ = await ResolveAsync(names.Asked[0], cancellationToken);
            throw new UnreachableException();
        }

        public Task<NeighborhoodResult?> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<NeighborhoodResult?> GetNeighborhoodAsync(Func<IGraphNames, NeighborhoodQuery?> plan, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<EntityDetail?> GetEntityAsync(EntityQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<EntityDetail?> GetEntityAsync(Func<IGraphNames, EntityQuery?> plan, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentListQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DocumentDetail?> GetDocumentAsync(DocumentQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DocumentSummary>> SuggestDocumentsAsync(string asked, int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CitationDetail?> GetCitationAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<GraphSchema> GetSchemaAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PredicateVocabulary> GetVocabularyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MostConnected> GetMostConnectedAsync(int limit, IReadOnlyList<string> featured, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
