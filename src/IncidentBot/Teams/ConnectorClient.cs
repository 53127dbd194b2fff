using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace IncidentBot.Teams;

/// <summary>
/// Calls the Bot Connector REST API at a conversation's serviceUrl (protocols.md T3). The bot token is only ever
/// attached for trusted serviceUrls (Teams' own hosts, plus configured ones), so a forged serviceUrl cannot collect
/// it; nothing here logs requests or tokens.
/// </summary>
internal sealed class ConnectorClient(HttpClient http, IBotTokenSource tokens, IOptions<TeamsOptions> options)
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(15);
    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");

    /// <summary><c>POST v3/conversations</c>: a new channel reply chain, or a 1:1 chat.</summary>
    public Task<ConnectorResult> CreateConversation(string serviceUrl, JsonObject parameters, CancellationToken ct) =>
        Post(serviceUrl, "v3/conversations", parameters, ct);

    /// <summary><c>POST v3/conversations/{id}/activities</c>: a message in the conversation (or reply chain).</summary>
    public Task<ConnectorResult> Send(string serviceUrl, string conversationId, JsonObject activity, CancellationToken ct) =>
        Post(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, ct);

    /// <summary>
    /// <c>GET v3/conversations/{id}/members/{user}</c>: one member of a conversation (its roster entry, with
    /// <c>userRole</c>); a 404 means they are not in it.
    /// </summary>
    public Task<ConnectorResult> GetMember(string serviceUrl, string conversationId, string userId, CancellationToken ct) =>
        Send(HttpMethod.Get, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(userId)}", null, ct);

    /// <summary>
    /// Scheme, host and port equal to a trusted entry's; a prefix match would trust <c>https://smba.trafficmanager.net.evil.example/</c>
    /// for an entry without its trailing slash. Also with AllowUnauthenticated: a forged serviceUrl must not make the
    /// bot post incident text anywhere.
    /// </summary>
    public bool IsTrusted(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
        && options.Value.AllTrustedServiceUrls.Any(entry => SameOrigin(url, entry));

    private static bool SameOrigin(Uri url, string entry) =>
        Uri.TryCreate(entry, UriKind.Absolute, out var trusted)
        && url.Scheme == trusted.Scheme
        && url.Port == trusted.Port
        && string.Equals(url.IdnHost, trusted.IdnHost, StringComparison.OrdinalIgnoreCase);

    private Task<ConnectorResult> Post(string serviceUrl, string path, JsonObject body, CancellationToken ct) =>
        Send(HttpMethod.Post, serviceUrl, path, body, ct);

    private async Task<ConnectorResult> Send(HttpMethod method, string serviceUrl, string path, JsonObject? body, CancellationToken ct)
    {
        if (!IsTrusted(serviceUrl))
        {
            return new ConnectorResult.Permanent($"untrusted serviceUrl {serviceUrl}");
        }

        try
        {
            var url = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
            using var request = new HttpRequestMessage(method, url)
            {
                Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            if (await tokens.Token(ct) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, ct);
            return await Classify(response, ct);
        }
        catch (MsalException e)
        {
            // Entra ID unreachable or refusing (a wrong secret): retried, so fixing the secret delivers what waited.
            return new ConnectorResult.Transient($"token: {e.ErrorCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ConnectorResult.Transient("timeout");
        }
        catch (HttpRequestException e)
        {
            return new ConnectorResult.Transient($"network_error: {e.HttpRequestError}");
        }
    }

    private static async Task<ConnectorResult> Classify(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return new ConnectorResult.Success(TryParse(bytes) ?? EmptyObject);
        }

        var operation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? $" (operation {ids.First()})" : "";
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new ConnectorResult.RateLimited(RetryAfter(response.Headers.RetryAfter)),
            HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError =>
                new ConnectorResult.Transient($"http_{status}{operation}"),
            _ => new ConnectorResult.Permanent($"http_{status} {await ErrorCode(response, ct)}{operation}".TrimEnd()),
        };
    }

    private static async Task<string> ErrorCode(HttpResponseMessage response, CancellationToken ct)
    {
        var body = TryParse(await response.Content.ReadAsByteArrayAsync(ct));
        return body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("error", out var error)
            && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code) ? code.ToString() : "";
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta is { } delta && delta >= TimeSpan.Zero ? (delta > MaxRetryAfter ? MaxRetryAfter : delta) : null;

    private static JsonElement? TryParse(byte[] bytes)
    {
        try
        {
            return bytes.Length == 0 ? null : JsonElement.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
