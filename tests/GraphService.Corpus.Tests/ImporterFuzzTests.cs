using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsCheck;
using GraphService.Testing;
using Xunit.Abstractions;

namespace GraphService.Corpus.Tests;

/// <summary>
/// Property-based fuzzing of the importer with CsCheck. Every file of the sample corpus (corpus.yaml, entities.yaml,
/// claims.yaml, documents/*.md) is mutated (<see cref="CorpusMutation"/>) and the corpus loaded. The property: loading
/// returns (within <see cref="Patience"/>), never throws, and gives either a snapshot and no problems, or problems that
/// each print as one <c>path:line: message</c> line naming a real file or folder of the corpus and a line within it.
/// </summary>
/// <remarks>
/// The number of cases is FUZZ_ITERATIONS (default <see cref="DefaultIterations"/>, which CI runs); a failure prints
/// the CsCheck seed that replays it as FUZZ_SEED. A longer run is <c>.ci/fuzz-corpus.sh [iterations]</c>.
/// </remarks>
public sealed class ImporterFuzzTests(ITestOutputHelper output)
{
    private const long DefaultIterations = 2_000;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Loading_a_mutated_sample_corpus_never_throws_or_hangs_and_reports_only_well_formed_problems()
    {
        var iterations = long.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultIterations;
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } s ? s : null;
        using var corpora = new FuzzCorpora(RepositoryPaths.SampleCorpus);
        var cases = 0L;
        var stopwatch = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        CorpusMutation.Generator(corpora.Files.Count).Sample(
            mutations =>
            {
                Interlocked.Increment(ref cases);
                corpora.Check(mutations);
            },
            writeLine: output.WriteLine,
            seed: seed,
            iter: iterations,
            print: mutations => string.Join("; ", mutations.Select(m => m.Describe(corpora.Files))));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        output.WriteLine($"fuzz: {cases} cases in {stopwatch.Elapsed.TotalSeconds:F1} s ({cpu.TotalSeconds:F1} s of CPU); {corpora.Rejected} rejected with problems, {cases - corpora.Rejected} loaded");
        Assert.True(corpora.Rejected > 0, "no mutation produced a problem: the mutations do not reach the importer's checks");
    }

    /// <summary>
    /// Copies of the corpus, one per concurrent case. A case writes its mutated files into a copy, loads it and writes
    /// the original files back.
    /// </summary>
    private sealed class FuzzCorpora(string source) : IDisposable
    {
        private readonly TempDirectory _temp = new();
        private readonly ConcurrentBag<string> _free = [];
        private readonly Dictionary<string, byte[]> _originals = Directory
            .EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.StartsWith("documents/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(source, f)), StringComparer.Ordinal);

        private int _copies;
        private long _rejected;

        public IReadOnlyList<string> Files => [.. _originals.Keys];

        public long Rejected => Interlocked.Read(ref _rejected);

        public void Check(CorpusMutation[] mutations)
        {
            var root = Rent();
            var changed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            try
            {
                foreach (var mutation in mutations)
                {
                    var file = Files[mutation.File];
                    changed[file] = mutation.Apply(changed.TryGetValue(file, out var bytes) ? bytes : _originals[file]);
                }

                foreach (var (file, bytes) in changed)
                {
                    File.WriteAllBytes(Path.Combine(root, file), bytes);
                }

                var load = Task.Factory.StartNew(() => new CorpusImporter().Load(root), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                if (!load.Wait(Patience))
                {
                    throw new TimeoutException($"loading did not finish within {Patience.TotalSeconds} s");
                }

                AssertWellFormed(load.Result, root, changed);
            }
            finally
            {
                foreach (var file in changed.Keys)
                {
                    File.WriteAllBytes(Path.Combine(root, file), _originals[file]);
                }

                _free.Add(root);
            }
        }

        public void Dispose() => _temp.Dispose();

        private void AssertWellFormed(CorpusLoadResult result, string root, Dictionary<string, byte[]> changed)
        {
            if (result.Snapshot is not null)
            {
                Assert.Empty(result.Problems);
                return;
            }

            Assert.NotEmpty(result.Problems);
            Interlocked.Increment(ref _rejected);
            foreach (var problem in result.Problems)
            {
                var printed = problem.ToString();
                Assert.DoesNotContain(printed, c => char.IsControl(c) || c is '\u2028' or '\u2029');
                Assert.False(string.IsNullOrWhiteSpace(problem.Message), $"empty message: {printed}");
                Assert.True(problem.Path == "corpus" || problem.Path.StartsWith("corpus/", StringComparison.Ordinal), $"not a corpus path: {printed}");

                var relative = problem.Path == "corpus" ? string.Empty : problem.Path["corpus/".Length..];
                var full = Path.Combine(root, relative);
                Assert.True(File.Exists(full) || Directory.Exists(full), $"no such file or folder: {printed}");
                var lines = File.Exists(full)
                    ? 1 + (changed.TryGetValue(relative, out var bytes) ? bytes : _originals[relative]).Count(b => b == (byte)'\n')
                    : 0;
                Assert.InRange(problem.Line, 0, lines);
            }
        }

        private string Rent()
        {
            if (_free.TryTake(out var root))
            {
                return root;
            }

            // Each copy is named "corpus" so that problems read corpus/<file>, as in the other tests.
            var named = Path.Combine(_temp.Path, $"copy-{Interlocked.Increment(ref _copies)}", "corpus");
            foreach (var (file, bytes) in _originals)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(named, file))!);
                File.WriteAllBytes(Path.Combine(named, file), bytes);
            }

            return named;
        }
    }
}
