using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IncidentBot.Slack;

/// <summary>
/// Calls Slack's Web API and response URLs and classifies the answer. The <see cref="HttpClient"/> arrives with its
/// base address and bearer token set; nothing here logs requests, so the token cannot leak into logs.
/// </summary>
internal sealed partial class SlackApiClient(HttpClient http)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(15);
    private static readonly HashSet<string> TransientErrors =
        ["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "timeout"];

    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");

    public async Task<SlackApiResult> Call(string method, JsonObject arguments, CancellationToken ct)
    {
        // A method name is the last path segment; anything else could point the bearer token somewhere else.
        if (!MethodName().IsMatch(method))
        {
            throw new ArgumentException($"'{method}' is not a Slack Web API method name.", nameof(method));
        }

        return await Send(new Uri(method, UriKind.Relative), Json(arguments), ReadApiResponse, ct);
    }

    /// <summary>A method without arguments, such as <c>apps.connections.open</c>, sent as Slack documents it: an empty form.</summary>
    public Task<SlackApiResult> Call(string method, CancellationToken ct) => Call(method, new Dictionary<string, string>(), ct);

    /// <summary>A method that takes its arguments only as a form (read methods such as <c>chat.getPermalink</c> refuse JSON).</summary>
    public Task<SlackApiResult> Call(string method, IReadOnlyDictionary<string, string> form, CancellationToken ct) =>
        MethodName().IsMatch(method)
            ? Send(new Uri(method, UriKind.Relative), () => new FormUrlEncodedContent(form), ReadApiResponse, ct)
            : throw new ArgumentException($"'{method}' is not a Slack Web API method name.", nameof(method));

    public async Task<SlackApiResult> PostToResponseUrl(Uri responseUrl, JsonObject message, CancellationToken ct)
    {
        // The client carries the bot token on every request, so it only ever goes to Slack itself (or a test server).
        if (!SlackResponseUrls.IsTrusted(responseUrl, http.BaseAddress))
        {
            return new SlackApiResult.Permanent("untrusted_url");
        }

        return await Send(responseUrl, Json(message), ReadResponseUrlResponse, ct);
    }

    private async Task<SlackApiResult> Send(
        Uri url, Func<HttpContent> body, Func<HttpResponseMessage, CancellationToken, Task<SlackApiResult>> read, CancellationToken ct)
    {
        try
        {
            using var content = body();
            using var response = await http.PostAsync(url, content, ct);
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => new SlackApiResult.RateLimited(RetryAfter(response.Headers.RetryAfter)),
                HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError => new SlackApiResult.Transient($"http_{(int)response.StatusCode}"),
                _ => await read(response, ct),
            };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SlackApiResult.Transient("timeout");
        }
        catch (HttpRequestException e)
        {
            return new SlackApiResult.Transient($"network_error: {e.HttpRequestError}");
        }
        catch (IOException)
        {
            return new SlackApiResult.Transient("network_error: body read failed");
        }
    }

    private static Func<HttpContent> Json(JsonObject body) => () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<SlackApiResult> ReadApiResponse(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            return new SlackApiResult.Permanent($"http_{(int)response.StatusCode}");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (!SlackJson.TryParse(bytes, out var root) || root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return new SlackApiResult.Transient("invalid_response");
        }

        if (ok.ValueKind == JsonValueKind.True)
        {
            return new SlackApiResult.Success(root);
        }

        var error = root.StringProperty("error") ?? "unknown_error";
        return TransientErrors.Contains(error) ? new SlackApiResult.Transient(error) : new SlackApiResult.Permanent(error);
    }

    private static async Task<SlackApiResult> ReadResponseUrlResponse(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return new SlackApiResult.Permanent("expired_url");
        }

        if (!response.IsSuccessStatusCode)
        {
            return new SlackApiResult.Permanent($"http_{(int)response.StatusCode}");
        }

        // Response URLs answer with a bare "ok" as often as with JSON.
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        return new SlackApiResult.Success(SlackJson.TryParse(bytes, out var root) ? root : EmptyObject);
    }

    private static TimeSpan RetryAfter(RetryConditionHeaderValue? header)
    {
        // Slack sends seconds; a date, a missing or garbled header all get the SDKs' default wait.
        if (header?.Delta is not { } delta || delta < TimeSpan.Zero)
        {
            return DefaultRetryAfter;
        }

        return delta > MaxRetryAfter ? MaxRetryAfter : delta;
    }

    [GeneratedRegex(@"^[A-Za-z]+(\.[A-Za-z]+)+$")]
    private static partial Regex MethodName();
}
