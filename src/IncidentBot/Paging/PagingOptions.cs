using IncidentBot.Hosting;

namespace IncidentBot.Paging;

/// <summary>Section <c>Paging</c>.</summary>
internal sealed class PagingOptions
{
    public const string Section = "Paging";

    /// <summary>How long a page waits for an acknowledgement before the next level is paged.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>PagerDuty Events API v2 endpoint, for areas with a <c>pagerduty_routing_key</c>.</summary>
    public string PagerDutyUrl { get; set; } = "https://events.pagerduty.com/v2/enqueue";

    public static IEnumerable<string> Validate(PagingOptions o)
    {
        if (o.AckTimeout <= TimeSpan.Zero)
        {
            yield return $"Paging:AckTimeout must be more than zero, was {o.AckTimeout}.";
        }

        if (!OutboundUrl.IsSecure(o.PagerDutyUrl))
        {
            yield return OutboundUrl.Problem("Paging:PagerDutyUrl", o.PagerDutyUrl);
        }
    }
}
