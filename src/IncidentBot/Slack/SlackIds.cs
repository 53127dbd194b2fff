namespace IncidentBot.Slack;

/// <summary>People travel through the core as <c>&lt;@U123&gt;</c>; Slack's API wants the bare id.</summary>
internal static class SlackIds
{
    public static string Mention(string userId) => $"<@{userId}>";

    public static string UserId(string person) =>
        person.StartsWith("<@", StringComparison.Ordinal) && person.EndsWith('>') ? person[2..^1] : person;
}
