using GraphService.Core.Domain;
using GraphService.Testing;

namespace GraphService.Storage.Sqlite.Tests;

/// <summary>What the crash and load tests share. They run in one collection, one after the other, so their timings mean something.</summary>
public static class StressTests
{
    public const string Collection = "stress";

    /// <summary>
    /// Each graph imported alone into a store of its own, and what that store answers: what any store holding the graph
    /// must answer, keyed by graph version.
    /// </summary>
    public static async Task<Dictionary<string, T>> ReferenceAnswersAsync<T>(TempDirectory folder, IEnumerable<GraphSnapshot> graphs, Func<SqliteGraphStore, Task<T>> answers)
    {
        var expected = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var graph in graphs)
        {
            using var reference = new SqliteGraphStore(new SqliteStoreOptions { Path = folder.File($"reference-{graph.Version}.db") });
            await reference.ReplaceGraphAsync(graph, CancellationToken.None);
            expected[graph.Version] = await answers(reference);
        }

        return expected;
    }
}
