using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace GraphService.Corpus.Tests;

/// <summary>
/// Inputs that crashed or hung the importer (issue 8), and the other hostile inputs of the same kinds: each is now a
/// problem printed as <c>path:line: message</c>, and the load returns.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string NotRegular = "not a regular file: a corpus file must be a regular file or a symbolic link to one";

    private static string Single(CorpusFolder corpus, CorpusLimits? limits = null)
    {
        var result = corpus.LoadWithin(Patience, limits);
        Assert.Null(result.Snapshot);
        return Assert.Single(result.Problems).ToString();
    }

    [Fact]
    public void An_unclosed_flow_list_followed_by_more_entities_is_malformed_yaml_at_the_list()
    {
        using var corpus = new CorpusFolder();

        // YamlDotNet throws InvalidOperationException (not a YamlException) for this one.
        corpus.Write("entities.yaml", CorpusFolder.Entities.Replace("aliases: [Alpha]", "aliases: [Khalazi, Qais", StringComparison.Ordinal));

        Assert.Equal("corpus/entities.yaml:4: malformed YAML: the flow list or mapping ('[' or '{') that starts on this line is not closed", Single(corpus));
    }

    [Theory]
    [InlineData("entities.yaml")]
    [InlineData("claims.yaml")]
    [InlineData("corpus.yaml")]
    public void Flow_lists_nested_40000_deep_are_stopped_at_the_depth_limit_without_overflowing_the_stack(string file)
    {
        using var corpus = new CorpusFolder();
        corpus.Write(file, new string('[', 40_000) + new string(']', 40_000) + "\n");

        Assert.Equal($"corpus/{file}:1: YAML nested deeper than 64 levels (limit MaxYamlDepth); the corpus format needs four", Single(corpus));
    }

    [Fact]
    public void Block_lists_nested_40000_deep_are_stopped_at_the_depth_limit()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", string.Concat(Enumerable.Repeat("- ", 40_000)) + "x\n");

        Assert.Equal("corpus/claims.yaml:1: YAML nested deeper than 64 levels (limit MaxYamlDepth); the corpus format needs four", Single(corpus));
    }

    [Fact]
    public void Front_matter_nested_too_deep_is_reported_on_the_documents_line()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", CorpusFolder.ReportOne.Replace("title: Report one", "title: " + new string('{', 5_000), StringComparison.Ordinal));

        Assert.Equal("corpus/documents/report-one.md:2: YAML nested deeper than 64 levels (limit MaxYamlDepth); the corpus format needs four", Single(corpus));
    }

    [Fact]
    public void The_depth_limit_can_be_lowered()
    {
        using var corpus = new CorpusFolder();

        // A list of claims, a claim, its evidence list and an evidence item: four levels, one too many for three.
        Assert.Equal(
            "corpus/claims.yaml:5: YAML nested deeper than 3 levels (limit MaxYamlDepth); the corpus format needs four",
            Single(corpus, new CorpusLimits { MaxYamlDepth = 3 }));
        Assert.Empty(corpus.Problems(new CorpusLimits { MaxYamlDepth = 4 }));
    }

    [SkippableFact]
    public void A_dangling_symbolic_link_in_documents_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Link("documents/gone.md", "nowhere.md");

        Assert.Equal("corpus/documents/gone.md:0: gone.md is a symbolic link to 'nowhere.md', which does not exist", Single(corpus));
    }

    [SkippableFact]
    public void A_loop_of_symbolic_links_in_documents_is_reported_for_each_link()
    {
        using var corpus = new CorpusFolder();
        corpus.Link("documents/loop-a.md", "loop-b.md").Link("documents/loop-b.md", "loop-a.md");

        var problems = corpus.LoadWithin(Patience).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Matches(@"^corpus/documents/loop-a\.md:0: loop-a\.md is a symbolic link that cannot be followed: \S", problems[0]);
        Assert.Matches(@"^corpus/documents/loop-b\.md:0: loop-b\.md is a symbolic link that cannot be followed: \S", problems[1]);
    }

    [Fact]
    public void A_symbolic_link_to_a_regular_file_is_read_as_the_file()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("shelf/report-one.md", CorpusFolder.ReportOne).Delete("documents/report-one.md");
        corpus.Link("documents/report-one.md", Path.Combine(corpus.Root, "shelf", "report-one.md"));

        Assert.Empty(corpus.LoadWithin(Patience).Problems);
    }

    [SkippableFact]
    public void Dev_zero_linked_as_a_document_is_reported_without_being_read()
    {
        Skip.IfNot(File.Exists("/dev/zero"), "this system has no /dev/zero");
        using var corpus = new CorpusFolder();
        corpus.Link("documents/zero.md", "/dev/zero");

        Assert.Equal($"corpus/documents/zero.md:0: zero.md is a character device, {NotRegular}", Single(corpus));
    }

    [SkippableFact]
    public void A_file_that_reports_no_length_is_still_cut_at_the_size_limit()
    {
        // /proc/self/maps is a regular file that says it is empty and holds kilobytes: the length cannot size the read.
        Skip.IfNot(File.Exists("/proc/self/maps"), "this system has no /proc/self/maps");
        using var corpus = new CorpusFolder();
        corpus.Link("documents/maps.md", "/proc/self/maps");

        Assert.Contains(
            "corpus/documents/maps.md:0: maps.md is larger than 200 bytes (limit MaxFileBytes)",
            new CorpusImporter(new CorpusLimits { MaxFileBytes = 200 }).Load(corpus.Root).Problems.Select(p => p.ToString()));
    }

    [SkippableFact]
    public void A_fifo_named_like_a_document_is_reported_without_blocking_on_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows has no FIFOs in a folder");
        using var corpus = new CorpusFolder();
        corpus.Fifo("documents/x.md");

        Assert.Equal($"corpus/documents/x.md:0: x.md is a named pipe (FIFO), {NotRegular}", Single(corpus));
    }

    [SkippableFact]
    public void A_fifo_in_place_of_entities_yaml_is_reported_without_blocking_on_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows has no FIFOs in a folder");
        using var corpus = new CorpusFolder();
        corpus.Delete("entities.yaml").Fifo("entities.yaml");

        Assert.Equal($"corpus/entities.yaml:0: entities.yaml is a named pipe (FIFO), {NotRegular}", Single(corpus));
    }

    [Fact]
    public void A_folder_named_like_a_document_is_reported()
    {
        using var corpus = new CorpusFolder();
        Directory.CreateDirectory(Path.Combine(corpus.Root, "documents", "folder.md"));

        Assert.Equal("corpus/documents/folder.md:0: documents/ may hold only <id>.md files", Single(corpus));
    }

    [Fact]
    public void A_folder_in_place_of_claims_yaml_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Delete("claims.yaml");
        Directory.CreateDirectory(Path.Combine(corpus.Root, "claims.yaml"));

        Assert.Equal($"corpus/claims.yaml:0: claims.yaml is a folder, {NotRegular}", Single(corpus));
    }

    [Fact]
    public void A_file_in_place_of_the_documents_folder_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Delete("documents").Write("documents", "not a folder\n");

        Assert.Equal("corpus/documents:0: documents is a file, not a folder: put each source document in documents/<id>.md", Single(corpus));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void An_unreadable_document_is_reported()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions only");
        using var corpus = new CorpusFolder();
        var path = Path.Combine(corpus.Root, "documents", "report-one.md");
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            Skip.If(StillReadable(() => File.ReadAllBytes(path)), "running as root: chmod 000 does not deny root a read");
            Assert.Equal("corpus/documents/report-one.md:0: report-one.md cannot be read: permission denied", Single(corpus));
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void An_unreadable_documents_folder_is_reported()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions only");
        using var corpus = new CorpusFolder();
        var folder = Path.Combine(corpus.Root, "documents");
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            Skip.If(StillReadable(() => Directory.GetFileSystemEntries(folder)), "running as root: chmod 000 does not deny root a read");
            Assert.Equal("corpus/documents:0: documents folder cannot be read: permission denied", Single(corpus));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Evidence_shared_through_a_yaml_alias_is_one_problem_at_the_anchor_not_millions()
    {
        // Issue 8.2: 2,000 evidence items under an anchor, referenced by 3,000 claims, took 47 s and printed 6,002,001 lines.
        using var corpus = new CorpusFolder();
        var claims = new StringBuilder("- subject: bo-ren\n  predicate: LEADS\n  object: alpha-group\n  evidence: &ev\n");
        for (var i = 0; i < 2_000; i++)
        {
            claims.Append(CultureInfo.InvariantCulture, $"    - doc: report-one\n      quote: \"passage {i}\"\n");
        }

        for (var i = 0; i < 3_000; i++)
        {
            claims.Append(CultureInfo.InvariantCulture, $"- subject: s{i}\n  predicate: LEADS\n  object: o{i}\n  evidence: *ev\n");
        }

        corpus.Write("claims.yaml", claims.ToString());

        Assert.Equal("corpus/claims.yaml:4: YAML anchor '&ev': anchors and aliases are not accepted in a corpus file; write each value out in full", Single(corpus));
    }

    [Fact]
    public void A_yaml_alias_without_an_anchor_is_reported_as_an_alias()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("  evidence:\n", "  since: *when\n  evidence:\n", StringComparison.Ordinal));

        Assert.Equal("corpus/claims.yaml:4: YAML alias '*when': anchors and aliases are not accepted in a corpus file; write each value out in full", Single(corpus));
    }

    [Fact]
    public void A_document_marker_line_that_starts_a_second_yaml_document_is_reported_not_silently_dropped()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities.Replace("- id: bo-ren", "---\n- id: bo-ren", StringComparison.Ordinal));

        Assert.Equal(
            "corpus/entities.yaml:5: a second YAML document starts here: a corpus file holds one YAML document, so remove this '---' line (or all that follows it)",
            Single(corpus));
    }

    [Fact]
    public void A_document_marker_before_the_only_document_is_allowed()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", "---\n" + CorpusFolder.Entities);

        Assert.Empty(corpus.Problems());
    }

    [Fact]
    public void Problems_beyond_the_limit_are_counted_in_one_final_line()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims
            .Replace("subject: bo-ren", "subject: bo-renn", StringComparison.Ordinal)
            .Replace("object: alpha-group", "object: alpha-grup", StringComparison.Ordinal)
            .Replace("LEADS", "LEAD", StringComparison.Ordinal)
            .Replace("doc: report-one", "doc: report-on", StringComparison.Ordinal));

        Assert.Equal(
            [
                "corpus/claims.yaml:1: unknown entity 'bo-renn' as subject (did you mean 'bo-ren'?)",
                "corpus/claims.yaml:3: unknown entity 'alpha-grup' as object (did you mean 'alpha-group'?)",
                "corpus:0: 2 more problem(s) not listed: only the first 2 are (limit MaxProblems)",
            ],
            corpus.Problems(new CorpusLimits { MaxProblems = 2 }));
        Assert.Equal(4, corpus.Problems().Count);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported_and_not_read()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", CorpusFolder.ReportOne + string.Concat(Enumerable.Repeat("More text about Bo Ren.\n", 500)));

        Assert.Equal(
            "corpus/documents/report-one.md:0: report-one.md is larger than 4096 bytes (limit MaxFileBytes)",
            Single(corpus, new CorpusLimits { MaxFileBytes = 4096 }));
    }

    [Fact]
    public void Limits_out_of_their_documented_range_are_refused()
    {
        Assert.Throws<ValidationException>(() => new CorpusImporter(new CorpusLimits { MaxYamlDepth = 0 }));
        Assert.Throws<ValidationException>(() => new CorpusImporter(new CorpusLimits { MaxYamlDepth = 1_001 }));
        Assert.Throws<ValidationException>(() => new CorpusImporter(new CorpusLimits { MaxFileBytes = 0 }));
        Assert.Throws<ValidationException>(() => new CorpusImporter(new CorpusLimits { MaxProblems = 0 }));
    }

    [Theory]
    [InlineData("\u0000", "0000")]
    [InlineData("\u0007", "0007")]
    [InlineData("\u007F", "007F")]
    [InlineData("\u009B", "009B")]
    [InlineData("\uFFFF", "FFFF")]
    public void A_character_yaml_does_not_allow_is_malformed_yaml_on_its_line(string character, string code)
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities.Replace("name: Bo Ren", $"name: Bo{character}Ren", StringComparison.Ordinal));

        Assert.Equal($"corpus/entities.yaml:7: malformed YAML: character U+{code} is not allowed in YAML (only printable characters, tabs and line breaks are)", Single(corpus));
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\r")]
    public void Lines_are_counted_by_line_feeds_even_after_characters_yaml_also_breaks_lines_at(string separator)
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities
            .Replace("name: Alpha Group", $"name: Alpha Group\n  description: \"one{separator}    two\"", StringComparison.Ordinal)
            .Replace("type: Person", "type: Persn", StringComparison.Ordinal));

        Assert.Equal("corpus/entities.yaml:7: unknown entity type 'Persn' (allowed: Person, Organization, Place, Event)", Single(corpus));
    }

    [Fact]
    public void A_line_break_quoted_from_the_corpus_is_escaped_so_each_problem_stays_on_one_line()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities + "  \"ali\\nas\\u2028\": [Ren]\n");

        Assert.Equal("corpus/entities.yaml:8: unknown key 'ali\\nas\\u2028' in entity (allowed: id, type, name, aliases, description)", Single(corpus));
    }

    [Fact]
    public void Tabs_indenting_yaml_are_malformed_yaml()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities.Replace("  type: Person", "\ttype: Person", StringComparison.Ordinal));

        Assert.StartsWith("corpus/entities.yaml:", Single(corpus), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_of_a_yaml_file_is_dropped()
    {
        using var corpus = new CorpusFolder();
        corpus.WriteBytes("entities.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(CorpusFolder.Entities)]);

        Assert.Empty(corpus.Problems());
    }

    // Found by ImporterFuzzTests (a document truncated right after its closing '---'): the empty body was reported on a
    // line after the last line of the file.
    [Fact]
    public void A_document_ending_on_its_closing_front_matter_line_reports_the_empty_body_on_that_line()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", "---\ntitle: Report one\npublisher: Example Wire\npublished: 2020\n---");

        Assert.Equal(
            [
                "corpus/documents/report-one.md:5: document body is empty: the text must follow the closing '---' line",
                "corpus/claims.yaml:6: quote not found in documents/report-one.md: \"Bo Ren leads the Alpha Group\" (the document has no words to compare it with)",
            ],
            corpus.Problems());
    }

    // Found by ImporterFuzzTests (': ' inserted at the start of an entity, '- : id: ...'): YamlDotNet's parser drops the
    // value of an empty key and its node builder then threw ArgumentException ("The current event is of an unsupported type").
    [Theory]
    [InlineData("- : a\n", 1)]
    [InlineData("- id: alpha-group\n  type: Organization\n- : id: bo-ren\n  type: Person\n", 3)]
    public void An_empty_mapping_key_is_malformed_yaml_not_a_crash(string entities, int line)
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", entities);

        Assert.Equal($"corpus/entities.yaml:{line}: malformed YAML: a mapping key on this line has no value (an empty key, as in ': value', is not supported)", Single(corpus));
    }

    private static bool StillReadable(Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
