using CsCheck;
using GraphService.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GraphService.Corpus.Tests;

/// <summary>
/// The fast reader of plain block YAML must read whatever it accepts exactly as YamlDotNet does (nodes, values, scalar
/// styles, lines), and must refuse whatever YamlDotNet refuses, so that the importer's answers do not depend on which of
/// the two read a file.
/// </summary>
public sealed class PlainBlockYamlTests
{
    private const int Depth = CorpusLimits.DefaultMaxYamlDepth;

    [Fact]
    public void Reads_the_sample_entities_file_as_YamlDotNet_does()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.SampleCorpus, "entities.yaml"));
        var plain = PlainBlockYaml.TryParseRoot(text, Depth);
        Assert.NotNull(plain);
        AssertSameAsYamlDotNet(text, plain.Value.Root, plain.Value.Lines);
    }

    [Fact]
    public void Declines_the_sample_claims_file_whose_quote_holds_escaped_quotes_and_YamlDotNet_reads_it()
    {
        // One quote there carries inner double quotes (\"), which the subset leaves to YamlDotNet.
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.SampleCorpus, "claims.yaml"));
        Assert.Contains("\\\"", text, StringComparison.Ordinal);
        Assert.Null(PlainBlockYaml.TryParseRoot(text, Depth));
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.NotEmpty(((YamlSequenceNode)stream.Documents[0].RootNode).Children);
    }

    [Fact]
    public void Reads_the_front_matter_of_every_sample_document_as_YamlDotNet_does_or_declines_its_folded_notes()
    {
        var documents = 0;
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.SampleCorpus, "documents"), "*.md"))
        {
            var text = File.ReadAllText(path);
            var close = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            var frontMatter = text[4..(close + 1)];
            documents++;
            if (PlainBlockYaml.TryParseRoot(frontMatter, Depth) is { } plain)
            {
                AssertSameAsYamlDotNet(frontMatter, plain.Root, plain.Lines);
            }
            else
            {
                // The subset has no block scalars; the sample's notes under `source` are folded (>-).
                Assert.Contains(": >-\n", frontMatter, StringComparison.Ordinal);
            }
        }

        Assert.Equal(5, documents);
    }

    [Fact]
    public void Streams_the_items_of_a_list_as_the_nodes_of_the_whole_tree()
    {
        var text = "# a comment\n- subject: a-b\n  predicate: LEADS\n  evidence:\n  - doc: d\n    quote: \"He said: yes, it's so.\"\n\n- subject: c\n  aliases:\n    - Abu X\n    - \"Y\"\n  since: 2001-05\n";
        var reader = PlainBlockYaml.ForList(text, Depth);
        Assert.NotNull(reader);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var expected = ((YamlSequenceNode)stream.Documents[0].RootNode).Children;
        var items = 0;
        foreach (var item in reader.Items())
        {
            AssertSameNode(expected[items], item, reader.Lines);
            items++;
        }

        Assert.Equal(2, items);
    }

    [Theory]
    [InlineData("- a: b: c\n")]
    [InlineData("- a: b #c\n")]
    [InlineData("a: [x, [y]]\n")]
    [InlineData("a: 'x'\n")]
    [InlineData("a: \"x\\ty\"\n")]
    [InlineData("a: x\n  y\n")]
    [InlineData("a: x\na: y\n")]
    [InlineData("a:\n")]
    [InlineData("a: &x b\n")]
    [InlineData("a: |\n  x\n")]
    [InlineData("---\na: b\n")]
    [InlineData("a: b \n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\r\n")]
    [InlineData("- - a\n")]
    [InlineData("-\n  a: b\n")]
    [InlineData("a: ~\n")]
    public void Leaves_everything_outside_its_subset_to_YamlDotNet(string text)
    {
        Assert.Null(PlainBlockYaml.TryParseRoot(text, Depth));
    }

    [Fact]
    public void Leaves_nesting_beyond_the_depth_limit_to_YamlDotNet()
    {
        const string text = "- a:\n  - b: c\n";
        Assert.NotNull(PlainBlockYaml.TryParseRoot(text, 4));
        Assert.Null(PlainBlockYaml.TryParseRoot(text, 3));
        Assert.NotNull(PlainBlockYaml.TryParseRoot("a: [b]\n", 2));
        Assert.Null(PlainBlockYaml.TryParseRoot("a: [b]\n", 1));
    }

    [Fact]
    public void Whatever_it_accepts_of_random_yaml_like_text_YamlDotNet_reads_the_same()
    {
        string[] indents = ["", "", "  ", "  ", "    ", " ", "      "];
        string[] prefixes = ["", "", "- ", "-  ", "-", "- - "];
        string[] keys = ["a", "b", "doc", "quote", "x-y", "k_1", "1a", "\"k\"", "", "a b"];
        string[] separators = [": ", ": ", ":", ":  ", " : ", " "];
        string[] values =
        [
            "v", "two words", "Kata'ib Hezbollah", "http://x.org/a", "a:b", "a: b", "a #b", "a#b", "C#", "\"q\"", "\"q\" x",
            "\"a\\\"b\"", "\"a 'b' c\"", "\"\"", "'s'", "[a]", "{a: b}", "&x a", "*x", "!t a", "|", ">", "null", "~", "",
            "1", "-1", "2001-05", "a, b", "a,b", "ä ö", "#c", "---", "...", "%YAML", "a:", "x ", "é", "\u00A0a", "a?",
            "? a", "@a", "`a`", "a - b", "-", "- a", "[a, b]", "[a,b]", "[ a ]", "[]", "[ ]", "[a, \"b c\"]", "[a b, c'd]",
            "[a, ]", "[a,, b]", "[a: b]", "[a:b]", "[a #b]", "[a#b]", "[[a]]", "[a, {b}]", "[\"a\", b]x", "[\"a\" , b ]", "[a",
            "[\"a\"b]", "[-a]", "[a, 'b']", "[a, *b]", "[é, ü]", "[a, b] ", "[,]",
        ];
        var line = Gen.Select(
            Gen.Int[0, indents.Length - 1],
            Gen.Int[0, prefixes.Length - 1],
            Gen.Int[0, keys.Length - 1],
            Gen.Int[0, separators.Length - 1],
            Gen.Int[0, values.Length - 1],
            Gen.Int[0, 9],
            (i, p, k, s, v, kind) => kind switch
            {
                0 => indents[i] + prefixes[p] + values[v],
                1 => indents[i] + "# " + values[v],
                2 => string.Empty,
                _ => indents[i] + prefixes[p] + keys[k] + separators[s] + values[v],
            });
        var accepted = 0;
        Gen.Select(line.Array[1, 8], Gen.Bool).Sample((lines, finalNewline) =>
        {
            var text = string.Join('\n', lines) + (finalNewline ? "\n" : string.Empty);
            if (PlainBlockYaml.TryParseRoot(text, Depth) is { } plain)
            {
                accepted++;
                AssertSameAsYamlDotNet(text, plain.Root, plain.Lines);
            }
        }, iter: 20_000);
        Assert.True(accepted > 100, $"only {accepted} random texts were accepted: the generator does not reach the subset");
    }

    private static void AssertSameAsYamlDotNet(string text, YamlNode plain, NodeLines lines)
    {
        var stream = new YamlStream();
        stream.Load(new Parser(new Scanner(new StringReader(text))));
        Assert.Single(stream.Documents);
        AssertSameNode(stream.Documents[0].RootNode, plain, lines);
    }

    private static void AssertSameNode(YamlNode expected, YamlNode actual, NodeLines lines)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        if (expected is YamlSequenceNode { Style: var style })
        {
            Assert.Equal(style, ((YamlSequenceNode)actual).Style);
        }

        if (expected is YamlMappingNode { Style: var mappingStyle })
        {
            Assert.Equal(mappingStyle, ((YamlMappingNode)actual).Style);
        }

        Assert.True(lines.TryGetLine(actual, out var line));
        Assert.Equal(expected.Start.Line, line);
        switch (expected)
        {
            case YamlScalarNode scalar:
                var actualScalar = (YamlScalarNode)actual;
                Assert.Equal(scalar.Value, actualScalar.Value);
                Assert.Equal(scalar.Style, actualScalar.Style);
                Assert.Equal(scalar.Tag, actualScalar.Tag);
                break;
            case YamlSequenceNode sequence:
                var items = ((YamlSequenceNode)actual).Children;
                Assert.Equal(sequence.Children.Count, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSameNode(sequence.Children[i], items[i], lines);
                }

                break;
            case YamlMappingNode mapping:
                var pairs = ((YamlMappingNode)actual).Children.ToList();
                var expectedPairs = mapping.Children.ToList();
                Assert.Equal(expectedPairs.Count, pairs.Count);
                for (var i = 0; i < pairs.Count; i++)
                {
                    AssertSameNode(expectedPairs[i].Key, pairs[i].Key, lines);
                    AssertSameNode(expectedPairs[i].Value, pairs[i].Value, lines);
                }

                break;
        }
    }
}
