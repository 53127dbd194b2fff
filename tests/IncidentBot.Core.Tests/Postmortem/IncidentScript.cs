using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Replies;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Postmortem;

/// <summary>
/// Plays an incident through the core as people would: commands, thread replies, edits, deletions and pins, on a
/// clock the script moves (firing escalations that come due on the way). Status and rollback entries are appended
/// to the store directly, shaped as those features record them.
/// </summary>
internal sealed class IncidentScript(DateTimeOffset start)
{
    private const string Channel = "C-ops";

    // The in-process platform names an incident's thread after its number; every script declares INC-1.
    private const string Thread = "thread-1";

    /// <summary>The team of the golden incidents; nobody has working hours, so whoever is named can be paged.</summary>
    private const string Team = """
        people:
          - { id: alice, name: Alice }
          - { id: bob, name: Bob }
          - { id: carol, name: Carol }
          - { id: dan, name: Dan }
          - { id: erin, name: Erin }
        areas:
          - { key: bookings, name: Bookings, primary: [bob], secondary: [dan] }
          - { key: auth, name: Sign-in, primary: [erin], secondary: [alice] }
          - { key: platform, name: Platform, primary: [dan], secondary: [carol] }
          - { key: web, name: Web app, primary: [alice], secondary: [bob] }
        deciders: [carol]
        prod_access: [carol, dan]
        """;

    public CoreHarness Core { get; } = new(Team, start);

    private DateTimeOffset Now => Core.Clock.GetUtcNow();

    private static CancellationToken Ct => CancellationToken.None;

    /// <summary>Moves the clock to <paramref name="hhmm"/> UTC; a time earlier than now is on the next day.</summary>
    public async Task At(string hhmm)
    {
        var time = TimeSpan.ParseExact(hhmm, @"hh\:mm", CultureInfo.InvariantCulture);
        var target = new DateTimeOffset(Now.UtcDateTime.Date + time, TimeSpan.Zero);
        await Core.Advance(target < Now ? target.AddDays(1) - Now : target - Now);
    }

    public Task Run(string user, string command) => Core.Run(command, Core.Context(user, Channel));

    public Task Say(string messageId, string actor, string text) =>
        Core.Replies.Record(new ThreadMessage(InProcessChat.PlatformName, Channel, Thread, messageId, actor, text, Now), Ct);

    public Task Edit(string messageId, string text) =>
        Core.Replies.Edit(InProcessChat.PlatformName, Channel, Thread, messageId, text, Now, Ct);

    public Task Delete(string messageId) => Core.Replies.Delete(InProcessChat.PlatformName, Channel, Thread, messageId, Ct);

    /// <summary>A pin as Slack reports it: by channel and message, without the thread.</summary>
    public Task Pin(string messageId, bool key = true) =>
        Core.Replies.MarkKeyByMessage(InProcessChat.PlatformName, Channel, messageId, key, Ct);

    public Task Status(string actor, string text) => Append(TimelineKind.Status, actor, text, "status:" + Now.ToUnixTimeMilliseconds());

    public Task Decision(string sourceId, string actor, string text) => Append(TimelineKind.Decision, actor, text, sourceId);

    public Task Reminder(string text) => Append(TimelineKind.Reminder, PageOwners.Bot, text, "reminder:" + Now.ToUnixTimeMilliseconds());

    /// <summary>What a resolve form will add to the command's verification.</summary>
    public async Task Explain(string rootCause, string resolution)
    {
        var incident = (await Core.Store.Find(1, Ct))!;
        await Core.Store.SetResolution(1, incident.Verification!, rootCause, resolution, Ct);
    }

    public async Task<string> Draft()
    {
        var incident = (await Core.Store.Find(1, Ct))!;
        return PostmortemDraft.Render(incident, await Core.Timeline(), await Core.Actions.ForIncident(incident.Number, CancellationToken.None));
    }

    private async Task Append(string kind, string actor, string text, string sourceId) =>
        await Core.Store.Append(1, new TimelineEntry(Now, kind, actor, text, sourceId), Ct);
}
