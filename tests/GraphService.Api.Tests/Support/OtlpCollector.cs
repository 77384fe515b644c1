using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Api.Tests.Support;

/// <summary>
/// A stand-in OTLP/HTTP collector on a loopback port: it accepts every export (an empty protobuf answer is a full
/// success) and remembers which signal paths were posted to, and with what content type.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string? ContentType)> _posts = new();

    private OtlpCollector(WebApplication app) => _app = app;

    public string Address { get; private set; } = string.Empty;

    public IReadOnlyList<string?> ContentTypes => [.. _posts.Select(p => p.ContentType)];

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.MapPost("/v1/{signal}", async (HttpRequest request, string signal) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector._posts.Enqueue(($"/v1/{signal}", request.ContentType));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        collector.Address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return collector;
    }

    public async Task WaitForAsync(string path, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!_posts.Any(p => p.Path == path))
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"No export to {path} within {timeout}; posts: {string.Join(", ", _posts.Select(p => p.Path))}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
