using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>
/// Where a proactive message goes: the serviceUrl and tenant learnt for that channel or person, else the most recent
/// one seen, else the configured tenant and Teams' documented fallback serviceUrl.
/// </summary>
internal sealed class TeamsConversationTargets(TeamsReferences references, IOptions<TeamsOptions> options)
{
    public async Task<(string ServiceUrl, string? TenantId)> ForChannel(string channel, CancellationToken ct)
    {
        var known = await references.Find(TeamsReferences.ChannelKey(channel), ct) ?? await references.Latest(ct);
        return (known?.ServiceUrl ?? TeamsOptions.FallbackServiceUrl, known?.TenantId ?? options.Value.TenantId);
    }

    /// <summary>The person's Teams user id (the registry may hold their Entra object id instead), serviceUrl and tenant.</summary>
    public async Task<(string UserId, string ServiceUrl, string? TenantId)> ForUser(string user, CancellationToken ct)
    {
        var known = await references.FindUser(user, ct);
        var fallback = known ?? await references.Latest(ct);
        return (known?.UserId ?? user, fallback?.ServiceUrl ?? TeamsOptions.FallbackServiceUrl, fallback?.TenantId ?? options.Value.TenantId);
    }
}
