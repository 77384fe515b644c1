using System.Diagnostics;
using GraphService.Core.Store;
using GraphService.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GraphService.Api.Http;

/// <summary>
/// Before the API reports a graph ready, it asks itself over loopback HTTP what clients ask first: the explorer's
/// schema (its first request, counted once per graph), overview, search, neighbourhood and path (by the most connected
/// entity's name, its neighbourhood, a path from it to the next most connected), and that entity's own page. The first
/// client's request then finds the HTTP pipeline, the query service and the JSON serialization compiled (they cost the
/// first request about 0.1 s at 100k entities). The entity's page lists one page of each predicate, so even the most
/// connected entity of a large graph costs only what that page holds.
/// The requests are ordinary requests, logged, counted and rate-limited like any other. Where the server listens on no
/// plain-HTTP TCP address (TLS only, a Unix socket, or the in-memory test server), there is nothing to send them to and
/// the first client's request compiles the pipeline. A warm-up request that fails or times out is logged, and readiness
/// goes on: the service can answer without it.
/// </summary>
public sealed partial class PipelineWarmUp(IServer server, IHostApplicationLifetime lifetime, IGraphStore store, ILogger<PipelineWarmUp> logger)
    : IGraphWarmUp
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public async Task WarmUpAsync(string graphVersion, CancellationToken cancellationToken)
    {
        // The graph may be prepared before the server listens (a start-up import); the requests wait for it.
        if (!await StartedAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (LoopbackAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } address)
        {
            LogNoAddress(logger, graphVersion);
            return;
        }

        var most = await store.GetMostConnectedAsync(2, [], cancellationToken).ConfigureAwait(false);
        if (most.Nodes.Count < 2)
        {
            return;
        }

        var (from, to) = (Uri.EscapeDataString(most.Nodes[0].Id), Uri.EscapeDataString(most.Nodes[1].Id));
        string[] targets =
        [
            "/api/schema",
            "/api/overview",
            $"/api/entities?search={Uri.EscapeDataString(most.Nodes[0].Name)}",
            $"/api/entities/{from}",
            $"/api/entities/{from}/neighborhood",
            $"/api/paths?from={from}&to={to}",
        ];
        using var client = new HttpClient { BaseAddress = address, Timeout = RequestTimeout };
        foreach (var target in targets)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync(target, cancellationToken).ConfigureAwait(false);
                LogAnswered(logger, target, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds);
            }
            catch (HttpRequestException e)
            {
                LogFailed(logger, target, e.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, target, $"no answer within {RequestTimeout.TotalSeconds} s");
            }
        }
    }

    /// <summary>
    /// The first plain-HTTP address the server listens on over TCP, with a wildcard host (0.0.0.0, [::], +, *) turned
    /// into the loopback address of its family; null when there is none (TLS only, or a Unix socket, which HttpClient
    /// cannot reach by a URL).
    /// </summary>
    public static Uri? LoopbackAddress(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            if (!address.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || address.StartsWith("http://unix:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var authority = address["http://".Length..];
            var port = authority.LastIndexOf(':');
            var host = port < 0 ? authority : authority[..port];
            var loopback = host switch
            {
                "0.0.0.0" or "+" or "*" => "127.0.0.1",
                "[::]" => "[::1]",
                _ => host,
            };
            if (Uri.TryCreate($"http://{loopback}{(port < 0 ? string.Empty : authority[port..])}", UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return null;
    }

    /// <summary>True once the host has started (the server listens); false when it stops first.</summary>
    private async Task<bool> StartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult(true)))
        using (lifetime.ApplicationStopping.Register(() => started.TrySetResult(false)))
        {
            return await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up before ready: GET {Target} answered {Status} in {Milliseconds:F1} ms")]
    private static partial void LogAnswered(ILogger logger, string target, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up before ready: GET {Target} failed ({Reason}); the first request will compile what it would have")]
    private static partial void LogFailed(ILogger logger, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "No warm-up requests for graph {Version}: the server listens on no plain-HTTP address; the first request compiles the pipeline")]
    private static partial void LogNoAddress(ILogger logger, string version);
}
