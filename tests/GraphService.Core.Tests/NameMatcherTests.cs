using GraphService.Core.Queries;
using Xunit;

namespace GraphService.Core.Tests;

public sealed class NameMatcherTests
{
    // A small alphabet makes distances of every size likely; the non-ASCII letters take the matcher's other table.
    private const string Alphabet = "abcdeaaé中ß";

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 20)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_bit_parallel_distance_equals_the_full_tables_on_random_strings_up_to_and_past_one_word(int seed)
    {
        var random = new Random(seed);
        for (var pair = 0; pair < 300; pair++)
        {
            var query = Word(random, random.Next(0, 71));
            var text = Word(random, random.Next(0, 71));

            Assert.Equal(NameSimilarity.Levenshtein(query, text), new NameMatcher(query).Distance(text));
        }
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    public void A_query_at_the_edge_of_one_word_measures_as_the_full_table_does(int length)
    {
        var query = new string('a', length - 1) + "b";
        var matcher = new NameMatcher(query);

        foreach (var text in new[] { query, new string('a', length), "b", string.Empty, query + "c", "c" + query[1..] })
        {
            Assert.Equal(NameSimilarity.Levenshtein(query, text), matcher.Distance(text));
        }
    }

    [Theory]
    [InlineData("khazali", "khazali", 1.0)]
    [InlineData("qais", "qaiskhazali", 0.9 + (0.05 * 4 / 11))]
    [InlineData("khaz", "qaiskhazali", 0.8 + (0.05 * 4 / 11))]
    [InlineData("amiri", "ameri", 0.75 * (1 - (1.0 / 5)))]
    [InlineData("sadr", "ameri", 0.75 * (1 - (4.0 / 5)))]
    [InlineData("", "ameri", 0.0)]
    [InlineData("ameri", "", 0.0)]
    public void A_candidate_scores_by_equality_then_prefix_then_containment_then_edit_distance(string query, string candidate, double score)
    {
        Assert.Equal(score, new NameMatcher(query).Score(candidate), 12);
        Assert.Equal(score, NameSimilarity.Score(query, candidate), 12);
    }

    private static string Word(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
}
