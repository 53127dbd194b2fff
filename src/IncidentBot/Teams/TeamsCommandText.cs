namespace IncidentBot.Teams;

/// <summary>
/// The command text of a Teams message, after the bot's mention is stripped: people write
/// <c>@IncidentBot outage Checkout is down</c>, so a leading <c>outage</c> (or <c>/outage</c>, from habit) is the
/// command's name, not part of the summary. What follows is the same grammar as Slack's <c>/outage</c> text.
/// </summary>
internal static class TeamsCommandText
{
    private static readonly string[] Prefixes = ["outage", "/outage"];

    public static string Of(string text)
    {
        var trimmed = text.Trim();
        foreach (var prefix in Prefixes)
        {
            if (trimmed.Equals(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return "";
            }

            if (trimmed.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[(prefix.Length + 1)..].Trim();
            }
        }

        return trimmed;
    }
}
