namespace IncidentBot.Slack;

/// <summary>People travel through the core as <c>&lt;@U123&gt;</c>; Slack's API wants the bare id.</summary>
internal static class SlackIds
{
    public static string Mention(string userId) => $"<@{userId}>";

    /// <summary>
    /// Whether a channel is private: older workspaces give private channels ids starting with G; newer ones use C for
    /// both, and only say so by name: a slash command's <c>channel_name</c> is <c>privategroup</c>, an event's
    /// <c>channel_type</c> is <c>group</c>.
    /// </summary>
    public static bool IsPrivateChannel(string channelId, string? channelNameOrType) =>
        channelId.StartsWith('G') || channelNameOrType is "privategroup" or "group";

    public static string UserId(string person) =>
        person.StartsWith("<@", StringComparison.Ordinal) && person.EndsWith('>') ? person[2..^1] : person;
}
