using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IncidentBot.Teams;

/// <summary>
/// Checks the bearer token the Bot Connector sends with every activity (protocols.md T2): signature by a key from
/// the published OpenID metadata, issuer, audience (our app id), lifetime with 5 minutes' skew, the
/// <c>serviceurl</c> claim against the activity, and the signing key's endorsement of the activity's channel.
/// </summary>
internal sealed class BotFrameworkTokenValidator
{
    public const string Issuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> metadata;
    private readonly JsonWebTokenHandler handler = new();
    private readonly TeamsOptions options;
    private readonly TimeProvider clock;

    public BotFrameworkTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        var url = new Uri(this.options.OpenIdMetadataUrl);
        var retriever = new HttpDocumentRetriever(http.CreateClient(nameof(BotFrameworkTokenValidator))) { RequireHttps = url.Scheme == Uri.UriSchemeHttps };

        // Keys are cached and refreshed well within the 24 h the Bot Framework asks for; an unknown key id forces a
        // refresh (at most every 5 min), since new keys can appear at any time.
        metadata = new ConfigurationManager<OpenIdConnectConfiguration>(url.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    public async Task<TokenCheck> Check(string? authorization, TeamsActivity activity, CancellationToken ct)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= 7)
        {
            return TokenCheck.Missing;
        }

        var token = authorization[7..].Trim();
        var result = await Validate(token, refreshed: false, ct);
        if (!result.IsValid)
        {
            return TokenCheck.Invalid;
        }

        if (!result.Claims.TryGetValue("serviceurl", out var claimed) || claimed is not string serviceUrl
            || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.ServiceUrlMismatch;
        }

        return await Endorses(result.SecurityToken, activity.ChannelId, ct) ? TokenCheck.Valid : TokenCheck.NotEndorsed;
    }

    private async Task<TokenValidationResult> Validate(string token, bool refreshed, CancellationToken ct)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(ct);
        }
        catch (InvalidOperationException e)
        {
            // The metadata endpoint is unreachable: nothing can be verified, so nothing is accepted.
            return new TokenValidationResult { IsValid = false, Exception = e };
        }

        var result = await handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!refreshed && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            metadata.RequestRefresh();
            return await Validate(token, refreshed: true, ct);
        }

        return result;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = options.AppId,
        IssuerSigningKeys = configuration.SigningKeys,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        LifetimeValidator = Lifetime,
    };

    // The injected clock decides, not the machine's, so tests can move time.
    private bool Lifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp + ClockSkew && (notBefore is not { } nbf || now >= nbf - ClockSkew);
    }

    /// <summary>A key that lists endorsements must list the activity's channel (<c>msteams</c>); one that lists none endorses any.</summary>
    private async Task<bool> Endorses(SecurityToken token, string? channelId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(channelId) || token is not JsonWebToken jwt)
        {
            return true;
        }

        var configuration = await metadata.GetConfigurationAsync(ct);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.KeyId == jwt.Kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            return true;
        }

        return Endorsements.Read(raw).Contains(channelId, StringComparer.Ordinal);
    }
}

/// <summary>The outcome of checking an inbound token: anything but <see cref="Valid"/> is refused.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    ServiceUrlMismatch,
    NotEndorsed,
}
