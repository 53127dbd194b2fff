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

        if (!Uri.TryCreate(o.PagerDutyUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"Paging:PagerDutyUrl must be an absolute http(s) URL, was '{o.PagerDutyUrl}'.";
        }
    }
}
