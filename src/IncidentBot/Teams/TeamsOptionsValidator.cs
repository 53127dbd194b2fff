using IncidentBot.Hosting;

namespace IncidentBot.Teams;

/// <summary>
/// Checks the Teams settings at start-up. The environment matters: switching authentication off is for the Bot
/// Framework Emulator on a developer's machine, never for a bot that real tenants can reach.
/// </summary>
internal static class TeamsOptionsValidator
{
    public static IEnumerable<string> Errors(TeamsOptions o, string environmentName)
    {
        var hasId = !string.IsNullOrWhiteSpace(o.AppId);
        var hasPassword = !string.IsNullOrWhiteSpace(o.AppPassword);
        if (o.AllowUnauthenticated && environmentName != Environments.Development)
        {
            yield return $"Teams:AllowUnauthenticated=true is only allowed in the Development environment (it accepts activities without a token); the environment is '{environmentName}'. Remove the setting.";
        }

        if (hasId && !Guid.TryParse(o.AppId, out _))
        {
            yield return $"Teams:AppId must be the bot's Microsoft App ID (a GUID), was '{o.AppId}'.";
        }

        if (hasId && !hasPassword && !o.AllowUnauthenticated)
        {
            yield return "Teams:AppPassword must be set when Teams:AppId is set (the client secret of the bot's app registration).";
        }

        if (hasPassword && !hasId)
        {
            yield return "Teams:AppId must be set when Teams:AppPassword is set (both turn Teams on).";
        }

        if (o.TenantId is { } tenant && !Guid.TryParse(tenant, out _) && !tenant.Contains('.', StringComparison.Ordinal))
        {
            yield return $"Teams:TenantId must be an Entra tenant id (a GUID) or domain, was '{tenant}'.";
        }

        if (!OutboundUrl.IsSecure(o.OpenIdMetadataUrl))
        {
            yield return OutboundUrl.Problem("Teams:OpenIdMetadataUrl", o.OpenIdMetadataUrl);
        }

        if (o.TokenAuthority is { } authority && !OutboundUrl.IsSecure(authority))
        {
            yield return OutboundUrl.Problem("Teams:TokenAuthority", authority);
        }

        for (var i = 0; i < o.TrustedServiceUrls.Count; i++)
        {
            if (!OutboundUrl.IsSecure(o.TrustedServiceUrls[i]))
            {
                yield return OutboundUrl.Problem($"Teams:TrustedServiceUrls:{i}", o.TrustedServiceUrls[i]);
            }
        }

        if (o.IncidentChannel is { } channel && !channel.StartsWith("19:", StringComparison.Ordinal))
        {
            yield return $"Teams:IncidentChannel must be a channel id such as 19:abc@thread.tacv2 (from 'Get link to channel'), was '{channel}'.";
        }
    }
}
