using GraphService.Corpus;
using GraphService.Hosting;
using GraphService.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphService.Cli.Tests;

/// <summary>
/// The importer's limits come from the Corpus configuration section of the one composition (the CLI reads it from
/// GRAPHSERVICE_Corpus__…, the API from Corpus__…), as every other setting does.
/// </summary>
public sealed class CorpusLimitsConfigurationSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void A_lowered_problem_limit_lists_fewer_problems_and_still_counts_them_all()
    {
        var corpus = _dir.CopyFrom(RepositoryPaths.SampleCorpus, "corpus");
        var claims = string.Concat(Enumerable.Range(0, 5).Select(i =>
            $"- subject: nobody-{i}\n  predicate: LEADS\n  object: iran\n  evidence:\n    - doc: wapo-khazali-interrogations\n      quote: \"Qais al-Khazali\"\n"));
        File.WriteAllText(Path.Combine(corpus, "claims.yaml"), claims);
        using var services = Composition(("Corpus:MaxProblems", "2"));

        var loaded = services.GetRequiredService<CorpusImporter>().Load(corpus);

        Assert.Equal(5, loaded.ProblemCount);
        Assert.Equal(3, loaded.Problems.Count);
        Assert.StartsWith("3 more problem(s) not listed", loaded.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_outside_its_range_is_refused()
    {
        using var services = Composition(("Corpus:MaxYamlDepth", "0"));

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<CorpusImporter>());

        Assert.Contains(nameof(CorpusLimits.MaxYamlDepth), refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Composition(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("Graph:StorePath", _dir.File("graph.db"))))
            .Build();
        return new ServiceCollection().AddLogging().AddGraphService(configuration).BuildServiceProvider();
    }
}
