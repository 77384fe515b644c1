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
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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

    public CorpusLoadResult Load() => new CorpusImporter().Load(Root);

    /// <summary>The problems as printed ("path:line: message").</summary>
    public IReadOnlyList<string> Problems() => [.. Load().Problems.Select(p => p.ToString())];

    public void Dispose() => _temp.Dispose();
}
