using System.Text.Json.Nodes;
using IncidentBot.Core.Registry;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Paging;

/// <summary>
/// Posts queued PagerDuty events; 202 is success, 408, 429 and 5xx are retried, any other 4xx is final. The routing key is
/// added here from the registry (the stored event names only the area), so it is never written to the database.
/// </summary>
internal sealed class PagerDutyDeliverer(HttpClient http, IOptions<PagingOptions> options, IRegistrySource registry) : IOutboxDeliverer
{
    /// <summary>The field of a queued event naming the area whose routing key it is sent with; not sent to PagerDuty.</summary>
    public const string AreaField = "incidentbot_area";

    public string Platform => PagerDutyPager.PlatformName;

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        var body = JsonNode.Parse(message.Payload)!.AsObject();
        if (WithRoutingKey(body) is { } problem)
        {
            return new DeliveryOutcome.Failed(problem);
        }

        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(options.Value.PagerDutyUrl), content, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new DeliveryOutcome.Retry($"PagerDuty unreachable: {e.GetType().Name}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new DeliveryOutcome.Sent(null),
                429 => new DeliveryOutcome.Retry("PagerDuty rate-limited", response.Headers.RetryAfter?.Delta),
                408 or >= 500 => new DeliveryOutcome.Retry($"PagerDuty answered {status}"),
                _ => new DeliveryOutcome.Failed($"PagerDuty refused the event ({status} {response.StatusCode}): {await Reason(response, ct)}"),
            };
        }
    }

    /// <summary>Replaces the area with its routing key; an event queued by an older version already carries the key.</summary>
    private string? WithRoutingKey(JsonObject body)
    {
        if (body.ContainsKey("routing_key"))
        {
            return null;
        }

        var area = body[AreaField]?.GetValue<string>() ?? "";
        if (!registry.Current.Areas.TryGetValue(area, out var known) || known.PagerDutyRoutingKey is not { Length: > 0 } routingKey)
        {
            return $"area '{area}' has no pagerduty_routing_key in the registry any more";
        }

        body.Remove(AreaField);
        body["routing_key"] = routingKey;
        return null;
    }

    private static async Task<string> Reason(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Length > 300 ? body[..300] : body;
    }

}
