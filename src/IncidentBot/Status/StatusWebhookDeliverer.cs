using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Status;

/// <summary>
/// POSTs a status update to a <c>Notify:Webhooks</c> URL, signed with <c>Notify:WebhookSecret</c>
/// (<see cref="SignedWebhook"/>). 408, 429, 5xx and timeouts are retried; other refusals are final and logged.
/// </summary>
internal sealed class StatusWebhookDeliverer(HttpClient http, IOptions<NotifyOptions> options, TimeProvider clock) : IOutboxDeliverer
{
    public string Platform => StatusWebhooks.PlatformName;

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        var envelope = JsonNode.Parse(message.Payload)!.AsObject();
        var body = Encoding.UTF8.GetBytes(envelope["request"]!.ToJsonString());
        using var request = SignedWebhook.Post(envelope["url"]!.GetValue<string>(), body, options.Value.WebhookSecret!, clock.GetUtcNow());
        try
        {
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new DeliveryOutcome.Sent(status.ToString(CultureInfo.InvariantCulture)),
                408 or 429 or >= 500 => new DeliveryOutcome.Retry($"status webhook answered {status}", response.Headers.RetryAfter?.Delta),
                _ => new DeliveryOutcome.Failed($"status webhook refused the update ({status})"),
            };
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new DeliveryOutcome.Retry($"status webhook: {e.GetType().Name}");
        }
    }
}
