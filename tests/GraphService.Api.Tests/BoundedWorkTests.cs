using System.Diagnostics;
using System.Net;
using System.Reflection;
using GraphService.Api.Http;
using GraphService.Api.Tests.Support;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Api.Tests;

/// <summary>No request does unbounded work: answers are capped in size, and the request timeout stops the work it times.</summary>
public sealed class BoundedWorkTests
{
    [Fact]
    public async Task An_answer_over_the_response_cap_is_a_400_problem_saying_how_to_ask_for_less_and_smaller_ones_pass()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus,
            ["Api:MaxResponseMegabytes"] = "0.004",
        }, waitUntilReady: true);

        foreach (var url in new[] { "/api/paths?from=Khazali&to=al-Ameri&k=10", "/api/paths?from=Khazali&to=al-Ameri&k=10&format=html", "/api/entities/AAH/neighborhood?depth=3&limit=500" })
        {
            using var response = await server.Client.GetAsync(url);
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.ResponseTooLarge);
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains("0.004 MB", detail, StringComparison.Ordinal);
            Assert.Contains("(k, maxHops)", detail, StringComparison.Ordinal);
            Assert.Contains("(depth, limit)", detail, StringComparison.Ordinal);
            Assert.Equal(0.004, problem.GetProperty("maxMegabytes").GetDouble());
            Assert.Null(response.Headers.ETag);
        }

        using var small = await server.Client.GetAsync("/api/entities?search=Sadr&limit=1");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task The_request_timeout_stops_the_serialization_of_a_slow_answer_and_answers_504_in_about_the_timeout()
    {
        var schema = new SlowSchema();
        await using var server = await ApiServer.StartAsync(
            new Dictionary<string, string?> { ["Api:RequestTimeoutSeconds"] = "1", ["Api:ResponseCacheMegabytes"] = "0" },
            s => s.AddSingleton(SlowSchemaStore.Create(schema)));

        var clock = Stopwatch.StartNew();
        using var response = await server.Client.GetAsync("/api/schema");
        clock.Stop();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.GatewayTimeout, ProblemTypes.RequestTimeout);
        // Serializing every item would take over 100 s; the timeout is 1 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"504 after {clock.Elapsed}");
        var seenAtAnswer = schema.Enumerated;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(schema.Enumerated - seenAtAnswer < 50, $"serialization went on after the answer: {schema.Enumerated - seenAtAnswer} more items");
        Assert.True(schema.Enumerated < SlowSchema.Count, "serialization stopped before the end");
    }

    /// <summary>A schema whose entity types take a millisecond each to enumerate: 100,000 of them.</summary>
    internal sealed class SlowSchema
    {
        public const int Count = 100_000;
        private int _enumerated;

        public int Enumerated => Volatile.Read(ref _enumerated);

        public GraphSchema Create() => new("slow-1", new SlowList(this), [], 0, 0, 0, 0, 0);

        private sealed class SlowList(SlowSchema owner) : IReadOnlyList<TypeCount>
        {
            public int Count => SlowSchema.Count;

            public TypeCount this[int index] => new($"Type{index}", index);

            public IEnumerator<TypeCount> GetEnumerator()
            {
                for (var i = 0; i < Count; i++)
                {
                    Thread.Sleep(1);
                    Interlocked.Increment(ref owner._enumerated);
                    yield return this[i];
                }
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }

    /// <summary>
    /// A store that holds a graph and answers only the schema, slowly; built as a proxy so that it answers whatever the port
    /// declares (anything but status and schema is refused).
    /// </summary>
    public class SlowSchemaStore : DispatchProxy
    {
        private SlowSchema _schema = null!;

        internal static IGraphStore Create(SlowSchema schema)
        {
            var store = DispatchProxy.Create<IGraphStore, SlowSchemaStore>();
            ((SlowSchemaStore)(object)store)._schema = schema;
            return store;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IGraphStore.GetStatusAsync) => Task.FromResult(new GraphStatus(true, "slow-1", 1, 0, 0, "Slow")),
            nameof(IGraphStore.GetSchemaAsync) => Task.FromResult(_schema.Create()),
            nameof(IGraphStore.PrepareAsync) => Task.FromResult<string?>("slow-1"),
            var name => throw new NotSupportedException($"{name} is not part of this test"),
        };
    }
}
