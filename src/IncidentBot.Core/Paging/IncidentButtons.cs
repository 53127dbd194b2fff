using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Paging;

/// <summary>
/// Button presses from any platform. A press on an old message, for an incident that is gone or already handled,
/// gets an answer saying so and changes nothing.
/// </summary>
public sealed class IncidentButtons(IIncidentStore incidents, Ownership ownership, AreaOnDeclare areas, ChatPlatforms platforms)
{
    public const string Acknowledge = "ack";
    public const string ChooseArea = "area";

    public async Task Press(CommandContext context, string action, string value, CancellationToken ct)
    {
        var answer = await Answer(context, action, value, ct);
        await platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", answer), ct);
    }

    private async Task<string> Answer(CommandContext context, string action, string value, CancellationToken ct)
    {
        var parts = value.Split(':', 2);
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || await incidents.Find(number, ct) is not { } incident)
        {
            return "That button belongs to an incident this bot does not know.";
        }

        return action switch
        {
            Acknowledge => await ownership.Acknowledge(incident, context.User, ct),
            ChooseArea when parts.Length == 2 && incident.IsOpen => await areas.Choose(incident, parts[1], ct),
            ChooseArea => $"{incident.Id} is resolved.",
            _ => $"That button ('{action}') is not one this version knows.",
        };
    }
}
