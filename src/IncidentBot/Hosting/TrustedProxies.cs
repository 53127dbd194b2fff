using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>
/// Section <c>ForwardedHeaders</c>. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the
/// proxies listed in <see cref="KnownProxies"/>; from anyone else (and <c>Forwarded</c>, <c>X-Real-IP</c> from
/// everyone) they are ignored, because any client can send them.
/// </summary>
internal sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>The proxies' own addresses (<c>127.0.0.1</c> for one on this host, <c>10.0.0.5</c>), as they connect to the bot.</summary>
    public List<string> KnownProxies { get; set; } = [];

    public static IEnumerable<string> Validate(TrustedProxyOptions o)
    {
        for (var i = 0; i < o.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(o.KnownProxies[i], out _))
            {
                yield return $"ForwardedHeaders:KnownProxies:{i} must be an IP address such as 10.0.0.5 (the proxy's own address, no port or range), was '{o.KnownProxies[i]}'.";
            }
        }
    }
}

internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TrustedProxyOptions>(configuration, TrustedProxyOptions.Section, TrustedProxyOptions.Validate);

        // A post-configuration, so it also overrides ASPNETCORE_FORWARDEDHEADERS_ENABLED, which would trust every sender.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<TrustedProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
            }

            // With no known proxy the middleware would believe everyone, so then it reads nothing at all.
            forwarded.ForwardedHeaders = forwarded.KnownProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address as the known proxy reported it.</summary>
    public static void UseTrustedProxies(this WebApplication app) => app.UseForwardedHeaders();
}
