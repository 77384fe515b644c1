using Xunit;

namespace GraphService.Storage.Sqlite.Tests;

/// <summary>The crash and load tests share one collection, so they run one after the other and their timings mean something.</summary>
public static class StressTests
{
    public const string Collection = "stress";
}
