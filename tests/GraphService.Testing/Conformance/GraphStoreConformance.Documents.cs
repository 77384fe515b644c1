using GraphService.Core.Queries;
using Xunit;
using static GraphService.Testing.Conformance.ConformanceGraph;

namespace GraphService.Testing.Conformance;

/// <summary>Documents in pages (<see cref="DocumentPaging"/>): every backend cuts the same pages, in UTF-16 code units.</summary>
public abstract partial class GraphStoreConformance
{
    public static TheoryData<string> Documents => new() { AlphaDocument, BetaDocument, GammaDocument };

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task By_default_a_short_document_comes_whole_with_the_spans_of_its_mentions_and_citations(string documentId)
    {
        var page = await Page(new DocumentQuery(documentId));

        var body = Body(documentId);
        Assert.Equal(body, page.Text);
        Assert.Equal(new TextRange(0, body.Length), page.Range);
        Assert.Equal(body.Length, page.Document.Length);
        Assert.False(page.MoreMentions);
        Assert.Equal(
            Snapshot.Mentions.Where(m => m.DocumentId == documentId).Select(m => (m.Start, m.End, m.EntityId)).Order(),
            page.Mentions.Select(s => (s.Start, s.End, s.RefId)).Order());
        Assert.All(page.Mentions, s => Assert.Equal((DocumentPaging.MentionKind, body[s.Start..s.End]), (s.Kind, s.Text)));
        Assert.Equal(CitationIds(documentId), page.Citations.Select(s => s.RefId).Order(StringComparer.Ordinal));
        Assert.All(page.Citations, s => Assert.Equal((DocumentPaging.CitationKind, body[s.Start..s.End]), (s.Kind, s.Text)));
        Assert.Equal(page.Mentions.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.RefId, StringComparer.Ordinal), page.Mentions);
        Assert.Equal(page.Citations.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.RefId, StringComparer.Ordinal), page.Citations);
        Assert.Equal(Snapshot.Version, page.GraphVersion);
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task Pages_read_in_turn_give_the_whole_text_and_every_span_exactly_once(string documentId)
    {
        var body = Body(documentId);
        var text = new System.Text.StringBuilder();
        var mentions = new List<(int, int, string)>();
        var citations = new List<string>();
        for (var offset = 0; offset < body.Length;)
        {
            var page = await Page(new DocumentQuery(documentId) { Offset = offset, Length = 37 });

            Assert.Equal(offset, page.Range.Offset);
            Assert.InRange(page.Range.Length, 1, 38);
            Assert.Equal(page.Range.Length, page.Text.Length);
            Assert.All(page.Mentions.Concat(page.Citations), s => Assert.InRange(s.Start, page.Range.Offset, page.Range.Offset + page.Range.Length - 1));
            Assert.All(page.Mentions.Concat(page.Citations), s => Assert.Equal(body[s.Start..s.End], s.Text));
            text.Append(page.Text);
            mentions.AddRange(page.Mentions.Select(s => (s.Start, s.End, s.RefId)));
            citations.AddRange(page.Citations.Select(s => s.RefId));
            offset += page.Range.Length;
        }

        Assert.Equal(body, text.ToString());
        Assert.Equal(Snapshot.Mentions.Where(m => m.DocumentId == documentId).Select(m => (m.Start, m.End, m.EntityId)).Order(), mentions.Order());
        Assert.Equal(CitationIds(documentId), citations.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_span_that_starts_in_a_page_is_whole_even_where_it_runs_past_the_page()
    {
        var mention = Snapshot.Mentions.First(m => m.DocumentId == GammaDocument && m.End - m.Start > 3);

        var page = await Page(new DocumentQuery(GammaDocument) { Offset = mention.Start, Length = 2 });

        Assert.Equal(Body(GammaDocument)[mention.Start..(mention.Start + 2)], page.Text);
        var span = Assert.Single(page.Mentions, s => s.RefId == mention.EntityId && s.Start == mention.Start);
        Assert.Equal(Body(GammaDocument)[mention.Start..mention.End], span.Text);
    }

    [SkippableFact]
    public async Task Mentions_are_cut_at_the_limit_in_document_order_and_the_page_says_there_are_more()
    {
        var all = Snapshot.Mentions.Where(m => m.DocumentId == AlphaDocument).OrderBy(m => m.Start).ThenBy(m => m.End).ThenBy(m => m.EntityId, StringComparer.Ordinal).ToList();

        var two = await Page(new DocumentQuery(AlphaDocument) { MentionLimit = 2 });
        var none = await Page(new DocumentQuery(AlphaDocument) { MentionLimit = 0 });
        var exact = await Page(new DocumentQuery(AlphaDocument) { MentionLimit = all.Count });

        Assert.Equal(all.Take(2).Select(m => (m.Start, m.EntityId)), two.Mentions.Select(s => (s.Start, s.RefId)));
        Assert.True(two.MoreMentions);
        Assert.Empty(none.Mentions);
        Assert.True(none.MoreMentions);
        Assert.Equal(all.Count, exact.Mentions.Count);
        Assert.False(exact.MoreMentions);
        Assert.Equal(CitationIds(AlphaDocument), two.Citations.Select(s => s.RefId).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_range_past_the_end_is_cut_at_the_end_of_the_document()
    {
        var length = Body(BetaDocument).Length;

        var tail = await Page(new DocumentQuery(BetaDocument) { Offset = length - 5, Length = 100 });
        var beyond = await Page(new DocumentQuery(BetaDocument) { Offset = length + 10 });

        Assert.Equal((new TextRange(length - 5, 5), Body(BetaDocument)[^5..]), (tail.Range, tail.Text));
        Assert.Equal((new TextRange(length, 0), string.Empty), (beyond.Range, beyond.Text));
        Assert.Empty(beyond.Mentions);
        Assert.Empty(beyond.Citations);
    }

    [SkippableFact]
    public async Task An_unknown_document_is_null()
    {
        Assert.Null(await Store.GetDocumentAsync(new DocumentQuery("no-such-document"), None));
    }

    [SkippableFact]
    public async Task An_unknown_document_id_is_offered_the_closest_documents_as_core_ranks_every_id_and_title()
    {
        var all = await Store.ListDocumentsAsync(new DocumentListQuery { Limit = QueryLimits.DocumentListLimit.Max }, None);

        foreach (var (asked, count) in new[] { ("doc-alpah", 5), ("Beta reprot", 5), ("doc", 2), ("doc", 5), ("nothing like it at all", 5) })
        {
            var suggested = await Store.SuggestDocumentsAsync(asked, count, None);

            // The documents with all their bibliographic data, as the list gives them.
            Assert.Equal(NameSimilarity.Closest(asked, all, d => [d.Id, d.Title], d => d.Id, count), suggested);
        }

        // Each ask above is checked against the reference; these pin that they cover a typo, a title, ties and nothing.
        Assert.Equal(AlphaDocument, (await Store.SuggestDocumentsAsync("doc-alpah", 5, None))[0].Id);
        Assert.Equal(BetaDocument, (await Store.SuggestDocumentsAsync("Beta reprot", 5, None))[0].Id);
        Assert.Equal([BetaDocument, AlphaDocument], (await Store.SuggestDocumentsAsync("doc", 2, None)).Select(d => d.Id));
        Assert.Empty(await Store.SuggestDocumentsAsync("nothing like it at all", 5, None));
    }

    private Task<DocumentDetail> Page(DocumentQuery query) => Required(Store.GetDocumentAsync(query, None));

    private static string Body(string documentId) => Snapshot.Documents.Single(d => d.Id == documentId).Body;

    private static IEnumerable<string> CitationIds(string documentId) =>
        Snapshot.Relationships.SelectMany(r => r.Citations).Where(c => c.DocumentId == documentId).Select(c => c.Id).Distinct().Order(StringComparer.Ordinal);
}
