using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Paging;

/// <summary>Posts queued PagerDuty events; 202 is success, 408, 429 and 5xx are retried, any other 4xx is final.</summary>
internal sealed class PagerDutyDeliverer(HttpClient http, IOptions<PagingOptions> options) : IOutboxDeliverer
{
    public string Platform => PagerDutyPager.PlatformName;

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        using var content = new StringContent(message.Payload, System.Text.Encoding.UTF8, "application/json");
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

    private static async Task<string> Reason(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Length > 300 ? body[..300] : body;
    }

}
