namespace GraphService.Testing;

/// <summary>Finds files of this repository from a test's output folder, so tests run the same from any working directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The sample corpus that ships in data/corpus.</summary>
    public static string SampleCorpus => Path.Combine(Root, "data", "corpus");

    public static string Cypher => Path.Combine(Root, "cypher");

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GraphService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GraphService.sln not found above {AppContext.BaseDirectory}");
    }
}
