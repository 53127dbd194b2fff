using IncidentBot.Hosting;

namespace IncidentBot.Slack;

/// <summary>
/// Section <c>Slack</c>. Slack is off until the bot token is set together with a way in: the signing secret (HTTP at
/// <c>/slack/events</c>), the app-level token (Socket Mode), or both.
/// </summary>
internal sealed class SlackOptions
{
    public const string Section = "Slack";

    public string? SigningSecret { get; set; }

    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-</c>, scope <c>connections:write</c>): Slack is reached over Socket Mode.</summary>
    public string? AppToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Channel id for <c>[Outage]</c> threads; unset means the channel the command came from.</summary>
    public string? IncidentChannel { get; set; }

    public string Command { get; set; } = "/outage";

    /// <summary>The workspace requests must come from (<c>T…</c>); unset: learnt from <c>auth.test</c> at start-up.</summary>
    public string? TeamId { get; set; }

    /// <summary>This app's id (<c>A…</c>); unset: learnt from <c>bots.info</c> at start-up.</summary>
    public string? AppId { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken) && (ServesHttp || UsesSocketMode);

    /// <summary>Requests can be verified, so <c>/slack/events</c> accepts them.</summary>
    public bool ServesHttp => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool UsesSocketMode => !string.IsNullOrWhiteSpace(AppToken);

    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");

    /// <summary>
    /// The section as configured, before validation: for deciding at registration what to wire up. Validation
    /// happens at start-up, where a bad value stops the bot with the setting named.
    /// </summary>
    public static SlackOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SlackOptions>() ?? new SlackOptions();

    public static IEnumerable<string> Validate(SlackOptions o)
    {
        var hasToken = !string.IsNullOrWhiteSpace(o.BotToken);
        if ((o.ServesHttp || o.UsesSocketMode) && !hasToken)
        {
            yield return "Slack:BotToken must be set when Slack:SigningSecret or Slack:AppToken is set (with either, it turns Slack on).";
        }

        if (hasToken && !o.ServesHttp && !o.UsesSocketMode)
        {
            yield return "Slack:SigningSecret (HTTP) or Slack:AppToken (Socket Mode) must be set when Slack:BotToken is set.";
        }

        if (hasToken && !o.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return "Slack:BotToken must be a bot token starting with xoxb-.";
        }

        // The value itself is a secret: the message names the setting and the expected prefix only.
        if (o.UsesSocketMode && !o.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return "Slack:AppToken must be an app-level token starting with xapp- (Basic Information > App-Level Tokens, scope connections:write).";
        }

        if (!OutboundUrl.IsSecure(o.ApiBaseUrl))
        {
            yield return OutboundUrl.Problem("Slack:ApiBaseUrl", o.ApiBaseUrl);
        }

        if (!o.Command.StartsWith('/') || o.Command.Length < 2 || o.Command.Any(char.IsWhiteSpace))
        {
            yield return $"Slack:Command must be a slash command such as /outage, was '{o.Command}'.";
        }

        if (o.TeamId is { } team && !IsSlackId(team, 'T', 'E'))
        {
            yield return $"Slack:TeamId must be a workspace id such as T0123456789, was '{team}'.";
        }

        if (o.AppId is { } app && !IsSlackId(app, 'A'))
        {
            yield return $"Slack:AppId must be an app id such as A0123456789, was '{app}'.";
        }

        if (o.IncidentChannel is { } channel && (channel.Length == 0 || channel.StartsWith('#')))
        {
            yield return $"Slack:IncidentChannel must be a channel id such as C0123456789 (not a #name), was '{channel}'.";
        }
    }

    private static bool IsSlackId(string id, params char[] prefixes) =>
        id.Length >= 2 && prefixes.Contains(id[0]) && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
