using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Core.Runbook;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Runbook;

/// <summary>
/// POSTs the rollback request, signed: <c>X-IncidentBot-Timestamp</c> (unix seconds) and
/// <c>X-IncidentBot-Signature: v1=&lt;hex HMAC-SHA256(secret, "v1:" + timestamp + ":" + body)&gt;</c>.
/// What the webhook answered goes on the timeline; 408, 429, 5xx and timeouts are retried, other refusals are final.
/// </summary>
internal sealed class RollbackWebhookDeliverer(HttpClient http, RollbackFirst rollback, IOptions<RollbackOptions> options, TimeProvider clock) : IOutboxDeliverer
{
    public string Platform => RollbackWebhook.PlatformName;

    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"v1:{timestamp}:").Concat(body).ToArray();
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        var envelope = JsonNode.Parse(message.Payload)!.AsObject();
        var body = Encoding.UTF8.GetBytes(envelope["request"]!.ToJsonString());
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, envelope["url"]!.GetValue<string>()) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-IncidentBot-Timestamp", timestamp);
        request.Headers.Add("X-IncidentBot-Signature", Sign(options.Value.WebhookSecret!, timestamp, body));

        var incident = message.IncidentNumber!.Value;
        try
        {
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            var answer = await Snippet(response, ct);
            if (status is >= 200 and < 300)
            {
                await rollback.WebhookAnswered(incident, "accepted", $"Rollback webhook accepted the request ({status}){answer}", ct);
                return new DeliveryOutcome.Sent(status.ToString(CultureInfo.InvariantCulture));
            }

            if (status is 408 or 429 or >= 500)
            {
                await rollback.WebhookAnswered(incident, "retrying", $"Rollback webhook answered {status}; retrying", ct);
                return new DeliveryOutcome.Retry($"rollback webhook answered {status}", response.Headers.RetryAfter?.Delta);
            }

            await rollback.WebhookAnswered(incident, "refused", $"Rollback webhook refused the request ({status}){answer}", ct);
            return new DeliveryOutcome.Failed($"rollback webhook refused the request ({status})");
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            await rollback.WebhookAnswered(incident, "retrying", $"Rollback webhook did not answer ({(e is TaskCanceledException ? "timeout" : "unreachable")}); retrying", ct);
            return new DeliveryOutcome.Retry($"rollback webhook: {e.GetType().Name}");
        }
    }

    private static async Task<string> Snippet(HttpResponseMessage response, CancellationToken ct)
    {
        var text = (await response.Content.ReadAsStringAsync(ct)).Trim();
        return text.Length == 0 ? "" : ": " + (text.Length > 200 ? text[..200] + "…" : text).ReplaceLineEndings(" ");
    }
}
