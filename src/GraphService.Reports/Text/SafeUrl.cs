namespace GraphService.Reports.Text;

/// <summary>Only absolute http(s) addresses become links; anything else (javascript:, data:, relative) is shown as text.</summary>
internal static class SafeUrl
{
    public static bool TryLink(string? url, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(url) || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"'))
        {
            return false;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            uri = parsed;
            return true;
        }

        return false;
    }
}
