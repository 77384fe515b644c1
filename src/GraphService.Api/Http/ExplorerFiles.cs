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
}
