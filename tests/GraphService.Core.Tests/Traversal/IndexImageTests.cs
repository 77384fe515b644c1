using System.Collections;
using GraphService.Core.Queries;
using GraphService.Core.Traversal;
using GraphService.Testing;
using GraphService.Testing.Conformance;
using Xunit;

namespace GraphService.Core.Tests.Traversal;

public sealed class IndexImageTests
{
    [Fact]
    public void An_index_read_back_from_its_image_has_every_array_of_the_one_written()
    {
        var written = TraversalIndex.FromSnapshot(SyntheticGraph.Build("a", 300));
        var parts = new MemoryParts();
        IndexImage.Write(written, AliasIndex.Build(written), parts);

        var (read, _) = IndexImage.Read(parts)!.Value;

        // Every public array or list of the index, by reflection, so that a field added later is covered too.
        var compared = 0;
        foreach (var property in typeof(TraversalIndex).GetProperties())
        {
            if (property.GetValue(written) is IEnumerable expected and not string)
            {
                Assert.True(Flatten(expected).SequenceEqual(Flatten((IEnumerable)property.GetValue(read)!)), property.Name);
                compared++;
            }
        }

        Assert.True(compared >= 19, $"only {compared} arrays compared");
    }

    [Theory]
    [InlineData("Abu Ali")]
    [InlineData("Ḥadi al-Āmeri")]
    [InlineData("kata-ib hezbollah")]
    [InlineData("Abu Alii")]
    [InlineData(ConformanceGraph.Ameri)]
    public void An_alias_index_read_back_resolves_and_searches_as_the_one_built(string text)
    {
        var index = TraversalIndex.FromSnapshot(ConformanceGraph.Snapshot);
        var built = AliasIndex.Build(index);
        var parts = new MemoryParts();
        IndexImage.Write(index, built, parts);

        var (_, read) = IndexImage.Read(parts)!.Value;

        Assert.Equal(Describe(built.Resolve(text)), Describe(read.Resolve(text)));
        Assert.Equal(built.Search(new EntitySearch(text)), read.Search(new EntitySearch(text)), HitComparer.Instance);
        Assert.Equal(built.Search(new EntitySearch("")), read.Search(new EntitySearch("")), HitComparer.Instance);
    }

    [Fact]
    public void An_image_of_another_format_version_or_none_reads_as_null()
    {
        var index = TraversalIndex.FromSnapshot(ConformanceGraph.Snapshot);
        var parts = new MemoryParts();
        Assert.Null(IndexImage.Read(parts));

        IndexImage.Write(index, AliasIndex.Build(index), parts);
        parts.Write("format", BitConverter.GetBytes(IndexImage.FormatVersion + 1));

        Assert.Null(IndexImage.Read(parts));
    }

    private static IEnumerable<object?> Flatten(IEnumerable items)
    {
        foreach (var item in items)
        {
            if (item is IEnumerable inner and not string)
            {
                foreach (var x in Flatten(inner))
                {
                    yield return x;
                }

                yield return "|";
            }
            else
            {
                yield return item;
            }
        }
    }

    private static string Describe(Resolution resolution) => resolution switch
    {
        Resolution.Resolved r => $"resolved {r.Entity}",
        Resolution.Ambiguous a => $"ambiguous {string.Join(", ", a.Candidates)}",
        Resolution.NotFound n => $"not found {string.Join(", ", n.Suggestions)}",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution)),
    };

    private sealed class HitComparer : IEqualityComparer<EntityHit>
    {
        public static readonly HitComparer Instance = new();

        public bool Equals(EntityHit? x, EntityHit? y) =>
            x is not null && y is not null && x.Id == y.Id && x.MatchedText == y.MatchedText && x.Score == y.Score && x.Aliases.SequenceEqual(y.Aliases);

        public int GetHashCode(EntityHit obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class MemoryParts : IIndexPartWriter, IIndexPartReader
    {
        private readonly Dictionary<string, byte[]> _parts = [];

        public void Write(string name, ReadOnlySpan<byte> bytes) => _parts[name] = bytes.ToArray();

        public long Length(string name) => _parts.TryGetValue(name, out var bytes) ? bytes.Length : -1;

        public void Read(string name, Span<byte> destination) => _parts[name].CopyTo(destination);
    }
}
