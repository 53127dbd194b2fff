using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Status;

/// <summary>
/// Sends queued Statuspage updates: creates the Statuspage incident on the first (keeping its id), patches it after.
/// 2xx is success, 408, 429 and 5xx are retried, any other 4xx is final. Errors never carry the API key.
/// </summary>
internal sealed class StatuspageDeliverer(HttpClient http, SqlStatusStore store, IOptions<StatuspageOptions> options) : IOutboxDeliverer
{
    public string Platform => AtlassianStatuspage.PlatformName;

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        var payload = StatuspagePayload.Deserialize(message.Payload);
        var number = message.IncidentNumber ?? throw new InvalidOperationException($"outbox message {message.MessageKey} names no incident");
        var existing = await store.StatuspageId(number, ct);
        var settings = options.Value;
        var incidents = $"pages/{Uri.EscapeDataString(settings.PageId!)}/incidents";
        // The name on every call: a later title:"..." renames the Statuspage incident too.
        var fields = new JsonObject { ["name"] = payload.Name, ["status"] = payload.Status, ["body"] = payload.Body };

        using var request = new HttpRequestMessage(
            existing is null ? HttpMethod.Post : HttpMethod.Patch,
            new Uri(settings.ApiBase, existing is null ? incidents : $"{incidents}/{Uri.EscapeDataString(existing)}"))
        {
            Content = new StringContent(new JsonObject { ["incident"] = fields }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", settings.ApiKey);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new DeliveryOutcome.Retry($"Statuspage unreachable: {e.GetType().Name}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 when existing is null => await Created(number, response, ct),
                >= 200 and < 300 => new DeliveryOutcome.Sent(existing),
                429 => new DeliveryOutcome.Retry("Statuspage rate-limited", response.Headers.RetryAfter?.Delta),
                408 or >= 500 => new DeliveryOutcome.Retry($"Statuspage answered {status}"),
                _ => new DeliveryOutcome.Failed($"Statuspage refused the update ({status} {response.StatusCode}): {await Reason(response, ct)}"),
            };
        }
    }

    private async Task<DeliveryOutcome> Created(long number, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        string? id = null;
        try
        {
            id = JsonNode.Parse(body)?["id"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Handled below: without an id the later updates could not patch it.
        }

        if (string.IsNullOrEmpty(id))
        {
            // Not retried: the incident exists on Statuspage, and trying again would open a second one.
            return new DeliveryOutcome.Failed("Statuspage created the incident but its answer had no id");
        }

        await store.SetStatuspageId(number, id, ct);
        return new DeliveryOutcome.Sent(id);
    }

    private static async Task<string> Reason(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Length > 300 ? body[..300] : body;
    }
}
