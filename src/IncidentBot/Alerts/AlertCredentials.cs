using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Hosting;

namespace IncidentBot.Alerts;

/// <summary>
/// Checks an alert source's credential: its bearer token, or its HMAC signature made the way the bot signs rollback
/// requests (<c>X-IncidentBot-Timestamp</c>, <c>X-IncidentBot-Signature: v1=&lt;hex&gt;</c>), at most five minutes old.
/// Comparisons are constant-time; nothing about the secret goes into the answer.
/// </summary>
internal static class AlertCredentials
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Null when the request carries the source's credential, else what is wrong with it.</summary>
    public static string? Problem(HttpRequest request, AlertSourceOptions source, byte[] body, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(source.Token))
        {
            var header = request.Headers.Authorization.ToString();
            var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
            return Same(given, source.Token) ? null : "Send Authorization: Bearer <the source's token>.";
        }

        var timestamp = request.Headers["X-IncidentBot-Timestamp"].ToString();
        var signature = request.Headers["X-IncidentBot-Signature"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "Send X-IncidentBot-Timestamp (unix seconds) and X-IncidentBot-Signature.";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxAge)
        {
            return "X-IncidentBot-Timestamp is more than five minutes away from the bot's clock.";
        }

        return Same(signature, SignedWebhook.Sign(source.Secret!, timestamp, body)) ? null : "X-IncidentBot-Signature does not match the body.";
    }

    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
