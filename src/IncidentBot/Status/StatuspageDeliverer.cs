using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Status;

/// <summary>
/// Sends queued Statuspage updates: creates the Statuspage incident on the first (keeping its id), patches it after.
/// 2xx is success, 408, 429 and 5xx are retried, any other 4xx is final. Errors never carry the API key. A created
/// incident carries our incident id in its metadata, so a creation whose answer was lost is found among the page's
/// unresolved incidents on the retry instead of being created twice.
/// </summary>
internal sealed class StatuspageDeliverer(HttpClient http, SqlStatusStore store, IOptions<StatuspageOptions> options) : IOutboxDeliverer
{
    /// <summary>Our key in a Statuspage incident's metadata.</summary>
    public const string MetadataKey = "incidentbot";

    public string Platform => AtlassianStatuspage.PlatformName;

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        var payload = StatuspagePayload.Deserialize(message.Payload);
        var number = message.IncidentNumber ?? throw new InvalidOperationException($"outbox message {message.MessageKey} names no incident");
        var settings = options.Value;
        var incidents = $"pages/{Uri.EscapeDataString(settings.PageId!)}/incidents";
        var existing = await store.StatuspageId(number, ct);
        if (existing is null && message.MaybeSent)
        {
            // An earlier creation's outcome is unknown: it may exist already.
            switch (await CreatedEarlier(incidents, IncidentId.Format(number), ct))
            {
                case DeliveryOutcome.Sent { Result: { } found }:
                    await store.SetStatuspageId(number, found, ct);
                    existing = found;
                    break;
                case DeliveryOutcome.Retry retry:
                    return retry;
            }
        }

        // The name on every call: a later title:"..." renames the Statuspage incident too.
        var fields = new JsonObject { ["name"] = payload.Name, ["status"] = payload.Status, ["body"] = payload.Body };
        if (existing is null)
        {
            fields["metadata"] = new JsonObject { [MetadataKey] = new JsonObject { ["incident_id"] = IncidentId.Format(number) } };
        }

        using var request = new HttpRequestMessage(
            existing is null ? HttpMethod.Post : HttpMethod.Patch,
            new Uri(settings.ApiBase, existing is null ? incidents : $"{incidents}/{Uri.EscapeDataString(existing)}"))
        {
            Content = new StringContent(new JsonObject { ["incident"] = fields }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        Authorize(request);

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
                429 => new DeliveryOutcome.Retry("Statuspage rate-limited", response.Headers.RetryAfter?.Delta, NotSent: true),
                408 or >= 500 => new DeliveryOutcome.Retry($"Statuspage answered {status}"),
                _ => new DeliveryOutcome.Failed($"Statuspage refused the update ({status} {response.StatusCode}): {await Reason(response, ct)}"),
            };
        }
    }

    /// <summary>Sent with the Statuspage id when our incident is among the page's unresolved ones; null when it is not.</summary>
    private async Task<DeliveryOutcome?> CreatedEarlier(string incidents, string incidentId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.ApiBase, $"{incidents}/unresolved"));
        Authorize(request);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return new DeliveryOutcome.Retry($"Statuspage answered {(int)response.StatusCode} to the look-up of an earlier creation", NotSent: true);
            }

            var listed = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonArray ?? [];
            var found = listed.FirstOrDefault(i => i?["metadata"]?[MetadataKey]?["incident_id"]?.GetValue<string>() == incidentId);
            return found?["id"]?.GetValue<string>() is { } id ? new DeliveryOutcome.Sent(id) : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new DeliveryOutcome.Retry($"Statuspage could not say whether the incident exists: {e.GetType().Name}", NotSent: true);
        }
    }

    private void Authorize(HttpRequestMessage request) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", options.Value.ApiKey);

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
