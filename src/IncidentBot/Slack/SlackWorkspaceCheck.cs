namespace IncidentBot.Slack;

/// <summary>
/// Whether a verified request is for this bot's workspace and app. The signing secret proves Slack sent it, not that
/// it is for us: an app installed in several workspaces, or a second app sharing the secret, must not reach our
/// incidents. A request that does not say which workspace or app it is for is refused too.
/// </summary>
internal static class SlackWorkspaceCheck
{
    /// <summary>Null when the request is for <paramref name="identity"/>; otherwise why not, for the log and the answer.</summary>
    public static string? Mismatch(SlackRequest request, SlackIdentity identity)
    {
        var (team, app) = request switch
        {
            SlackSlashCommand command => (command.TeamId, command.ApiAppId),
            SlackEventCallback callback => (callback.TeamId, callback.ApiAppId),
            SlackInteraction interaction => (interaction.Payload.ObjectProperty("team")?.StringProperty("id"), interaction.Payload.StringProperty("api_app_id")),
            _ => (identity.TeamId, identity.AppId),
        };
        return team != identity.TeamId ? $"it is for workspace '{team ?? "(none)"}', not this bot's"
            : app != identity.AppId ? $"it is for app '{app ?? "(none)"}', not this bot's"
            : null;
    }
}
