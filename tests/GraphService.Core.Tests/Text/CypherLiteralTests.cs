using System.Globalization;
using System.Text;
using GraphService.Core.Text;

namespace GraphService.Core.Tests.Text;

public class CypherLiteralTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("", "''")]
    [InlineData("Kata'ib", @"'Kata\'ib'")]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("say \"hi\"", "'say \\\"hi\\\"'")]
    [InlineData("`tick`", "'`tick`'")]
    [InlineData("a\nb\rc\td", @"'a\nb\rc\td'")]
    [InlineData("x\u0000y\u0007z\u001F", @"'x\u0000y\u0007z\u001F'")]
    [InlineData("del\u007F c1\u0085\u009F", @"'del\u007F c1\u0085\u009F'")]
    [InlineData("line\u2028para\u2029", @"'line\u2028para\u2029'")]
    [InlineData("\uFEFFbom", @"'\uFEFFbom'")]
    [InlineData("\\u0027", @"'\\u0027'")]
    [InlineData("x'}) DETACH DELETE n //", @"'x\'}) DETACH DELETE n //'")]
    [InlineData("قيس الخزعلي", "'قيس الخزعلي'")]
    [InlineData("Kata'ib Ḥizb", @"'Kata\'ib Ḥizb'")]
    public void A_string_literal_escapes_everything_that_could_end_or_bend_it(string value, string literal) =>
        Assert.Equal(literal, CypherLiteral.String(value));

    /// <summary>
    /// Built in code, not in attributes: an attribute stores its strings as UTF-8, which turns a lone surrogate into U+FFFD
    /// before the test sees it.
    /// </summary>
    [Fact]
    public void An_unpaired_surrogate_is_written_as_an_escape()
    {
        (string Value, string Literal)[] table =
        [
            ("lone " + '\uD800' + " high", @"'lone \uD800 high'"),
            ("lone " + '\uDC00' + " low", @"'lone \uDC00 low'"),
            (new string(['\uDC00', '\uD800']), @"'\uDC00\uD800'"),
            ("end" + '\uD83D', @"'end\uD83D'"),
        ];

        Assert.All(table, row => Assert.Equal(row.Literal, CypherLiteral.String(row.Value)));
    }

    [Fact]
    public void A_surrogate_pair_is_written_as_it_is()
    {
        const string Emoji = "flag \U0001F3F3 and \U0001D11E";

        Assert.Equal("'" + Emoji + "'", CypherLiteral.String(Emoji));
    }

    [Fact]
    public void Values_keep_their_cypher_type()
    {
        Assert.Equal("1.0", CypherLiteral.Of(1.0));
        Assert.Equal("0.38", CypherLiteral.Of(0.38));
        Assert.Equal("1E+300", CypherLiteral.Of(1e300));
        Assert.Equal("42", CypherLiteral.Of(42));
        Assert.Equal("9000000000", CypherLiteral.Of(9_000_000_000L));
        Assert.Equal("true", CypherLiteral.Of(true));
        Assert.Equal("['a', 'b\\'c']", CypherLiteral.Of(new List<string> { "a", "b'c" }));
        Assert.Equal("[1, null]", CypherLiteral.Of(new object?[] { 1, null }));
        Assert.Equal("null", CypherLiteral.Of(null));
    }

    [Fact]
    public void A_value_without_a_literal_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CypherLiteral.Of(double.NaN));
        Assert.Throws<ArgumentException>(() => CypherLiteral.Of(DateTime.UnixEpoch));
    }

    [Theory]
    [InlineData("graph g-1", "graph g-1")]
    [InlineData("a\nb\rc\u2028d\u2029e\u0085f\u0000g", "a b c d e f g")]
    [InlineData("pair \U0001F3F3 kept", "pair \U0001F3F3 kept")]
    public void A_comment_cannot_end_its_line(string text, string comment) =>
        Assert.Equal(comment, CypherLiteral.Comment(text));

    [Fact]
    public void A_comment_drops_an_unpaired_surrogate() =>
        Assert.Equal("lone   surrogate", CypherLiteral.Comment("lone " + '\uD800' + " surrogate"));

    /// <summary>
    /// Property: for many strings built from the characters that matter (and ordinary ones), the literal is quoted,
    /// holds only characters that survive a file and a URL, has no quote that is not escaped, and reads back, by Cypher's
    /// escape rules, as the original string.
    /// </summary>
    [Fact]
    public void Every_literal_reads_back_as_its_value_and_holds_only_safe_characters()
    {
        char[] alphabet =
        [
            'a', 'Z', '0', ' ', '\'', '"', '\\', '`', 'u', '{', '}', '/', '\n', '\r', '\t', '\0', '\u0007', '\u001B', '\u007F',
            '\u0085', '\u2028', '\u2029', '\uFEFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'ق', 'Ḥ', '\uFFFD',
        ];
        var random = new Random(9);
        for (var n = 0; n < 5000; n++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            var literal = CypherLiteral.String(value);

            Assert.True(literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'', $"not quoted: {literal}");
            Assert.Equal(value, ReadBack(literal));
            Assert.True(IsWellFormedUtf16(literal), $"unpaired surrogate left in the literal of {Describe(value)}");
            Assert.DoesNotContain(literal, ch => char.IsControl(ch) || ch is '\u2028' or '\u2029' or '\uFEFF');
            _ = Uri.EscapeDataString(literal); // throws on an unpaired surrogate
        }
    }

    /// <summary>
    /// Reads a Cypher string literal by the escape rules of the Cypher manual (\\ \' \" \b \f \n \r \t \uXXXX), failing on
    /// a quote that would end the literal early or an unknown escape.
    /// </summary>
    private static string ReadBack(string literal)
    {
        var sb = new StringBuilder();
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var ch = literal[i];
            Assert.False(ch == '\'', $"unescaped quote at {i} in {literal}");
            if (ch != '\\')
            {
                sb.Append(ch);
                continue;
            }

            var next = literal[++i];
            sb.Append(next switch
            {
                '\\' or '\'' or '"' => next.ToString(),
                'b' => "\b",
                'f' => "\f",
                'n' => "\n",
                'r' => "\r",
                't' => "\t",
                'u' => ((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                _ => throw new Xunit.Sdk.XunitException($"unknown escape \\{next} in {literal}"),
            });
            if (next == 'u')
            {
                i += 4;
            }
        }

        return sb.ToString();
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(string value) => string.Concat(value.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " "));
}
