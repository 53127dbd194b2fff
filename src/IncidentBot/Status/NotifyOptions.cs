using System.Text.RegularExpressions;

namespace IncidentBot.Status;

/// <summary>Section <c>Notify</c>: where status updates go besides the status page.</summary>
internal sealed partial class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>Stakeholder channel ids (leadership, support, marketing); each gets every status update.</summary>
    public List<string> Channels { get; set; } = [];

    public static IEnumerable<string> Validate(NotifyOptions o)
    {
        for (var i = 0; i < o.Channels.Count; i++)
        {
            var channel = o.Channels[i];
            if (!ChannelId().IsMatch(channel ?? ""))
            {
                yield return $"Notify:Channels:{i} must be a channel id starting with C or G such as C0123456789 (not a #name), was '{channel}'.";
            }
            else if (o.Channels.IndexOf(channel!) < i)
            {
                yield return $"Notify:Channels:{i} repeats {channel}: each channel would get every update twice.";
            }
        }
    }

    // Public channels are C…, private ones G… (older workspaces); both are upper-case letters and digits.
    [GeneratedRegex("^[CG][A-Z0-9]{2,}$")]
    private static partial Regex ChannelId();
}
