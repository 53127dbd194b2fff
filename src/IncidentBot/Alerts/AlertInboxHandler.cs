using System.Text;
using IncidentBot.Core.Alerts;
using IncidentBot.Delivery;

namespace IncidentBot.Alerts;

/// <summary>A stored alert payload, read again and handed to the core one alert at a time, in the order the source sent them.</summary>
internal sealed class AlertInboxHandler(ReceiveAlert receive) : IInboxHandler
{
    public string Platform => AlertEndpoint.InboxPlatform;

    public async Task Handle(InboxItem item, CancellationToken ct)
    {
        // Checked when it arrived, so a problem now means the stored row was changed: retried, then set aside.
        var parsed = AlertPayloads.Parse(item.Kind, Encoding.UTF8.GetBytes(item.Body));
        if (parsed.Problem is { } problem)
        {
            throw new InvalidOperationException($"Stored {item.Kind} alert payload no longer parses: {problem}");
        }

        foreach (var alert in parsed.Alerts)
        {
            await receive.Handle(alert, ct);
        }
    }
}
