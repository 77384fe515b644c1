using GraphService.Testing;

namespace GraphService.Api.Tests.Support;

/// <summary>One API over the sample corpus (data/corpus, imported at start-up into a temporary store), shared by the tests of the collection.</summary>
public sealed class SampleCorpusApi : IAsyncLifetime
{
    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus }, waitUntilReady: true);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SampleCorpusCollection : ICollectionFixture<SampleCorpusApi>
{
    public const string Name = "API over the sample corpus";
}
