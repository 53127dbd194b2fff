using System.Globalization;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Chat;

/// <summary>The root message of an incident thread: the <c>[Outage]</c> title and the facts a responder needs first.</summary>
public static class ThreadRoot
{
    public const string TitlePrefix = "[Outage]: ";

    public static ChatMessage For(Incident incident) => new(
        Key: $"{incident.Id}:root",
        Text: "Reply in this thread: every reply goes on the incident timeline.",
        Heading: TitlePrefix + incident.Title,
        Fields:
        [
            new("Incident", incident.Id),
            new("Status", incident.Status.ToString()),
            new("Severity", incident.Severity is { } sev ? $"SEV-{sev}" : "not set (sev:1-4)"),
            new("Area", incident.Area ?? "not set (area:<key>)"),
            new("Owner", incident.Owner ?? "nobody yet"),
            new("Declared by", incident.DeclaredBy),
            new("Started", FormatUtc(incident.DeclaredAt)),
            .. incident.ImpactStartedAt is { } impact ? [new ChatField("Impact started", FormatUtc(impact))] : Array.Empty<ChatField>(),
            .. incident.IsPrivate ? [new ChatField("Visibility", "Private: never on the status page")] : Array.Empty<ChatField>(),
        ]);

    /// <summary>How a message outside the thread (a page, a handoff, a question) names the incident.</summary>
    public static string Heading(Incident incident) => $"{incident.Id} {TitlePrefix}{incident.Title}";

    /// <summary>The severity as a page or a direct message shows it.</summary>
    public static ChatField Severity(Incident incident) => new("Severity", incident.Severity is { } s ? $"SEV-{s}" : "not set");

    public static string FormatUtc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
