using System.Text.RegularExpressions;
using GraphService.Testing;

namespace GraphService.Cli.Tests;

/// <summary>
/// The drafting workflow from the command line (docs/drafting.md): a corpus with entities and documents only, a new
/// document added from HTML, suggestions printed as claims.yaml items, and the reviewed items accepted by validate.
/// </summary>
public sealed partial class DraftingCommandsSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_document_added_from_html_is_drafted_and_the_reviewed_suggestions_validate()
    {
        var corpus = EmptiedExampleCorpus();
        var html = _dir.File("page.html");
        File.WriteAllText(html, """
            <!doctype html><html><head><title>Harbor news</title><script>var tracking = 1;</script></head>
            <body><nav>Home | World</nav><article><h1>Okoro speaks</h1>
            <p>Tomas Okoro, the leader of the New Kestrel Front, met with Mara Velden again.</p>
            <p>Lindqvist Trading paid the Kestrel Front once more.</p></article><footer>(c) Gazette</footer></body></html>
            """);

        var added = await CliRun.ExecuteAsync(null, "add-document", html, "--corpus", corpus, "--id", "gazette-okoro-speaks", "--publisher", "Harbor Gazette", "--published", "2022-01-05");

        Assert.True(added.ExitCode == ExitCodes.Success, added.Error);
        var written = File.ReadAllText(Path.Combine(corpus, "documents", "gazette-okoro-speaks.md"));
        Assert.StartsWith("---\ntitle: \"Okoro speaks\"\npublisher: \"Harbor Gazette\"\npublished: 2022-01-05\n", written, StringComparison.Ordinal);
        Assert.Contains("Okoro speaks\n\nTomas Okoro, the leader of the New Kestrel Front, met with Mara Velden again.\n\nLindqvist Trading paid the Kestrel Front once more.\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking", written, StringComparison.Ordinal);
        Assert.DoesNotContain("Home | World", written, StringComparison.Ordinal);

        var suggested = await CliRun.ExecuteAsync(null, "suggest", corpus, "--document", "gazette-okoro-speaks");

        Assert.True(suggested.ExitCode == ExitCodes.Success, suggested.Error);
        Assert.Contains("- subject: tomas-okoro  # Tomas Okoro\n  predicate: LEADS", suggested.Out, StringComparison.Ordinal);
        Assert.Contains("- subject: kestrel-front  # Kestrel Front\n  predicate: FUNDED_BY", suggested.Out, StringComparison.Ordinal);

        // The analyst keeps the cued items and deletes those without a predicate; validate then accepts the file.
        var reviewed = string.Join('\n', Items().Matches(suggested.Out).Select(m => m.Value).Where(item => !item.Contains("predicate: null", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(corpus, "claims.yaml"), reviewed + "\n");
        var validated = await CliRun.ExecuteAsync(null, "validate", corpus);

        Assert.True(validated.ExitCode == ExitCodes.Success, validated.Error + "\n" + reviewed);
        Assert.StartsWith("ok:", validated.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_json_prints_an_array_of_claims_whose_quotes_verify()
    {
        var corpus = EmptiedExampleCorpus();

        var run = await CliRun.ExecuteAsync(null, "suggest", corpus, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var claims = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(claims);
        Assert.All(claims, c =>
        {
            var body = File.ReadAllText(Path.Combine(corpus, "documents", c.GetProperty("document").GetString() + ".md"));
            var text = body[(body.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5)..];
            Assert.Equal(text[c.GetProperty("start").GetInt32()..c.GetProperty("end").GetInt32()], c.GetProperty("quote").GetString());
            Assert.False(c.GetProperty("existing").GetBoolean());
        });
    }

    [Fact]
    public async Task Add_document_refuses_an_existing_id_and_writes_nothing()
    {
        var corpus = EmptiedExampleCorpus();
        var text = _dir.File("note.txt");
        File.WriteAllText(text, "A note.\n");
        var before = File.ReadAllText(Path.Combine(corpus, "documents", "monitor-amsel-talks.md"));

        var run = await CliRun.ExecuteAsync(null, "add-document", text, "--corpus", corpus, "--id", "monitor-amsel-talks", "--publisher", "P", "--published", "2021");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("documents/monitor-amsel-talks.md already exists", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(corpus, "documents", "monitor-amsel-talks.md")));
    }

    /// <summary>The example corpus with its claims removed: entities and documents only.</summary>
    private string EmptiedExampleCorpus()
    {
        var corpus = Path.Combine(_dir.Path, "corpus");
        Directory.CreateDirectory(Path.Combine(corpus, "documents"));
        var source = Path.Combine(RepositoryPaths.Docs, "examples", "corpus");
        foreach (var file in new[] { "corpus.yaml", "entities.yaml" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(corpus, file));
        }

        foreach (var document in Directory.GetFiles(Path.Combine(source, "documents")))
        {
            File.Copy(document, Path.Combine(corpus, "documents", Path.GetFileName(document)));
        }

        File.WriteAllText(Path.Combine(corpus, "claims.yaml"), "[]\n");
        return corpus;
    }

    [GeneratedRegex(@"^- subject:.*\n(?:  .*\n?)+", RegexOptions.Multiline)]
    private static partial Regex Items();
}
