using System.Text.Json;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using IncidentBot.Delivery;

namespace IncidentBot.Status;

/// <summary>
/// Atlassian Statuspage through the outbox: one Statuspage incident per incident of ours, created by the first update
/// and patched by the later ones (<see cref="StatuspageDeliverer"/> decides which, at delivery). Queued in one order
/// per incident, so the creation always goes out before its patches.
/// </summary>
internal sealed class AtlassianStatuspage(Outbox outbox, OutboxSignal signal) : IStatusPublisher
{
    public const string PlatformName = "statuspage";

    public async Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        // The core gives a public publisher published incidents only; checked again, as the last door before the internet.
        if (!incident.IsPublished)
        {
            return;
        }

        var payload = new StatuspagePayload(incident.PublicTitle!, update.Stage.ToString().ToLowerInvariant(), update.PublicMessage);
        var draft = new OutboxDraft(
            PlatformName,
            $"statuspage:{incident.Id}:{update.Key}:{payload.Status}",
            $"statuspage:{incident.Id}",
            "update",
            payload.Serialize(),
            incident.Number);
        if (await outbox.Enqueue(draft, ct))
        {
            signal.Notify(PlatformName);
        }
    }
}

/// <summary>
/// A queued Statuspage update: only public text (the page id and the API key are read from the options when it is
/// sent, so neither sits in the database). <see cref="Name"/> is the public title, never the internal one.
/// </summary>
internal sealed record StatuspagePayload(string Name, string Status, string Body)
{
    public string Serialize() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static StatuspagePayload Deserialize(string json) =>
        JsonSerializer.Deserialize<StatuspagePayload>(json, JsonSerializerOptions.Web)
        ?? throw new JsonException("empty Statuspage outbox payload");
}
