using IncidentBot.Core.Runbook;
using IncidentBot.Hosting;

namespace IncidentBot.Runbook;

/// <summary>Sections <c>Runbook</c>, <c>Rollback</c> and <c>Nudge</c>: the checklist, the rollback webhook, the nudges.</summary>
internal sealed class RunbookOptions
{
    public const string Section = "Runbook";

    /// <summary>A runbook YAML file; unset means the one that ships with the bot.</summary>
    public string? Path { get; set; }

    /// <summary>The file must exist and be a valid runbook: a bad one stops the bot at start-up, not during an incident.</summary>
    public static IEnumerable<string> Validate(RunbookOptions o) => RunbookFile.Read(o.Path).Errors;
}

internal sealed class RollbackOptions
{
    public const string Section = "Rollback";

    /// <summary>Called when someone answers "Roll back now", for every area without a URL of its own.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Per-area webhooks, by area key (<c>Rollback:Areas:payments</c>).</summary>
    public Dictionary<string, string> Areas { get; set; } = [];

    /// <summary>Signs each request (HMAC-SHA256), so the receiver can tell it came from this bot.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How long one attempt waits for the webhook's answer; a timeout is retried like a 5xx.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public static IEnumerable<string> Validate(RollbackOptions o)
    {
        var urls = o.Areas.Select(a => ($"Rollback:Areas:{a.Key}", (string?)a.Value)).Prepend(("Rollback:WebhookUrl", o.WebhookUrl)).Where(u => !string.IsNullOrWhiteSpace(u.Item2)).ToList();
        foreach (var (name, url) in urls.Where(u => !OutboundUrl.IsSecure(u.Item2)))
        {
            yield return OutboundUrl.Problem(name, url);
        }

        if (o.WebhookTimeout <= TimeSpan.Zero)
        {
            yield return $"Rollback:WebhookTimeout must be more than zero, was {o.WebhookTimeout}.";
        }

        if (urls.Count > 0 && (o.WebhookSecret is null || o.WebhookSecret.Length < 16))
        {
            yield return "Rollback:WebhookSecret must be set (at least 16 characters) when a rollback webhook is configured.";
        }
    }
}

internal sealed class NudgeOptions
{
    public const string Section = "Nudge";

    public TimeSpan FirstStatusUpdate { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan QuietThread { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a public status update is due after the first, by severity (unset severity: SEV-3's).</summary>
    public TimeSpan StatusEverySev1 { get; set; } = StatusCadence.Default.Sev1;

    public TimeSpan StatusEverySev2 { get; set; } = StatusCadence.Default.Sev2;

    public TimeSpan StatusEverySev3 { get; set; } = StatusCadence.Default.Sev3;

    public TimeSpan StatusEverySev4 { get; set; } = StatusCadence.Default.Sev4;

    public StatusCadence Cadence => new(StatusEverySev1, StatusEverySev2, StatusEverySev3, StatusEverySev4);

    public static IEnumerable<string> Validate(NudgeOptions o)
    {
        if (o.FirstStatusUpdate <= TimeSpan.Zero)
        {
            yield return $"Nudge:FirstStatusUpdate must be more than zero, was {o.FirstStatusUpdate}.";
        }

        if (o.QuietThread <= TimeSpan.Zero)
        {
            yield return $"Nudge:QuietThread must be more than zero, was {o.QuietThread}.";
        }

        foreach (var (severity, every) in new[] { (1, o.StatusEverySev1), (2, o.StatusEverySev2), (3, o.StatusEverySev3), (4, o.StatusEverySev4) })
        {
            if (every < TimeSpan.FromMinutes(1))
            {
                yield return $"Nudge:StatusEverySev{severity} must be at least 00:01:00, was {every}.";
            }
        }
    }
}
