using IncidentBot.Hosting;

namespace IncidentBot.Slack;

/// <summary>Section <c>Slack</c>. Slack is off until both the signing secret and the bot token are set.</summary>
internal sealed class SlackOptions
{
    public const string Section = "Slack";

    public string? SigningSecret { get; set; }

    public string? BotToken { get; set; }

    /// <summary>App-level token for Socket Mode; not supported by this version (see README).</summary>
    public string? AppToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Channel id for <c>[Outage]</c> threads; unset means the channel the command came from.</summary>
    public string? IncidentChannel { get; set; }

    public string Command { get; set; } = "/outage";

    /// <summary>The workspace requests must come from (<c>T…</c>); unset: learnt from <c>auth.test</c> at start-up.</summary>
    public string? TeamId { get; set; }

    /// <summary>This app's id (<c>A…</c>); unset: learnt from <c>bots.info</c> at start-up.</summary>
    public string? AppId { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);

    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");

    /// <summary>
    /// The section as configured, before validation: for deciding at registration what to wire up. Validation
    /// happens at start-up, where a bad value stops the bot with the setting named.
    /// </summary>
    public static SlackOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SlackOptions>() ?? new SlackOptions();

    public static IEnumerable<string> Validate(SlackOptions o)
    {
        var hasSecret = !string.IsNullOrWhiteSpace(o.SigningSecret);
        var hasToken = !string.IsNullOrWhiteSpace(o.BotToken);
        if (hasSecret && !hasToken)
        {
            yield return "Slack:BotToken must be set when Slack:SigningSecret is set (both turn Slack on).";
        }

        if (hasToken && !hasSecret)
        {
            yield return "Slack:SigningSecret must be set when Slack:BotToken is set (both turn Slack on).";
        }

        if (hasToken && !o.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return "Slack:BotToken must be a bot token starting with xoxb-.";
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
