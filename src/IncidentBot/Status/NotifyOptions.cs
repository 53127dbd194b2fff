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

    /// <summary>URLs that get every public status update as JSON (social posting, e-mail tools), signed with <see cref="WebhookSecret"/>.</summary>
    public List<string> Webhooks { get; set; } = [];

    public string? WebhookSecret { get; set; }

    public static IEnumerable<string> Validate(NotifyOptions o) =>
        Check("Notify:Channels", o.Channels).Concat(Check("Notify:PrivateChannels", o.PrivateChannels)).Concat(CheckWebhooks(o));

    private static IEnumerable<string> CheckWebhooks(NotifyOptions o)
    {
        for (var i = 0; i < o.Webhooks.Count; i++)
        {
            if (!Hosting.OutboundUrl.IsSecure(o.Webhooks[i]))
            {
                yield return Hosting.OutboundUrl.Problem($"Notify:Webhooks:{i}", o.Webhooks[i]);
            }
            else if (o.Webhooks.IndexOf(o.Webhooks[i]) < i)
            {
                yield return $"Notify:Webhooks:{i} repeats {o.Webhooks[i]}: it would get every update twice.";
            }
        }

        if (o.Webhooks.Count > 0 && (o.WebhookSecret is null || o.WebhookSecret.Length < 16))
        {
            yield return "Notify:WebhookSecret must be set (at least 16 characters) when Notify:Webhooks lists a URL.";
        }
    }

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
