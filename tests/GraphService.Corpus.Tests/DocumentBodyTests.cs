namespace GraphService.Corpus.Tests;

public sealed class DocumentBodyTests
{
    [Fact]
    public void The_body_is_kept_exactly_with_crlf_line_endings_and_offsets_index_into_it()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("documents/report-one.md", "---\r\ntitle: Report one\r\npublisher: Example Wire\r\npublished: 2020\r\n---\r\n\r\n  Bo Ren leads\r\nthe Alpha Group.\r\n");
        var s = corpus.Load().Snapshot!;
        var document = Assert.Single(s.Documents);
        Assert.Equal("\r\n  Bo Ren leads\r\nthe Alpha Group.\r\n", document.Body);
        var citation = Assert.Single(Assert.Single(s.Relationships).Citations);
        Assert.Equal("Bo Ren leads\r\nthe Alpha Group", document.Body[citation.Start..citation.End]);
        Assert.Equal("Bo Ren leads the Alpha Group", citation.Quote);
    }

    [Fact]
    public void A_byte_order_mark_before_the_front_matter_is_accepted()
    {
        using var corpus = new CorpusFolder();
        corpus.WriteBytes("documents/report-one.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(CorpusFolder.ReportOne)]);
        var result = corpus.Load();
        Assert.Empty(result.Problems);
        Assert.StartsWith("Bo Ren", Assert.Single(result.Snapshot!.Documents).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_stops_when_cancelled()
    {
        using var corpus = new CorpusFolder();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new CorpusImporter().Load(corpus.Root, cancelled.Token));
    }
}
