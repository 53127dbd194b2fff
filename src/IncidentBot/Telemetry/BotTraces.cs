using System.Diagnostics;

namespace IncidentBot.Telemetry;

/// <summary>
/// Spans for the work that happens after the HTTP answer, which ASP.NET Core's instrumentation cannot see: handling a
/// stored request, sending a stored message, firing a reminder. Outbound HTTP calls made inside become their children.
/// </summary>
internal static class BotTraces
{
    public const string SourceName = "IncidentBot";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? InboxHandle(string platform, string kind, long id) =>
        Source.StartActivity("inbox handle")
            ?.SetTag("incidentbot.platform", platform).SetTag("incidentbot.inbox.kind", kind).SetTag("incidentbot.inbox.id", id);

    public static Activity? OutboxSend(string destination, string kind, long? incident) =>
        Source.StartActivity("outbox send", ActivityKind.Producer)
            ?.SetTag("incidentbot.destination", destination).SetTag("incidentbot.outbox.kind", kind).SetTag("incidentbot.incident", incident);

    public static Activity? ReminderFire(string kind, long incident) =>
        Source.StartActivity("reminder fire")?.SetTag("incidentbot.reminder.kind", kind).SetTag("incidentbot.incident", incident);
}
