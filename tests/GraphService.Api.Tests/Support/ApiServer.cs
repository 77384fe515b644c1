using System.Net.Http.Json;
using System.Text.Json;
using GraphService.Core.Serialization;
using GraphService.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Api.Tests.Support;

/// <summary>
/// The real API on Kestrel on a loopback port, over its own temporary SQLite store. Settings override appsettings.json;
/// by default nothing is imported (Graph:ImportOnStart empty) and the rate limit is out of the way.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly ApiFactory _factory;
    private readonly TempDirectory _temp;

    private ApiServer(ApiFactory factory, TempDirectory temp, HttpClient client)
    {
        _factory = factory;
        _temp = temp;
        Client = client;
    }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public IServiceProvider Services => _factory.Services;

    public static async Task<ApiServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? replaceServices = null,
        bool waitUntilReady = false)
    {
        var temp = new TempDirectory();
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Graph:StorePath"] = temp.File("graph.db"),
            ["Graph:ImportOnStart"] = string.Empty,
            ["RateLimiting:PermitLimit"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new ApiFactory(all, replaceServices);
        factory.StartServer();
        var client = factory.CreateClient();
        var server = new ApiServer(factory, temp, client);
        if (waitUntilReady)
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }

        return server;
    }

    /// <summary>Polls /health/ready until the start-up import has loaded a graph.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            using var response = await Client.GetAsync("/health/ready", cts.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"The API was not ready after {timeout}: {await response.Content.ReadAsStringAsync(cts.Token)}");
            }

            await Task.Delay(200, cts.Token);
        }
    }

    public async Task<T> GetJsonAsync<T>(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, GraphJson.Options) ?? throw new InvalidOperationException($"GET {url} answered null");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _temp.Dispose();
    }

    private sealed class ApiFactory : WebApplicationFactory<Program>
    {
        private readonly IReadOnlyDictionary<string, string?> _settings;
        private readonly Action<IServiceCollection>? _replaceServices;

        public ApiFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? replaceServices)
        {
            _settings = settings;
            _replaceServices = replaceServices;

            // Not UseKestrel(0): with a port, the factory rewrites the server's addresses after the app has built, racing
            // the app's own start of Kestrel, which locks them; now and then the start then fails with "Addresses cannot
            // be modified after the server has started" (dotnet/aspnetcore#67714). The port-0 address is configured
            // before the build instead, and the factory only reads what Kestrel bound.
            UseKestrel();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            if (_replaceServices is not null)
            {
                builder.ConfigureTestServices(_replaceServices);
            }
        }
    }
}
