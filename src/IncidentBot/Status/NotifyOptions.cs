using System.Text.RegularExpressions;

namespace IncidentBot.Status;

/// <summary>Section <c>Notify</c>: where status updates go besides the status page.</summary>
internal sealed partial class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>Stakeholder channel ids (leadership, support, marketing); each gets every status update of a non-private incident.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>The channels that get a private incident's status updates; none: they stay in the incident's thread.</summary>
    public List<string> PrivateChannels { get; set; } = [];

    public static IEnumerable<string> Validate(NotifyOptions o) =>
        Check("Notify:Channels", o.Channels).Concat(Check("Notify:PrivateChannels", o.PrivateChannels));

    private static IEnumerable<string> Check(string setting, List<string> channels)
    {
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            if (!ChannelId().IsMatch(channel ?? ""))
            {
                yield return $"{setting}:{i} must be a channel id starting with C or G such as C0123456789 (not a #name), was '{channel}'.";
            }
            else if (channels.IndexOf(channel!) < i)
            {
                yield return $"{setting}:{i} repeats {channel}: each channel would get every update twice.";
            }
        }
    }

    // Public channels are C…, private ones G… (older workspaces); both are upper-case letters and digits.
    [GeneratedRegex("^[CG][A-Z0-9]{2,}$")]
    private static partial Regex ChannelId();
}
