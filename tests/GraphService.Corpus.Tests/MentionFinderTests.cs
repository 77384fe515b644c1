using GraphService.Core.Domain;

namespace GraphService.Corpus.Tests;

public sealed class MentionFinderTests
{
    private static readonly Entity[] Entities =
    [
        new("hezbollah", EntityType.Organization, "Hezbollah", ["Hizballah"], null),
        new("kataib-hezbollah", EntityType.Organization, "Kata'ib Hezbollah", ["Kataib Hezbollah"], null),
        new("muqtada-al-sadr", EntityType.Person, "Muqtada al-Sadr", ["Sadr"], null),
        new("badr-organization", EntityType.Organization, "Badr Organization", ["Badr"], null),
        new("united-states", EntityType.Place, "United States", ["U.S."], null),
    ];

    private static List<(string EntityId, string Text)> Find(string body) =>
        [.. new MentionFinder(Entities).Find("doc", body).Select(m => (m.EntityId, body[m.Start..m.End]))];

    [Fact]
    public void Overlapping_names_resolve_to_the_longest()
    {
        Assert.Equal(
            [("kataib-hezbollah", "Kata’ib Hezbollah"), ("hezbollah", "Hezbollah")],
            Find("Kata’ib Hezbollah is not Hezbollah."));
    }

    [Fact]
    public void Names_match_on_word_boundaries_only()
    {
        Assert.Equal(
            [("muqtada-al-sadr", "Sadr"), ("muqtada-al-sadr", "Sadr")],
            Find("Sadrist crowds cheered al-Sadr; Sadr’s aides and Sadrists did not. Badrawi came."));
    }

    [Fact]
    public void Matching_ignores_case_and_folds_whitespace_dashes_and_apostrophes()
    {
        Assert.Equal(
            [("muqtada-al-sadr", "MUQTADA al–Sadr"), ("kataib-hezbollah", "kata'ib\nhezbollah"), ("badr-organization", "Badr  Organization")],
            Find("MUQTADA al–Sadr met kata'ib\nhezbollah and the Badr  Organization."));
    }

    [Fact]
    public void A_name_ending_in_punctuation_is_found_before_a_space_or_the_end()
    {
        Assert.Equal(
            [("united-states", "U.S."), ("united-states", "United States")],
            Find("U.S. forces left; the United States"));
    }

    [Fact]
    public void Mention_offsets_point_into_the_original_body()
    {
        const string body = "Line one.\r\nHizballah  and\r\nBadr Organization.";
        var mentions = new MentionFinder(Entities).Find("doc-1", body);
        Assert.Equal(
            [new Mention("hezbollah", "doc-1", 11, 20), new Mention("badr-organization", "doc-1", 27, 44)],
            mentions);
    }

    [Fact]
    public void Many_names_over_a_long_text_are_found_in_one_pass()
    {
        var many = Enumerable.Range(0, 2000)
            .Select(i => new Entity($"e-{i}", EntityType.Person, $"Person Number{i}", [$"P{i}"], null))
            .ToList();
        var body = string.Join(" and ", Enumerable.Range(0, 20000).Select(i => i % 2 == 0 ? $"Person Number{i % 2000}" : $"P{i % 2000}"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var mentions = new MentionFinder(many).Find("big", body);
        Assert.Equal(20000, mentions.Count);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"finding mentions took {started.Elapsed}");
    }
}
