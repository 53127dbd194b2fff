using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// The workspace and app this bot serves: <c>Slack:TeamId</c> and <c>Slack:AppId</c> when set, otherwise learnt from
/// Slack with the bot token (<c>auth.test</c> gives the team and the bot, <c>bots.info</c> the bot's app). Learnt once
/// and kept; until Slack has answered, each request asks again rather than letting anything through.
/// </summary>
internal sealed partial class SlackWorkspace(IOptions<SlackOptions> options, SlackApiClient api, ILogger<SlackWorkspace> logger) : IDisposable
{
    private readonly SemaphoreSlim learning = new(1, 1);
    private volatile SlackIdentity? known = Configured(options.Value);

    /// <summary>The identity, or null when it is not configured and Slack did not tell it.</summary>
    public async Task<SlackIdentity?> Identity(CancellationToken ct)
    {
        if (known is { } identity)
        {
            return identity;
        }

        await learning.WaitAsync(ct);
        try
        {
            return known ??= await Learn(ct);
        }
        finally
        {
            learning.Release();
        }
    }

    public void Dispose() => learning.Dispose();

    private static SlackIdentity? Configured(SlackOptions o) =>
        string.IsNullOrWhiteSpace(o.TeamId) || string.IsNullOrWhiteSpace(o.AppId) ? null : new SlackIdentity(o.TeamId, o.AppId);

    private async Task<SlackIdentity?> Learn(CancellationToken ct)
    {
        var team = options.Value.TeamId;
        var app = options.Value.AppId;
        if (string.IsNullOrWhiteSpace(team) || string.IsNullOrWhiteSpace(app))
        {
            if (await api.Call("auth.test", [], ct) is not SlackApiResult.Success auth)
            {
                LogNotLearnt(logger, "auth.test");
                return null;
            }

            team = string.IsNullOrWhiteSpace(team) ? auth.Body.StringProperty("team_id") : team;
            if (string.IsNullOrWhiteSpace(app) && auth.Body.StringProperty("bot_id") is { } bot)
            {
                app = await api.Call("bots.info", new Dictionary<string, string> { ["bot"] = bot }, ct) is SlackApiResult.Success info
                    ? info.Body.ObjectProperty("bot")?.StringProperty("app_id")
                    : null;
            }
        }

        if (string.IsNullOrWhiteSpace(team) || string.IsNullOrWhiteSpace(app))
        {
            LogNotLearnt(logger, string.IsNullOrWhiteSpace(team) ? "auth.test (team_id)" : "bots.info (app_id)");
            return null;
        }

        LogLearnt(logger, team, app);
        return new SlackIdentity(team, app);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: this bot serves workspace {TeamId}, app {AppId}; requests for any other are refused")]
    private static partial void LogLearnt(ILogger logger, string teamId, string appId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: could not learn this bot's workspace and app ({Call} failed); Slack requests are refused until it answers, or set Slack:TeamId and Slack:AppId")]
    private static partial void LogNotLearnt(ILogger logger, string call);
}

internal sealed record SlackIdentity(string TeamId, string AppId);
