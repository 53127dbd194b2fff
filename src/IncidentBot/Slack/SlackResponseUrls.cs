namespace IncidentBot.Slack;

/// <summary>
/// Where a response URL may point. It comes from a signed request, but the client posting to it carries the bot
/// token, so a URL outside Slack's domains is refused rather than trusted.
/// </summary>
internal static class SlackResponseUrls
{
    private static readonly string[] SlackDomains = ["slack.com", "slack-gov.com"];

    public static bool IsTrusted(Uri url, Uri? apiBase)
    {
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        // The configured API base is trusted already (a fake Slack in tests, GovSlack, a proxy).
        if (apiBase is { IsAbsoluteUri: true } && Uri.Compare(url, apiBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return true;
        }

        return url.Scheme == Uri.UriSchemeHttps && SlackDomains.Any(domain =>
            url.Host.Equals(domain, StringComparison.OrdinalIgnoreCase)
            || url.Host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));
    }
}
