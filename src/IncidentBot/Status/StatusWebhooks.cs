using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Status;

/// <summary>
/// <c>Notify:Webhooks</c>: every public status update, as JSON, to each URL (a social-posting or e-mail tool), signed
/// like the rollback webhook and queued in the outbox like a message. A public place: it gets published incidents
/// only, under their public title, and nothing internal.
/// </summary>
internal sealed class StatusWebhooks(Outbox outbox, OutboxSignal signal, IOptions<NotifyOptions> options) : IStatusPublisher
{
    public const string PlatformName = "status-webhook";

    public async Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        var webhooks = options.Value.Webhooks;
        for (var i = 0; i < webhooks.Count; i++)
        {
            var body = new JsonObject
            {
                ["url"] = webhooks[i],
                ["request"] = new JsonObject
                {
                    ["incident"] = incident.Id,
                    ["title"] = incident.PublicTitle,
                    ["status"] = update.Stage.ToString().ToLowerInvariant(),
                    ["message"] = update.PublicMessage,
                    ["at"] = update.At.ToString("O", CultureInfo.InvariantCulture),
                },
            };
            var key = $"{incident.Id}:{update.Key}:{update.Stage}:webhook:{i}";
            if (await outbox.Enqueue(new OutboxDraft(PlatformName, key, $"{PlatformName}:{i}", "webhook", body.ToJsonString(), incident.Number), ct))
            {
                signal.Notify(PlatformName);
            }
        }
    }
}
