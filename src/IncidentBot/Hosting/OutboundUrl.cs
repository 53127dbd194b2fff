namespace IncidentBot.Hosting;

/// <summary>
/// The rule for every URL the bot sends a secret to (a token, an API key, a signature): https, or plain http only to
/// a loopback address (a fake server in tests, a tunnel's local end). Anything else would put the secret on the wire.
/// </summary>
internal static class OutboundUrl
{
    public static bool IsSecure(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    /// <summary>The start-up error for a setting that breaks the rule, naming it and its value.</summary>
    public static string Problem(string setting, string? value) =>
        $"{setting} must be an https URL (plain http only on a loopback address such as 127.0.0.1), was '{value}'.";
}
