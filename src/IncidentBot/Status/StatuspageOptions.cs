using IncidentBot.Hosting;

namespace IncidentBot.Status;

/// <summary>Section <c>Statuspage</c> (Atlassian Statuspage). Off until both the page id and the API key are set.</summary>
internal sealed class StatuspageOptions
{
    public const string Section = "Statuspage";

    public string? PageId { get; set; }

    /// <summary>A secret: never logged, never stored in the outbox; sent only in the Authorization header.</summary>
    public string? ApiKey { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.statuspage.io/v1/";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(PageId) && !string.IsNullOrWhiteSpace(ApiKey);

    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");

    /// <summary>The section as configured, before validation: for deciding at registration what to wire up.</summary>
    public static StatuspageOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<StatuspageOptions>() ?? new StatuspageOptions();

    public static IEnumerable<string> Validate(StatuspageOptions o)
    {
        var hasPage = !string.IsNullOrWhiteSpace(o.PageId);
        var hasKey = !string.IsNullOrWhiteSpace(o.ApiKey);
        if (hasPage && !hasKey)
        {
            yield return "Statuspage:ApiKey must be set when Statuspage:PageId is set (both turn Statuspage on).";
        }

        if (hasKey && !hasPage)
        {
            yield return "Statuspage:PageId must be set when Statuspage:ApiKey is set (both turn Statuspage on).";
        }

        if (!OutboundUrl.IsSecure(o.ApiBaseUrl))
        {
            yield return OutboundUrl.Problem("Statuspage:ApiBaseUrl", o.ApiBaseUrl);
        }
    }
}
