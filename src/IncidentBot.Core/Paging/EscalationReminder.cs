using System.Globalization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Paging;

/// <summary>A page went unanswered: page the next level, unless the incident was acknowledged or resolved meanwhile.</summary>
public sealed class EscalationReminder(IIncidentStore incidents, Roster roster, PageOwners pageOwners, PagingPolicy policy) : IReminderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = [ReminderKinds.Escalate];

    public async Task Fire(Reminder reminder, CancellationToken ct)
    {
        if (reminder.Kind != ReminderKinds.Escalate
            || await incidents.Find(reminder.IncidentNumber, ct) is not { IsOpen: true, AcknowledgedAt: null } incident
            || incident.Area is null
            || !roster.Registry.Areas.TryGetValue(incident.Area, out var area)
            || !int.TryParse(reminder.Data, NumberStyles.None, CultureInfo.InvariantCulture, out var level))
        {
            return;
        }

        await pageOwners.Page(incident, area, (PageLevel)level, $"nobody acknowledged within {policy.AckTimeout.TotalMinutes:0} min", ct);
    }
}
