namespace IncidentBot.Dashboard.Access;

/// <summary>
/// Section <c>Dashboard</c>. Without <see cref="Oidc"/> people sign in to <c>/ui</c> with <c>Api:Token</c>; with it,
/// through the OpenID Connect provider as well (Entra ID, Google, Okta, Keycloak: any that publishes discovery).
/// </summary>
internal sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public OidcOptions Oidc { get; set; } = new();

    /// <summary>How long a sign-in lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public static IEnumerable<string> Validate(DashboardOptions o, bool isDevelopment)
    {
        if (o.SessionLifetime < TimeSpan.FromMinutes(1) || o.SessionLifetime > TimeSpan.FromDays(30))
        {
            yield return $"Dashboard:SessionLifetime must be between 00:01:00 and 30.00:00:00, was {o.SessionLifetime}.";
        }

        foreach (var error in o.Oidc.Validate(isDevelopment))
        {
            yield return error;
        }
    }
}

/// <summary><c>Dashboard:Oidc</c>: all three settings, or none.</summary>
internal sealed class OidcOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(ClientSecret);

    public IEnumerable<string> Validate(bool isDevelopment)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        var missing = new[] { (nameof(Authority), Authority), (nameof(ClientId), ClientId), (nameof(ClientSecret), ClientSecret) }
            .Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => "Dashboard:Oidc:" + s.Item1).ToList();
        if (missing.Count > 0)
        {
            yield return $"OpenID Connect sign-in needs Dashboard:Oidc:Authority, :ClientId and :ClientSecret together; {string.Join(", ", missing)} not set.";
        }

        if (!string.IsNullOrWhiteSpace(Authority)
            && (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(isDevelopment && uri.IsLoopback))))
        {
            yield return $"Dashboard:Oidc:Authority must be an absolute https URL (the issuer, e.g. https://login.example.com/realms/ops), was '{Authority}'.";
        }
    }
}
