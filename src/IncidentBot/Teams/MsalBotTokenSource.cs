using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace IncidentBot.Teams;

/// <summary>
/// Client-credentials tokens for the Bot Connector from the configured authority (the bot's tenant, or
/// <c>botframework.com</c> for a legacy multi-tenant bot). One MSAL application for the process: its in-memory app
/// token cache answers until the token is close to expiry, so this is cheap to call before every request.
/// </summary>
internal sealed class MsalBotTokenSource(IOptions<TeamsOptions> options) : IBotTokenSource
{
    public const string Scope = "https://api.botframework.com/.default";

    private readonly Lazy<IConfidentialClientApplication> application = new(() => Build(options.Value));

    public IConfidentialClientApplication Application => application.Value;

    public async Task<string?> Token(CancellationToken ct)
    {
        var result = await Application.AcquireTokenForClient([Scope]).ExecuteAsync(ct);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Build(TeamsOptions teams) =>
        ConfidentialClientApplicationBuilder.Create(teams.AppId)
            .WithClientSecret(teams.AppPassword)
            .WithAuthority(teams.EffectiveTokenAuthority)
            .Build();
}
