using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Hosting;

/// <summary>
/// How the bot signs what it POSTs to webhooks (rollback, status updates) and checks what alert sources sign:
/// <c>X-IncidentBot-Timestamp</c> (unix seconds) and
/// <c>X-IncidentBot-Signature: v1=&lt;hex HMAC-SHA256(secret, "v1:" + timestamp + ":" + body)&gt;</c>.
/// </summary>
internal static class SignedWebhook
{
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"v1:{timestamp}:").Concat(body).ToArray();
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>A JSON POST of <paramref name="body"/> to <paramref name="url"/>, signed at <paramref name="now"/>.</summary>
    public static HttpRequestMessage Post(string url, byte[] body, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-IncidentBot-Timestamp", timestamp);
        request.Headers.Add("X-IncidentBot-Signature", Sign(secret, timestamp, body));
        return request;
    }
}
