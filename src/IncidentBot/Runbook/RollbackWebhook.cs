using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Runbook;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Runbook;

/// <summary>"Roll back now" calls the area's rollback webhook (or the global one), queued and retried like a message.</summary>
internal sealed class RollbackWebhook(Outbox outbox, OutboxSignal signal, IOptions<RollbackOptions> options, TimeProvider clock) : IRollbackTrigger
{
    public const string PlatformName = "rollback";

    public bool IsConfigured(Incident incident) => UrlFor(incident) is not null;

    public async Task Request(Incident incident, string requestedBy, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["url"] = UrlFor(incident),
            ["request"] = new JsonObject
            {
                ["incident"] = incident.Id,
                ["title"] = incident.Title,
                ["area"] = incident.Area,
                ["requestedBy"] = requestedBy,
                ["requestedAt"] = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        var draft = new OutboxDraft(PlatformName, $"rollback:{incident.Id}", $"rollback:{incident.Id}", "webhook", body.ToJsonString(), incident.Number);
        if (await outbox.Enqueue(draft, ct))
        {
            signal.Notify(PlatformName);
        }
    }

    private string? UrlFor(Incident incident)
    {
        var o = options.Value;
        var url = incident.Area is { } area && o.Areas.TryGetValue(area, out var perArea) ? perArea : o.WebhookUrl;
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }
}
