using System.Globalization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Registry;
using IncidentBot.Slack;

namespace IncidentBot.Dashboard.Html;

/// <summary>How values read on the pages: times in UTC (the timeline's zone in chat), people by their registry names.</summary>
internal static class Display
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static Markup TimeElement(DateTimeOffset? at) => at is { } when
        ? Markup.Of($"<time datetime=\"{Iso(when)}\">{Time(when)}</time>")
        : Markup.Of($"<span class=\"muted\">–</span>");

    public static string Person(string? handle, ExpertiseRegistry registry) =>
        handle is null ? "nobody" : registry.FindPerson(handle)?.Name ?? handle;

    public static string Severity(int? severity) => severity is { } s ? "SEV" + s.ToString(CultureInfo.InvariantCulture) : "not set";

    public static string Status(IncidentStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>How long it lasted, or has lasted so far.</summary>
    public static string Duration(Incident incident, DateTimeOffset now) =>
        PostmortemFigures.Duration((incident.ResolvedAt ?? now) - incident.DeclaredAt) + (incident.ResolvedAt is null ? " so far" : "");

    /// <summary>A link to the thread where the platform has a stable one (Slack's archive links); otherwise where it is.</summary>
    public static Markup Thread(ChatThread thread) => thread switch
    {
        { Platform: SlackChatPlatform.PlatformName, Id: { } ts } => Markup.Of($"<a href=\"https://slack.com/archives/{Uri.EscapeDataString(thread.Channel)}/p{ts.Replace(".", "", StringComparison.Ordinal)}\">Slack thread</a>"),
        { Id: null } => Markup.Of($"<span class=\"muted\">not posted yet</span>"),
        _ => Markup.Of($"{thread.Platform} {thread.Channel}"),
    };
}
