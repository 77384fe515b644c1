namespace GraphService.Testing;

/// <summary>
/// The one rule for tests that need a tool installed beside the SDK (chromium, the npm linters): on CI (CI=true),
/// which installs every such tool, a missing one is a failure; elsewhere the test is skipped with the reason.
/// Servers that CI cannot start (Neo4j without Docker) are not tools: those tests skip everywhere.
/// </summary>
public static class CiRequirement
{
    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails on CI, skips elsewhere, unless <paramref name="available"/>.</summary>
    /// <param name="available">Whether the tool is there.</param>
    /// <param name="missing">What is missing and how to install it.</param>
    public static void Require(bool available, string missing)
    {
        if (available)
        {
            return;
        }

        if (RunningInCi)
        {
            Assert.Fail($"CI=true but a required tool is missing: {missing}");
        }

        Skip.If(true, missing);
    }
}
