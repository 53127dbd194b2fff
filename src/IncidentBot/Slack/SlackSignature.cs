using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Slack;

internal enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Mismatch,
}

/// <summary>
/// Slack's v0 request signature: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c>, keyed with the
/// signing secret as UTF-8. The body is hashed as received: any re-encoding would break valid signatures.
/// </summary>
internal static class SlackSignature
{
    private const string Version = "v0";

    private const int HashBytes = 32;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    // Slack's documented replay window; future timestamps count too, so a skewed clock cannot widen it.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static SignatureCheck Verify(string signingSecret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> rawBody, DateTimeOffset now)
    {
        // An empty secret would make every signature computable by anyone: a configuration error, not a request's.
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrEmpty(signatureHeader) || string.IsNullOrEmpty(timestampHeader)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Missing;
        }

        if (seconds > MaxUnixSeconds || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return SignatureCheck.Stale;
        }

        // Compared as 32 bytes of MAC, computed without building the hex string: this runs for every request in a storm.
        Span<byte> given = stackalloc byte[HashBytes];
        if (!TryReadHex(signatureHeader, given))
        {
            return SignatureCheck.Mismatch;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        Mac(signingSecret, timestampHeader, rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[HashBytes];
        Mac(secret, timestamp, body, mac);
        return $"{Version}={Convert.ToHexStringLower(mac)}";
    }

    private static void Mac(string secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(mac);
    }

    /// <summary>"v0=" and exactly 64 lower-case hex digits, as Slack sends them; anything else cannot match.</summary>
    private static bool TryReadHex(string header, Span<byte> mac)
    {
        var hex = header.AsSpan();
        if (!hex.StartsWith(Version + "=", StringComparison.Ordinal) || hex.Length != Version.Length + 1 + (2 * HashBytes))
        {
            return false;
        }

        hex = hex[(Version.Length + 1)..];
        return !hex.ContainsAnyExcept(LowerHex) && Convert.FromHexString(hex, mac, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == HashBytes;
    }
}
