using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphService.Api.Tests.Support;
using GraphService.Testing;
using Microsoft.Playwright;

namespace GraphService.Api.Tests.Browser;

/// <summary>
/// The web explorer the API serves at /, in a real chromium against the API on a loopback port over the sample corpus:
/// what an analyst does, step by step, with a screenshot of each step in artifacts/browser/.
/// </summary>
[Collection(SampleCorpusCollection.Name)]
public sealed partial class ExplorerBrowserTests(SampleCorpusApi api)
{
    [SkippableFact]
    public async Task AnalystSearchesConnectsReadsTheEvidenceAndItsDocumentThenExploresANeighborhood()
    {
        SkipOrFailWithoutChromium();
        await using var browser = await ChromiumSession.StartAsync(api.Server.BaseAddress, "explorer");
        var page = browser.Page;

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#types-list input[type=checkbox]").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#types-list input[type=checkbox]").CountAsync() > 1, "the relationship types of /api/schema are offered as filters");
        await browser.ScreenshotAsync("start");

        // Search: suggestions come from names and aliases; one is chosen from the keyboard.
        await page.Locator("#from").PressSequentiallyAsync("Khazali");
        var fromOptions = page.Locator("#from-suggestions [role=option]");
        await Assertions.Expect(fromOptions.First).ToContainTextAsync("Qais al-Khazali");
        await Assertions.Expect(page.Locator("#from")).ToHaveAttributeAsync("aria-expanded", "true");
        await browser.ScreenshotAsync("suggestions");
        await page.Locator("#from").PressAsync("ArrowDown");
        await page.Locator("#from").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#from")).ToHaveValueAsync("Qais al-Khazali");
        await Assertions.Expect(page.Locator("#from-suggestions")).ToBeHiddenAsync();

        await page.Locator("#to").PressSequentiallyAsync("al-Ameri");
        await page.Locator("#to-suggestions [role=option]", new() { HasText = "Hadi al-Ameri" }).ClickAsync();
        await Assertions.Expect(page.Locator("#to")).ToHaveValueAsync("Hadi al-Ameri");

        // Connect: a path is drawn, and listed.
        await page.Locator("#connect").ClickAsync();
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Qais al-Khazali → Hadi al-Ameri");
        var diagram = await DiagramAsync(page);
        Assert.Contains("qais-al-khazali", diagram.NodeIds);
        Assert.Contains("hadi-al-ameri", diagram.NodeIds);
        Assert.True(diagram.EdgeCount >= diagram.NodeIds.Count - 1, $"a path through {diagram.NodeIds.Count} entities has at least {diagram.NodeIds.Count - 1} links; drew {diagram.EdgeCount}");
        Assert.True(await page.Locator("#result-list .relationship-button").CountAsync() >= 1, "the path's relationships are listed as buttons");
        await browser.ScreenshotAsync("path");

        // A link of the diagram, clicked, shows its quotes with publisher and date.
        var edge = diagram.FirstEdge;
        await ClickInDiagramAsync(page, $"window.explorer.cy.getElementById({JsonSerializer.Serialize(edge)}).renderedMidpoint()");
        var firstQuote = page.Locator("#evidence .quote-list li").First;
        await Assertions.Expect(firstQuote.Locator("blockquote")).ToBeVisibleAsync();
        var quote = (await firstQuote.Locator("blockquote").InnerTextAsync()).Trim('“', '”', ' ');
        Assert.False(string.IsNullOrWhiteSpace(quote));
        await Assertions.Expect(firstQuote.Locator(".publisher")).ToHaveTextAsync(PublisherAndDate());
        await browser.ScreenshotAsync("evidence");

        // The quote's link opens its document with the quote highlighted and the mentions marked.
        await firstQuote.Locator("a.document-link").ClickAsync();
        var mark = page.Locator("#document-text mark.quote");
        await Assertions.Expect(mark).ToBeVisibleAsync();
        Assert.Equal(1, await mark.CountAsync());
        Assert.Equal(Collapse(quote), Collapse(await mark.InnerTextAsync()));
        Assert.True(await page.Locator("#document-text .mention").CountAsync() > 0, "the entities' mentions are marked in the document");
        Assert.StartsWith("#document=", new Uri(page.Url).Fragment, StringComparison.Ordinal);
        await browser.ScreenshotAsync("document");

        // An entity of the diagram, clicked, shows its neighborhood.
        await ClickInDiagramAsync(page, "window.explorer.cy.getElementById('hadi-al-ameri').renderedPosition()");
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Around Hadi al-Ameri");
        var neighborhood = await DiagramAsync(page);
        Assert.Contains("hadi-al-ameri", neighborhood.NodeIds);
        Assert.True(neighborhood.NodeIds.Count > 1 && neighborhood.EdgeCount > 0, "the neighborhood has neighbours and links");
        await browser.ScreenshotAsync("neighborhood");

        // From the keyboard: an entity of the list, focused and entered, shows its neighborhood too.
        await page.Locator("#result-list .entity-button", new() { HasText = "Qassim al-Araji" }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Around Qassim al-Araji");
        Assert.Contains("hadi-al-ameri", (await DiagramAsync(page)).NodeIds);
        await browser.ScreenshotAsync("neighborhood-keyboard");

        // Copy: each format of the neighborhood when the API offers it (?format=), else a message saying it does not.
        foreach (var (format, label, mediaType) in new[] { ("mermaid", "Mermaid", "text/vnd.mermaid"), ("cypher", "Cypher", "application/x-cypher-query"), ("markdown", "Markdown", "text/markdown") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Copy {label}" }).ClickAsync();
            using var offered = new HttpRequestMessage(HttpMethod.Get, $"/api/entities/qassim-al-araji/neighborhood?depth=1&limit=50&format={format}");
            offered.Headers.Accept.ParseAdd(mediaType);
            using var answer = await api.Client.SendAsync(offered);
            if (answer.Content.Headers.ContentType?.MediaType == mediaType)
            {
                await Assertions.Expect(page.Locator("#status")).ToContainTextAsync($"Copied the {label}");
                Assert.Equal(await answer.Content.ReadAsStringAsync(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
            }
            else
            {
                await Assertions.Expect(page.Locator("#error")).ToContainTextAsync($"does not offer ?format={format}");
            }
        }

        await browser.ScreenshotAsync("copy");
        Assert.Empty(browser.Errors);
    }

    [SkippableFact]
    public async Task UnknownNameShowsTheProblemDetailAndOffersTheEntitiesMeant()
    {
        SkipOrFailWithoutChromium();
        await using var browser = await ChromiumSession.StartAsync(api.Server.BaseAddress, "unknown-name");
        var page = browser.Page;

        await page.GotoAsync("/");
        await page.Locator("#from").FillAsync("Khazaly");
        await page.Locator("#to").FillAsync("Hadi al-Ameri");
        await page.Locator("#to").PressAsync("Enter");

        var error = page.Locator("#error");
        await Assertions.Expect(error).ToContainTextAsync("No entity is known by 'Khazaly' (parameter from).");
        await browser.ScreenshotAsync("problem");

        await error.GetByRole(AriaRole.Button, new() { Name = "Qais al-Khazali (Person)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Qais al-Khazali → Hadi al-Ameri");
        await Assertions.Expect(error).ToBeHiddenAsync();
        await browser.ScreenshotAsync("did-you-mean");

        // The one console error allowed is chromium's own line about the 404 answer the page showed.
        var unexpected = browser.Errors.Where(e => !e.Contains("status of 404", StringComparison.Ordinal) || !e.Contains("/api/paths?from=Khazaly", StringComparison.Ordinal));
        Assert.Empty(unexpected);
    }

    [SkippableFact]
    public async Task ASharedLinkOpenedColdDrawsItsPathAndBackAndForwardFollowTheAddress()
    {
        SkipOrFailWithoutChromium();
        await using var browser = await ChromiumSession.StartAsync(api.Server.BaseAddress, "shared-link");
        var page = browser.Page;

        // A link as an analyst pastes it: names, not ids, and options.
        await page.GotoAsync("/?from=Khazali&to=al-Ameri&maxHops=3&k=2");
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Qais al-Khazali → Hadi al-Ameri");
        var diagram = await DiagramAsync(page);
        Assert.Contains("qais-al-khazali", diagram.NodeIds);
        Assert.Contains("hadi-al-ameri", diagram.NodeIds);
        Assert.True(await page.Locator("#result-list ol.result-path > li").CountAsync() is >= 1 and <= 2, "k=2 from the link: at most 2 paths are listed");
        await Assertions.Expect(page.Locator("#from")).ToHaveValueAsync("Qais al-Khazali");
        await Assertions.Expect(page.Locator("#max-hops")).ToHaveValueAsync("3");
        await Assertions.Expect(page.Locator("#k")).ToHaveValueAsync("2");
        await browser.ScreenshotAsync("cold-link");

        // The timeline places each relationship of the answer on the time axis (or lists it as undated).
        await Assertions.Expect(page.Locator("#timeline")).ToBeVisibleAsync();
        var placed = await page.Locator("#timeline-chart .row").CountAsync();
        var undated = await page.Locator("#timeline .timeline-undated li").CountAsync();
        Assert.Equal(diagram.EdgeCount, placed + undated);

        // Copy link gives the address of what is shown; opening it draws the same answer.
        await page.Locator("#copy-link").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Copied the link to this view");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(new Uri(api.Server.BaseAddress, "/?from=Khazali&to=al-Ameri&maxHops=3&k=2").ToString(), copied);

        // An entity chosen from the list becomes ?entity=…; Back returns to the path, Forward to the neighbourhood.
        await page.Locator("#result-list .entity-button", new() { HasText = "Hadi al-Ameri" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Around Hadi al-Ameri");
        Assert.Equal("?entity=hadi-al-ameri", new Uri(page.Url).Query);
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Qais al-Khazali → Hadi al-Ameri");
        Assert.Contains("from=Khazali", new Uri(page.Url).Query, StringComparison.Ordinal);
        await page.GoForwardAsync();
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Around Hadi al-Ameri");

        // A neighbourhood link opened cold.
        await page.GotoAsync("/?entity=Muqtada%20al-Sadr");
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Around Muqtada al-Sadr");
        Assert.Contains("muqtada-al-sadr", (await DiagramAsync(page)).NodeIds);
        await browser.ScreenshotAsync("cold-entity-link");

        // Khazali's detention by the United States states 2007–2009: a bar on the axis, with its dated sources marked.
        await page.GotoAsync("/?entity=qais-al-khazali");
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Around Qais al-Khazali");
        var detention = page.Locator("#timeline-chart .row", new() { Has = page.Locator("title", new() { HasTextRegex = DetainedByTheUnitedStates() }) });
        await Assertions.Expect(detention.Locator("rect.bar.stated")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("#timeline-chart .tick").CountAsync() >= 2, "the axis has year ticks");
        Assert.True(await page.Locator("#timeline-chart circle.source").CountAsync() >= 1, "dated sources are marked");
        await page.Locator("#timeline").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("timeline");
        Assert.Empty(browser.Errors);
    }

    [SkippableFact]
    public async Task TheStartPageShowsTheWholeSmallGraphWithTheStartingPointsHighlighted()
    {
        SkipOrFailWithoutChromium();
        await using var browser = await ChromiumSession.StartAsync(api.Server.BaseAddress, "start-page");
        var page = browser.Page;
        using var schema = JsonDocument.Parse(await api.Client.GetStringAsync("/api/schema"));
        var entities = schema.RootElement.GetProperty("entities").GetInt32();

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync($"Overview: all {entities} entities");
        var diagram = await DiagramAsync(page);
        Assert.Equal(entities, diagram.NodeIds.Count);
        var featured = await page.EvaluateAsync<string[]>("() => window.explorer.cy.nodes('[featured = \"yes\"]').map((n) => n.id())");
        Assert.Equal(["hadi-al-ameri", "muqtada-al-sadr", "qais-al-khazali", "qasem-soleimani"], featured.Order(StringComparer.Ordinal));
        var starts = page.Locator("#result-list .starting-points .entity-button");
        Assert.Equal(["Qais al-Khazali", "Muqtada al-Sadr", "Qasem Soleimani", "Hadi al-Ameri"], await starts.AllInnerTextsAsync());
        await browser.ScreenshotAsync("overview");

        // A starting point opens its neighbourhood; Back returns to the overview.
        await starts.Filter(new() { HasText = "Qasem Soleimani" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Around Qasem Soleimani");
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Overview:");
        Assert.Equal(entities, (await DiagramAsync(page)).NodeIds.Count);
        // No Explorer:Neo4jBrowserUrl in this configuration: no link to a Browser.
        await Assertions.Expect(page.Locator("#neo4j-browser")).ToBeHiddenAsync();
        Assert.Empty(browser.Errors);
    }

    [SkippableFact]
    public async Task TheViewIsSavedAsPngAndSvgAndOpensInNeo4jBrowserWithItsCypher()
    {
        SkipOrFailWithoutChromium();
        const string neo4jBrowser = "http://neo4j.invalid:7474/browser/";
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:ImportOnStart"] = RepositoryPaths.SampleCorpus,
            ["Explorer:Neo4jBrowserUrl"] = neo4jBrowser,
        }, waitUntilReady: true);
        await using var browser = await ChromiumSession.StartAsync(server.BaseAddress, "export");
        var page = browser.Page;

        await page.GotoAsync("/?from=Khazali&to=al-Ameri");
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Qais al-Khazali → Hadi al-Ameri");

        // Open in Neo4j Browser: the configured address, with the API's reproducing Cypher in the editor (cmd=edit: not run).
        var link = page.Locator("#neo4j-browser");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var href = new Uri((await link.GetAttributeAsync("href"))!);
        Assert.Equal(neo4jBrowser, href.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(href.Query);
        Assert.Equal("edit", query["cmd"]);
        using var cypherRequest = new HttpRequestMessage(HttpMethod.Get, "/api/paths?from=Khazali&to=al-Ameri&format=cypher");
        cypherRequest.Headers.Accept.ParseAdd("application/x-cypher-query");
        using var cypher = await server.Client.SendAsync(cypherRequest);
        Assert.Equal(await cypher.Content.ReadAsStringAsync(), query["arg"]);
        Assert.Equal("_blank", await link.GetAttributeAsync("target"));

        // Save PNG: the diagram as drawn.
        var png = await page.RunAndWaitForDownloadAsync(() => page.Locator("#save-png").ClickAsync());
        Assert.Equal("graphservice-paths-khazali-al-ameri.png", png.SuggestedFilename);
        var pngBytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.True(pngBytes.Length > 1000, $"a PNG of {pngBytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, pngBytes[..4]);

        // Save SVG: the API's SVG report of the same answer.
        var svg = await page.RunAndWaitForDownloadAsync(() => page.Locator("#save-svg").ClickAsync());
        Assert.Equal("graphservice-paths-khazali-al-ameri.svg", svg.SuggestedFilename);
        using var svgRequest = new HttpRequestMessage(HttpMethod.Get, "/api/paths?from=Khazali&to=al-Ameri&format=svg");
        svgRequest.Headers.Accept.ParseAdd("image/svg+xml");
        using var svgAnswer = await server.Client.SendAsync(svgRequest);
        Assert.Equal(await svgAnswer.Content.ReadAsStringAsync(), await File.ReadAllTextAsync((await svg.PathAsync())!));
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Saved graphservice-paths-khazali-al-ameri.svg");

        // The overview has no report format: PNG only, and no Neo4j Browser link.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#result-title")).ToContainTextAsync("Overview:");
        await Assertions.Expect(page.Locator("#save-svg")).ToBeHiddenAsync();
        await Assertions.Expect(link).ToBeHiddenAsync();
        var overviewPng = await page.RunAndWaitForDownloadAsync(() => page.Locator("#save-png").ClickAsync());
        Assert.Equal("graphservice-overview.png", overviewPng.SuggestedFilename);
        await browser.ScreenshotAsync("export");
        Assert.Empty(browser.Errors);
    }

    [SkippableFact]
    public async Task TheDocumentViewShowsSuggestedClaimsOrSaysTheServerDraftsNone()
    {
        SkipOrFailWithoutChromium();
        await using var browser = await ChromiumSession.StartAsync(api.Server.BaseAddress, "suggestions");
        var page = browser.Page;
        const string document = "wapo-khazali-interrogations";
        using var asked = await api.Client.GetAsync($"/api/documents/{document}/suggestions");

        await page.GotoAsync($"/#document={document}");
        await Assertions.Expect(page.Locator("#document-text .mention").First).ToBeVisibleAsync();
        await page.Locator("#show-suggestions").ClickAsync();
        await Assertions.Expect(page.Locator("#suggestions-body")).ToBeVisibleAsync();
        if (asked.StatusCode == HttpStatusCode.NotFound)
        {
            // A server without the endpoint: said plainly, not shown as an error.
            await Assertions.Expect(page.Locator("#suggestions-note")).ToContainTextAsync("does not draft suggested claims");
            await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
            await browser.ScreenshotAsync("no-suggestions");
            // The one console error allowed is chromium's own line about the 404 answer the page explained.
            Assert.DoesNotContain(browser.Errors, e => !e.Contains("status of 404", StringComparison.Ordinal) || !e.Contains("/suggestions", StringComparison.Ordinal));
            return;
        }

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        using var answer = JsonDocument.Parse(await asked.Content.ReadAsStringAsync());
        var claims = answer.RootElement.GetProperty("claims");
        await Assertions.Expect(page.Locator("#suggestion-list > li")).ToHaveCountAsync(claims.GetArrayLength());
        var existing = claims.EnumerateArray().Count(c => c.GetProperty("existing").GetBoolean());
        await Assertions.Expect(page.Locator("#suggestion-list > li.existing")).ToHaveCountAsync(existing);
        if (claims.GetArrayLength() > 0)
        {
            Assert.True(await page.Locator("#document-text .suggested").CountAsync() > 0, "the suggestions' quotes are highlighted in the text");
        }

        await browser.ScreenshotAsync("suggestions");
        Assert.Empty(browser.Errors);
    }

    private static void SkipOrFailWithoutChromium()
    {
        var missing = ChromiumSession.MissingBrowserReason();
        CiRequirement.Require(missing is null, $"the browser test needs chromium: {missing}");
    }

    private sealed record Diagram(IReadOnlyList<string> NodeIds, int EdgeCount, string FirstEdge);

    /// <summary>What cytoscape holds once the layout has run: node ids, edge count, the first edge's id.</summary>
    private static async Task<Diagram> DiagramAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "() => { const cy = window.explorer.cy; return { nodes: cy.nodes().map((n) => n.id()), edges: cy.edges().map((e) => e.id()) }; }");
        var nodes = json.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList();
        var edges = json.GetProperty("edges").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(edges);
        return new Diagram(nodes, edges.Count, edges[0]);
    }

    /// <summary>Clicks the diagram with the mouse where cytoscape says an element is drawn (a rendered position inside #graph).</summary>
    private static async Task ClickInDiagramAsync(IPage page, string renderedPosition)
    {
        var graph = page.Locator("#graph");
        await graph.ScrollIntoViewIfNeededAsync();
        // The scroll event reaches cytoscape (which caches where its canvas is) a frame later; clicking sooner misses.
        await page.EvaluateAsync("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var box = await graph.BoundingBoxAsync() ?? throw new InvalidOperationException("#graph is not laid out");
        var at = await page.EvaluateAsync<JsonElement>($"() => {renderedPosition}");
        await page.Mouse.ClickAsync(box.X + at.GetProperty("x").GetSingle(), box.Y + at.GetProperty("y").GetSingle());
    }

    private static string Collapse(string text) => WhitespaceRun().Replace(text, " ").Trim();

    [GeneratedRegex(@"^Qais al-Khazali was detained by United States: 2007 – 2009")]
    private static partial Regex DetainedByTheUnitedStates();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"^.+, (\d{4}(-\d{2}(-\d{2})?)?|undated)$")]
    private static partial Regex PublisherAndDate();
}
