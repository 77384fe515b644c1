using System.Text;

namespace GraphService.Corpus.Tests;

public sealed class CorpusValidationTests
{
    private static string Single(CorpusFolder corpus)
    {
        var result = corpus.Load();
        Assert.Null(result.Snapshot);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems).ToString();
    }

    [Fact]
    public void The_baseline_corpus_of_these_tests_is_valid()
    {
        using var corpus = new CorpusFolder();
        var result = corpus.Load();
        Assert.Empty(result.Problems);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_missing_corpus_folder_is_reported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "graphservice-tests", Guid.NewGuid().ToString("N"), "nowhere");
        var result = new CorpusImporter().Load(missing);
        Assert.Equal("nowhere:0: corpus folder not found", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Missing_entities_claims_and_documents_are_each_reported()
    {
        using var corpus = new CorpusFolder(withDefaults: false);
        Assert.Equal(
            [
                "corpus/documents:0: documents folder not found: put each source document in documents/<id>.md",
                "corpus/entities.yaml:0: entities.yaml not found: the corpus must declare its entities",
                "corpus/claims.yaml:0: claims.yaml not found: the corpus must declare its claims",
            ],
            corpus.Problems());
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_the_parsers_line()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", "- id: alpha-group\n  type: Organization\n  name: \"Alpha Group\n");
        var problem = Single(corpus);
        Assert.StartsWith("corpus/entities.yaml:3: malformed YAML: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_without_a_name_is_reported_at_the_entity()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities.Replace("  name: Bo Ren\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal("corpus/entities.yaml:5: entity is missing the required key 'name'", Single(corpus));
    }

    [Fact]
    public void A_misspelt_key_is_an_error_not_silently_ignored()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities + "  alias: [Ren]\n");
        Assert.Equal("corpus/entities.yaml:8: unknown key 'alias' in entity (allowed: id, type, name, aliases, description)", Single(corpus));
    }

    [Fact]
    public void An_unknown_entity_type_is_reported_with_the_allowed_types()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities.Replace("type: Person", "type: Persn", StringComparison.Ordinal));
        Assert.Equal("corpus/entities.yaml:6: unknown entity type 'Persn' (allowed: Person, Organization, Place, Event)", Single(corpus));
    }

    [Fact]
    public void An_entity_id_that_is_not_a_kebab_case_slug_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities.Replace("id: bo-ren", "id: Bo_Ren", StringComparison.Ordinal));
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("subject: bo-ren", "subject: Bo_Ren", StringComparison.Ordinal));
        Assert.Equal(
            "corpus/entities.yaml:5: entity id 'Bo_Ren' is not a kebab-case slug: use lowercase letters and digits joined by single hyphens (e.g. qais-al-khazali)",
            Single(corpus));
    }

    [Fact]
    public void A_duplicate_entity_id_points_at_the_first()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities + "- id: bo-ren\n  type: Person\n  name: Bo Ren the Younger\n");
        Assert.Equal("corpus/entities.yaml:8: duplicate entity id 'bo-ren' (first at entities.yaml:5)", Single(corpus));
    }

    [Fact]
    public void An_alias_claimed_by_two_entities_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities + "  aliases: [Ren, alpha]\n");
        Assert.Equal(
            "corpus/entities.yaml:8: alias 'alpha' of 'bo-ren' collides with alias 'Alpha' of 'alpha-group' (entities.yaml:4): a name or alias must identify one entity",
            Single(corpus));
    }

    [Fact]
    public void An_alias_colliding_with_another_entitys_name_is_compared_by_name_key()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities + "  aliases: [alpha-group]\n");
        Assert.Equal(
            "corpus/entities.yaml:8: alias 'alpha-group' of 'bo-ren' collides with name 'Alpha Group' of 'alpha-group' (entities.yaml:3): a name or alias must identify one entity",
            Single(corpus));
    }

    [Fact]
    public void An_unknown_entity_in_a_claim_suggests_the_closest_id()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("subject: bo-ren", "subject: bo-renn", StringComparison.Ordinal));
        Assert.Equal("corpus/claims.yaml:1: unknown entity 'bo-renn' as subject (did you mean 'bo-ren'?)", Single(corpus));
    }

    [Fact]
    public void An_unknown_predicate_suggests_the_closest_and_says_where_to_declare_new_ones()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("LEADS", "LEAD", StringComparison.Ordinal));
        Assert.Equal(
            "corpus/claims.yaml:2: unknown predicate 'LEAD' (did you mean LEADS?); declare new predicates under 'predicates' in corpus.yaml",
            Single(corpus));
    }

    [Fact]
    public void A_predicate_declared_in_corpus_yaml_may_be_used()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("corpus.yaml", "name: test\npredicates:\n  - type: HEADS\n    phrase: heads\n");
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("LEADS", "HEADS", StringComparison.Ordinal));
        var result = corpus.Load();
        Assert.Empty(result.Problems);
        Assert.Equal("HEADS", Assert.Single(result.Snapshot!.Relationships).Type);
        Assert.Contains(result.Snapshot.Predicates, p => p is { Type: "HEADS", Phrase: "heads", BuiltIn: false });
    }

    [Fact]
    public void Corpus_yaml_may_not_redeclare_a_built_in_or_declare_a_malformed_type()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("corpus.yaml", "predicates:\n  - type: LEADS\n    phrase: leads\n  - type: heads-of\n    phrase: heads\n");
        Assert.Equal(
            [
                "corpus/corpus.yaml:2: predicate 'LEADS' is built in and cannot be redeclared",
                "corpus/corpus.yaml:4: predicate type 'heads-of' must be UPPER_SNAKE_CASE (a capital letter, then capitals, digits or underscores)",
            ],
            corpus.Problems());
    }

    [Fact]
    public void A_claim_without_evidence_is_an_error()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", "- subject: bo-ren\n  predicate: LEADS\n  object: alpha-group\n  evidence: []\n");
        Assert.Equal("corpus/claims.yaml:1: claim has no evidence: list at least one {doc, quote} under 'evidence'", Single(corpus));
    }

    [Fact]
    public void A_claim_with_no_evidence_key_is_an_error_too()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", "- subject: bo-ren\n  predicate: LEADS\n  object: alpha-group\n");
        Assert.Equal("corpus/claims.yaml:1: claim has no evidence: list at least one {doc, quote} under 'evidence'", Single(corpus));
    }

    [Fact]
    public void Evidence_naming_a_missing_document_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("doc: report-one", "doc: report-on", StringComparison.Ordinal));
        Assert.Equal(
            "corpus/claims.yaml:5: evidence names a missing document 'report-on': there is no documents/report-on.md (did you mean 'report-one'?)",
            Single(corpus));
    }

    [Fact]
    public void A_quote_not_in_its_document_is_reported_with_the_nearest_passage()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("Bo Ren leads the Alpha Group", "Bo Ren led the Alpha Group", StringComparison.Ordinal));
        Assert.Equal(
            "corpus/claims.yaml:6: quote not found in documents/report-one.md: \"Bo Ren led the Alpha Group\"; nearest passage (documents/report-one.md:6): \"Bo Ren leads the Alpha Group\"",
            Single(corpus));
    }

    [Fact]
    public void Quote_matching_is_case_sensitive()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("Bo Ren leads the Alpha Group", "bo ren leads the alpha group", StringComparison.Ordinal));
        Assert.StartsWith("corpus/claims.yaml:6: quote not found in documents/report-one.md: \"bo ren leads the alpha group\"; nearest passage", Single(corpus), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_front_matter_is_reported_at_line_one()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", "Bo Ren leads the Alpha Group.\n");
        Assert.Equal(
            "corpus/documents/report-one.md:1: document has no front matter: the first line must be '---', followed by title, publisher and published, and a closing '---' line",
            Single(corpus));
    }

    [Fact]
    public void A_document_whose_front_matter_is_not_closed_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", "---\ntitle: Report one\nBo Ren leads the Alpha Group.\n");
        Assert.Equal("corpus/documents/report-one.md:1: front matter is not closed: no line '---' follows the opening '---'", Single(corpus));
    }

    [Fact]
    public void A_document_missing_a_required_key_is_reported_at_the_front_matter()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", CorpusFolder.ReportOne.Replace("publisher: Example Wire\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal("corpus/documents/report-one.md:2: front matter is missing the required key 'publisher'", Single(corpus));
    }

    [Fact]
    public void A_misspelt_front_matter_key_is_reported_on_its_line()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", CorpusFolder.ReportOne.Replace("published: 2020-01-02\n", "published: 2020-01-02\nauthr: Someone\n", StringComparison.Ordinal));
        Assert.Equal(
            "corpus/documents/report-one.md:5: unknown key 'authr' in front matter (allowed: title, publisher, published, author, url, language, source, derived_from)",
            Single(corpus));
    }

    [Fact]
    public void A_bad_published_date_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", CorpusFolder.ReportOne.Replace("2020-01-02", "2020-13-02", StringComparison.Ordinal));
        Assert.Equal("corpus/documents/report-one.md:4: published '2020-13-02' is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or unknown", Single(corpus));
    }

    [Fact]
    public void An_empty_document_body_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", "---\ntitle: Report one\npublisher: Example Wire\npublished: 2020\n---\n\n  \n");
        corpus.Write("claims.yaml", "- subject: bo-ren\n  predicate: LEADS\n  object: alpha-group\n  evidence:\n    - doc: report-two\n      quote: \"Bo Ren\"\n");
        corpus.Write("documents/report-two.md", "---\ntitle: Report two\npublisher: Example Wire\npublished: 2020\n---\nBo Ren.\n");
        Assert.Equal("corpus/documents/report-one.md:6: document body is empty: the text must follow the closing '---' line", Single(corpus));
    }

    [Fact]
    public void A_document_that_is_not_valid_utf8_is_reported_with_its_line()
    {
        using var corpus = new CorpusFolder();
        var bytes = Encoding.UTF8.GetBytes(CorpusFolder.ReportOne).ToList();
        bytes.AddRange([0x41, 0xC3, 0x28, (byte)'\n']);
        corpus.WriteBytes("documents/report-one.md", [.. bytes]);
        var offset = Encoding.UTF8.GetByteCount(CorpusFolder.ReportOne) + 1;
        Assert.Equal($"corpus/documents/report-one.md:7: file is not valid UTF-8 (invalid byte at offset {offset}); save it as UTF-8", Single(corpus));
    }

    [Fact]
    public void A_document_file_name_that_is_not_a_slug_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/Report_Two.md", "---\ntitle: Two\npublisher: Example Wire\npublished: 2020\n---\nText.\n");
        Assert.Equal(
            "corpus/documents/Report_Two.md:0: document id 'Report_Two' (the file name without .md) is not a kebab-case slug: use lowercase letters and digits joined by single hyphens",
            Single(corpus));
    }

    [Fact]
    public void A_file_in_documents_that_is_not_markdown_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/notes.txt", "scratch\n");
        Assert.Equal("corpus/documents/notes.txt:0: documents/ may hold only <id>.md files", Single(corpus));
    }

    [Theory]
    [InlineData("since: 2020-02-30", "corpus/claims.yaml:4: since '2020-02-30' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("until: soon", "corpus/claims.yaml:4: until 'soon' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("confidence: 1.5", "corpus/claims.yaml:4: confidence '1.5' must be a number from 0 to 1 (or left out to derive it from the evidence)")]
    [InlineData("confidence: high", "corpus/claims.yaml:4: confidence 'high' must be a number from 0 to 1 (or left out to derive it from the evidence)")]
    public void Bad_dates_and_confidences_are_reported_on_their_line(string line, string expected)
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("  evidence:\n", $"  {line}\n  evidence:\n", StringComparison.Ordinal));
        Assert.Equal(expected, Single(corpus));
    }

    [Fact]
    public void Until_before_since_is_an_error_but_a_year_containing_the_month_is_not()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("  evidence:\n", "  since: 2010\n  until: 2009-12\n  evidence:\n", StringComparison.Ordinal));
        Assert.Equal("corpus/claims.yaml:5: until 2009-12 is before since 2010", Single(corpus));

        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("  evidence:\n", "  since: 2010-06\n  until: 2010\n  evidence:\n", StringComparison.Ordinal));
        Assert.Empty(corpus.Load().Problems);
    }

    [Fact]
    public void An_unknown_stance_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims + "      stance: refutes\n");
        Assert.Equal("corpus/claims.yaml:7: unknown stance 'refutes' (allowed: supports, disputes)", Single(corpus));
    }

    [Fact]
    public void A_second_claim_with_the_same_triple_is_a_duplicate()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims + CorpusFolder.Claims.Replace("Bo Ren leads the Alpha Group", "The group was founded in 2001", StringComparison.Ordinal));
        Assert.Equal("corpus/claims.yaml:7: duplicate claim (first at claims.yaml:1)", Single(corpus));
    }

    [Fact]
    public void Citing_the_same_passage_twice_in_one_claim_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims + "    - doc: report-one\n      quote: \"Bo Ren leads the  Alpha Group\"\n");
        Assert.Equal("corpus/claims.yaml:8: evidence repeats the passage already cited at claims.yaml:6", Single(corpus));
    }

    [Fact]
    public void A_claim_relating_an_entity_to_itself_is_reported()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("claims.yaml", CorpusFolder.Claims.Replace("object: alpha-group", "object: bo-ren", StringComparison.Ordinal));
        Assert.Equal("corpus/claims.yaml:3: a claim cannot relate 'bo-ren' to itself", Single(corpus));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_file_order()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("entities.yaml", CorpusFolder.Entities.Replace("type: Person", "type: Human", StringComparison.Ordinal));
        corpus.Write("documents/report-one.md", CorpusFolder.ReportOne.Replace("published: 2020-01-02", "published: last year", StringComparison.Ordinal));
        corpus.Write("claims.yaml", """
            - subject: bo-ren
              predicate: LEADS
              object: alpha-grup
              confidence: -1
              evidence:
                - doc: report-one
                  quote: "Bo Ren leads the Alpha Group"
            - subject: bo-ren
              predicate: FOUNDED
              object: alpha-group
              evidence:
                - doc: report-one
                  quote: "The group was founded in 2002"

            """);
        Assert.Equal(
            [
                "corpus/documents/report-one.md:4: published 'last year' is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or unknown",
                "corpus/entities.yaml:6: unknown entity type 'Human' (allowed: Person, Organization, Place, Event)",
                "corpus/claims.yaml:3: unknown entity 'alpha-grup' as object (did you mean 'alpha-group'?)",
                "corpus/claims.yaml:4: confidence '-1' must be a number from 0 to 1 (or left out to derive it from the evidence)",
                "corpus/claims.yaml:13: quote not found in documents/report-one.md: \"The group was founded in 2002\"; nearest passage (documents/report-one.md:6): \"The group was founded in 2001\"",
            ],
            corpus.Problems());
    }
}
