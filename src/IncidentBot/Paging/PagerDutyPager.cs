using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
using IncidentBot.Delivery;

namespace IncidentBot.Paging;

/// <summary>
/// PagerDuty Events API v2 through the outbox: one alert per incident (the dedup key is the incident id), triggered
/// on the first page and resolved with the incident. The queued event names the area, not its routing key: the key is a
/// secret, so <see cref="PagerDutyDeliverer"/> looks it up in the registry when it sends.
/// </summary>
internal sealed class PagerDutyPager(Outbox outbox, OutboxSignal signal) : IExternalPager
{
    public const string PlatformName = "pagerduty";

    public Task Trigger(Incident incident, Area area, CancellationToken ct) => Queue(incident, area, "trigger", ct);

    public Task Resolve(Incident incident, Area area, CancellationToken ct) => Queue(incident, area, "resolve", ct);

    private async Task Queue(Incident incident, Area area, string action, CancellationToken ct)
    {
        var body = new JsonObject
        {
            [PagerDutyDeliverer.AreaField] = area.Key,
            ["event_action"] = action,
            ["dedup_key"] = $"incidentbot-{incident.Id}",
        };
        if (action == "trigger")
        {
            body["payload"] = new JsonObject
            {
                ["summary"] = $"{incident.Id} {ThreadRoot.TitlePrefix}{incident.Title}",
                ["source"] = "IncidentBot",
                ["severity"] = incident.Severity is 1 or 2 ? "critical" : "error",
                ["component"] = area.Key,
            };
        }

        var draft = new OutboxDraft(PlatformName, $"pagerduty:{incident.Id}:{action}", $"pagerduty:{incident.Id}", action, body.ToJsonString(), incident.Number);
        if (await outbox.Enqueue(draft, ct))
        {
            signal.Notify(PlatformName);
        }
    }
}
