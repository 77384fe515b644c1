using System.Diagnostics;
using System.Text;
using GraphService.Testing;

namespace GraphService.Corpus.Tests;

/// <summary>
/// A small valid corpus in a temporary folder named "corpus", so problems are reported as "corpus/&lt;file&gt;:line".
/// Tests overwrite single files to make exactly one thing wrong.
/// </summary>
internal sealed class CorpusFolder : IDisposable
{
    public const string Entities = """
        - id: alpha-group
          type: Organization
          name: Alpha Group
          aliases: [Alpha]
        - id: bo-ren
          type: Person
          name: Bo Ren

        """;

    public const string Claims = """
        - subject: bo-ren
          predicate: LEADS
          object: alpha-group
          evidence:
            - doc: report-one
              quote: "Bo Ren leads the Alpha Group"

        """;

    public const string ReportOne = """
        ---
        title: Report one
        publisher: Example Wire
        published: 2020-01-02
        ---
        Bo Ren leads the Alpha Group. The group was founded in 2001.

        """;

    private readonly TempDirectory _temp = new();

    public CorpusFolder(bool withDefaults = true)
    {
        Root = Path.Combine(_temp.Path, "corpus");
        Directory.CreateDirectory(Root);
        if (withDefaults)
        {
            Write("entities.yaml", Entities);
            Write("claims.yaml", Claims);
            Write("documents/report-one.md", ReportOne);
        }
    }

    public string Root { get; }

    public CorpusFolder Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    public CorpusFolder WriteBytes(string relativePath, byte[] bytes)
    {
        var path = NewPath(relativePath);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public CorpusFolder Delete(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }

        return this;
    }

    /// <summary>Makes <paramref name="relativePath"/> a symbolic link to <paramref name="target"/> (which need not exist).</summary>
    public CorpusFolder Link(string relativePath, string target)
    {
        var path = NewPath(relativePath);
        File.CreateSymbolicLink(path, target);
        return this;
    }

    /// <summary>Makes <paramref name="relativePath"/> a named pipe (FIFO), with the system's mkfifo.</summary>
    public CorpusFolder Fifo(string relativePath)
    {
        var path = NewPath(relativePath);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo failed: {mkfifo.StandardError.ReadToEnd()}");
        }

        return this;
    }

    /// <summary>
    /// Loads on a thread of its own and fails the test when the load has not finished within <paramref name="within"/>,
    /// so that a test of a hang fails instead of hanging the run.
    /// </summary>
    public CorpusLoadResult LoadWithin(TimeSpan within, CorpusLimits? limits = null)
    {
        var load = Task.Factory.StartNew(() => Load(limits), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(load.Wait(within), $"loading the corpus did not finish within {within.TotalSeconds} s");
        return load.Result;
    }

    public CorpusLoadResult Load(CorpusLimits? limits = null) => new CorpusImporter(limits).Load(Root);

    /// <summary>The problems as printed ("path:line: message").</summary>
    public IReadOnlyList<string> Problems(CorpusLimits? limits = null) => [.. Load(limits).Problems.Select(p => p.ToString())];

    public void Dispose() => _temp.Dispose();

    /// <summary>The full path of <paramref name="relativePath"/>, its folder created.</summary>
    private string NewPath(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
