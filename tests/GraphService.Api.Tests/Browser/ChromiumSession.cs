using GraphService.Testing;
using Microsoft.Playwright;

namespace GraphService.Api.Tests.Browser;

/// <summary>
/// Debian's chromium (/usr/bin/chromium) driven by Playwright, one fresh context per test, with every console error and
/// uncaught page error recorded. Playwright's own browser downloads are never used: the executable is given.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly string _screenshots;
    private int _shot;

    private ChromiumSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string screenshots)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        Page = page;
        _screenshots = screenshots;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console error: {message.Text} (at {message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions seen so far, in order.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>
    /// Why the browser test cannot run here, or null when it can. Under CI=true a missing chromium is a failure (CI installs
    /// it with apt-get); elsewhere the test is skipped with this reason.
    /// </summary>
    public static string? MissingBrowserReason() =>
        File.Exists(ExecutablePath) ? null : $"{ExecutablePath} is not installed (apt-get install chromium)";

    /// <summary>Starts chromium on a page whose relative URLs resolve against <paramref name="baseUrl"/>; screenshots go to artifacts/browser/&lt;name&gt;-NN-step.png.</summary>
    public static async Task<ChromiumSession> StartAsync(Uri baseUrl, string name)
    {
        var screenshots = Path.Combine(RepositoryPaths.Root, "artifacts", "browser");
        Directory.CreateDirectory(screenshots);
        foreach (var old in Directory.GetFiles(screenshots, $"{name}-*.png"))
        {
            File.Delete(old);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new ChromiumSession(playwright, browser, context, page, Path.Combine(screenshots, name));
    }

    /// <summary>Saves the whole page as artifacts/browser/&lt;name&gt;-NN-&lt;step&gt;.png and returns the path.</summary>
    public async Task<string> ScreenshotAsync(string step)
    {
        var path = $"{_screenshots}-{++_shot:00}-{step}.png";
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
