using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>Someone opened the bot's Home tab (<c>app_home_opened</c>): it is published afresh for them.</summary>
internal sealed record SlackHomeOpened(string User) : SlackThreadEvent;

internal static partial class SlackEventReader
{
    // Opening the Messages tab sends the same event with tab "messages": nothing is shown there.
    private static SlackThreadEvent ReadHomeOpened(JsonElement opened) =>
        opened.StringProperty("tab") == "home" && opened.StringProperty("user") is { Length: > 0 } user
            ? new SlackHomeOpened(SlackIds.Mention(user))
            : new SlackIgnored("app_home_opened without a user, or not for the Home tab");
}
