namespace GraphService.Api.Http;

/// <summary>
/// Where the web explorer's files are: the wwwroot/ folder beside the app's own assembly, which the build copies into
/// the output folder and publish into the published app. Taken from there rather than from the content root (the current
/// directory of a published app, or wherever `dotnet GraphService.Api.dll` was typed), so that the explorer is served in
/// every environment and from wherever the app is started; in Development the static web assets manifest adds the
/// project's own wwwroot/ as well.
/// </summary>
public static class ExplorerFiles
{
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>
    /// Whether a request may name a folder of the explorer's files, so that its default file (index.html) is looked for:
    /// not under /api or /health, which name no folder of wwwroot/. The look-up asks the file system whether the path is
    /// a folder, a system call on every request it sees; the API's queries and health probes are spared it.
    /// </summary>
    public static bool MayNameAFolder(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) &&
        !http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
