using GraphService.Core.Store;
using GraphService.Testing.Conformance;

namespace GraphService.Storage.Neo4j.Tests;

/// <summary>
/// The store conformance suite on Neo4j, over the graph the collection's server holds (the conformance graph, loaded once
/// per run). Without a server every test is reported as skipped with the reason.
/// </summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jStoreConformanceTests(Neo4jServerFixture server) : GraphStoreConformance
{
    protected override IGraphStore Store
    {
        get
        {
            Skip.If(server.SkipReason is not null, server.SkipReason);
            return server.ConformanceStoreAsync().GetAwaiter().GetResult();
        }
    }
}
