using GraphService.Core.Export;
using GraphService.Testing;

namespace GraphService.Core.Tests.Export;

public sealed class PartialFilesTests
{
    [Fact]
    public async Task Files_take_their_names_only_when_committed_replacing_earlier_ones()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("a.csv"), "earlier");
        var files = new PartialFiles(temp.Path);
        await using (files)
        {
            files.Create("a.csv").Write("new a");
            await files.CreateStream("b.xml").WriteAsync("new b"u8.ToArray());

            Assert.Equal("earlier", await File.ReadAllTextAsync(temp.File("a.csv")));
            Assert.False(File.Exists(temp.File("b.xml")));
            await files.CommitAsync();
        }

        Assert.Equal("new a", await File.ReadAllTextAsync(temp.File("a.csv")));
        Assert.Equal("new b", await File.ReadAllTextAsync(temp.File("b.xml")));
        Assert.Equal(2, Directory.GetFiles(temp.Path).Length);
    }

    [Fact]
    public async Task Files_never_committed_are_deleted_and_the_earlier_ones_stay_as_they_were()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("a.csv"), "earlier");

        var files = new PartialFiles(temp.Path);
        await using (files)
        {
            files.Create("a.csv").Write("half of a");
            files.Create("b.csv").Write("half of b");
        }

        Assert.Equal([temp.File("a.csv")], Directory.GetFiles(temp.Path));
        Assert.Equal("earlier", await File.ReadAllTextAsync(temp.File("a.csv")));
    }

    [Fact]
    public async Task A_section_written_beside_a_file_is_moved_to_its_end()
    {
        using var temp = new TempDirectory();
        var files = new PartialFiles(temp.Path);
        await using (files)
        {
            var script = files.Create("graph.cypher");
            var section = files.Create("graph.cypher.links");
            script.Write("claims;\n");
            section.Write("links;\n");
            await files.AppendAsync(script, section, CancellationToken.None);
            script.Write("mentions;\n");
            await Assert.ThrowsAsync<ArgumentException>(() => files.AppendAsync(script, script, CancellationToken.None));
            await files.CommitAsync();
        }

        Assert.Equal("claims;\nlinks;\nmentions;\n", await File.ReadAllTextAsync(temp.File("graph.cypher")));
        Assert.Equal([temp.File("graph.cypher")], Directory.GetFiles(temp.Path));
    }
}
