namespace IncidentBot.Teams;

/// <summary>
/// Section <c>Teams</c>. Teams is on when <see cref="AppId"/> is set, or when <see cref="AllowUnauthenticated"/> is
/// (Development only, for the Bot Framework Emulator).
/// </summary>
internal sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>Where the Teams data centres live: every Teams serviceUrl is on one of these hosts (plus GCC and GCC-High).</summary>
    public static readonly IReadOnlyList<string> DefaultTrustedServiceUrls =
    [
        "https://smba.trafficmanager.net/",
        "https://smba.infra.gcc.teams.microsoft.com/",
        "https://smba.infra.gov.teams.microsoft.us/",
    ];

    /// <summary>The documented fallback when no activity has told us a serviceUrl yet.</summary>
    public const string FallbackServiceUrl = "https://smba.trafficmanager.net/teams/";

    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant of a single-tenant bot; unset means the legacy multi-tenant authority.</summary>
    public string? TenantId { get; set; }

    /// <summary>Teams channel id (<c>19:…@thread.tacv2</c>) for <c>[Outage]</c> conversations; unset: the command's channel.</summary>
    public string? IncidentChannel { get; set; }

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public bool AllowUnauthenticated { get; set; }

    /// <summary>Where outbound tokens come from; unset: <c>https://login.microsoftonline.com/{TenantId or botframework.com}</c>.</summary>
    public string? TokenAuthority { get; set; }

    /// <summary>
    /// serviceUrls allowed besides <see cref="DefaultTrustedServiceUrls"/> (tests add a loopback connector, a developer the
    /// Bot Framework Emulator); matched on scheme, host and port exactly.
    /// </summary>
    public List<string> TrustedServiceUrls { get; set; } = [];

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppId) || AllowUnauthenticated;

    /// <summary>The bot as Teams names it in activities: <c>28:&lt;AppId&gt;</c>.</summary>
    public string? BotId => string.IsNullOrWhiteSpace(AppId) ? null : "28:" + AppId;

    public string EffectiveTokenAuthority =>
        TokenAuthority ?? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}";

    public IEnumerable<string> AllTrustedServiceUrls => DefaultTrustedServiceUrls.Concat(TrustedServiceUrls);

    /// <summary>The section as configured, before validation: for deciding at registration what to wire up.</summary>
    public static TeamsOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TeamsOptions>() ?? new TeamsOptions();
}
