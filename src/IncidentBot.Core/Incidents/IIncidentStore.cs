using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Incidents;

/// <summary>Durable incidents and timelines. Implemented by the host over SQLite or PostgreSQL.</summary>
public interface IIncidentStore
{
    /// <summary>Opens an incident with its <c>declared</c> entry, or returns the one the same request opened before.</summary>
    Task<Incident> Create(NewIncident draft, TimelineEntry declared, CancellationToken ct);

    Task<Incident?> Find(long number, CancellationToken ct);

    Task<Incident?> FindByThread(string platform, string channel, string threadId, CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Incident>> List(bool openOnly, CancellationToken ct);

    Task SetThreadId(long number, string threadId, CancellationToken ct);

    /// <summary>Marks the incident resolved at <paramref name="at"/>; false when it already was.</summary>
    Task<bool> Resolve(long number, DateTimeOffset at, CancellationToken ct);

    /// <summary>Adds the entry unless one with the same source id exists; says whether it was added.</summary>
    Task<bool> Append(long number, TimelineEntry entry, CancellationToken ct);

    /// <summary>Adds the entries together (one transaction), except those whose source id exists; how many were added.</summary>
    Task<int> AppendAll(long number, IReadOnlyList<TimelineEntry> entries, CancellationToken ct);

    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<TimelineEntry>> Timeline(long number, CancellationToken ct);

    /// <summary>
    /// The timeline without its <see cref="TimelineKind.Message"/> entries (thread replies, notes, quotes: what people
    /// wrote), oldest first: the bot's own record of pages, acknowledgements, handoffs and decisions. A busy incident
    /// holds tens of thousands of replies, and a button press reads the bot's entries several times, so whatever
    /// does not look at what people wrote reads this instead of <see cref="Timeline"/>.
    /// </summary>
    Task<IReadOnlyList<TimelineEntry>> BotEntries(long number, CancellationToken ct);

    /// <summary>Whether the timeline has an entry with that source id, deleted or not; asked of the database, not read whole.</summary>
    Task<bool> HasEntry(long number, string sourceId, CancellationToken ct);

    /// <summary>
    /// When the newest <see cref="TimelineKind.Message"/> entry that is not deleted was written (what people last
    /// wrote); null when there is none. Asked of the database, not read whole: a storm's incident has tens of
    /// thousands of replies.
    /// </summary>
    Task<DateTimeOffset?> LastMessageAt(long number, CancellationToken ct);

    /// <summary>
    /// Replaces the text of the entry with that source id, unless it was edited later than <paramref name="editedAt"/>
    /// (edits can arrive out of order); false when there is no such entry or a later edit stands.
    /// </summary>
    Task<bool> Edit(long number, string sourceId, string text, DateTimeOffset editedAt, CancellationToken ct);

    /// <summary>Marks the entry with that source id deleted, keeping its text for the record; false when there is none.</summary>
    Task<bool> MarkDeleted(long number, string sourceId, CancellationToken ct);

    /// <summary>Marks the entry with that source id a key event, or not; false when there is none.</summary>
    Task<bool> MarkKey(long number, string sourceId, bool key, CancellationToken ct);

    /// <summary>
    /// <see cref="MarkKey"/> for a message known only by its channel and id (a reaction does not say which thread the
    /// message is in): the entry of an incident whose thread is in that channel. False when there is none.
    /// </summary>
    Task<bool> MarkKeyByMessage(string platform, string channel, string messageId, bool key, CancellationToken ct);

    Task SetSeverity(long number, int severity, CancellationToken ct);

    Task SetImpactStart(long number, DateTimeOffset at, CancellationToken ct);

    /// <summary>The incidents opened for an alert (by its <see cref="NewIncident.AlertKey"/>), oldest first.</summary>
    Task<IReadOnlyList<Incident>> ForAlert(string alertKey, CancellationToken ct);

    /// <summary>
    /// Records how recovery was verified and, when given, the root cause and what resolved it (null keeps what was
    /// written before, on the dashboard for instance).
    /// </summary>
    Task SetResolution(long number, string verification, string? rootCause, string? resolution, CancellationToken ct);

    /// <summary>The postmortem's impact, root cause and resolution as people wrote them (null clears one).</summary>
    Task SetPostmortemText(long number, string? impact, string? rootCause, string? resolution, CancellationToken ct);

    /// <summary>Records the root cause as soon as it is found, before the incident is resolved.</summary>
    Task SetRootCause(long number, string rootCause, CancellationToken ct);
}
