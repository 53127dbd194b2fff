using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// This process as a holder of claims. <see cref="InstanceId"/> stays the same across restarts of one deployment;
/// <see cref="RunId"/> is new at every start, so a claim always says which process took it.
/// </summary>
internal sealed record DeliveryRun(string InstanceId, string RunId)
{
    public static DeliveryRun Create(IOptions<DeliveryOptions> options, IConfiguration configuration)
    {
        var instance = options.Value.InstanceId is { Length: > 0 } configured ? configured : DefaultInstanceId(configuration);
        return new DeliveryRun(instance, $"{instance}#{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
    }

    /// <summary>
    /// The machine name and the addresses it listens on: the same after a restart of the same service, different for
    /// two services on one machine (they cannot share a port). Containers whose host name changes at each start lose
    /// only the instant take-back; their old claims still go when the old heartbeat stops.
    /// </summary>
    private static string DefaultInstanceId(IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? configuration["http_ports"] ?? "";
        return urls.Length == 0 ? Environment.MachineName : $"{Environment.MachineName} {urls}";
    }
}
