using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Postmortem;

public sealed class PostmortemTimelineTests
{
    private static readonly DateTimeOffset Declared = new(2026, 11, 3, 23, 50, 0, TimeSpan.Zero);

    private static readonly Incident Incident = new(
        1, "Logins fail", IncidentStatus.Investigating, 1, "auth", "alice", "alice", Declared, null, new ChatThread("local", "C-ops", "thread-1"));

    [Test]
    public void Paging_and_escalation_steps_fold_into_one_line_where_the_first_was()
    {
        var lines = AllEntries(
            Entry(0, TimelineKind.Declared, "alice", "Logins fail"),
            Entry(0, TimelineKind.Paged, PageOwners.Bot, "Paged Erin"),
            Entry(1, TimelineKind.Message, "dan", "looking"),
            Entry(5, TimelineKind.Escalated, PageOwners.Bot, "Escalating"),
            Entry(5, TimelineKind.Paged, PageOwners.Bot, "Paged Alice"));

        Assert.That(lines, Is.EqualTo<string[]>([
            "- 23:50 — alice — Declared: Logins fail",
            "- 23:50 — IncidentBot — 3 paging and escalation steps (folded)",
            "- 23:51 — dan — looking",
        ]));
    }

    [Test]
    public void Reminders_checklists_and_other_bot_entries_fold_one_line_per_kind()
    {
        var lines = AllEntries(
            Entry(1, TimelineKind.Reminder, PageOwners.Bot, "Quiet for 30 min"),
            Entry(2, TimelineKind.Checklist, PageOwners.Bot, "Status page updated?"),
            Entry(3, TimelineKind.Reminder, PageOwners.Bot, "Quiet again"),
            Entry(4, TimelineKind.Message, PageOwners.Bot, "A bot message"),
            Entry(5, TimelineKind.Decision, PageOwners.Bot, "Rollback restored service", RollbackEntries.RestoredYes));

        Assert.That(lines, Is.EqualTo<string[]>([
            "- 23:51 — IncidentBot — 2 reminders (folded)",
            "- 23:52 — IncidentBot — 1 checklist step (folded)",
            "- 23:54 — IncidentBot — 1 other bot entry (folded)",
            "- 23:55 — IncidentBot — Decision: Rollback restored service",
        ]));
    }

    [Test]
    public void Deleted_replies_are_left_out_edited_ones_say_so_and_line_breaks_collapse()
    {
        var draft = Draft(
            Entry(1, TimelineKind.Message, "dan", "wrong thread") with { Deleted = true },
            Entry(2, TimelineKind.Message, "erin", "Found it:\n  the *inner* cache\r\nfails_closed") with { EditedAt = Declared.AddMinutes(4) });

        Assert.That(draft, Does.Contain("- 23:52 — erin — Found it: the *inner* cache fails_closed (edited)\n"));
        Assert.That(draft, Does.Not.Contain("wrong thread"));
        Assert.That(draft, Does.Contain("_1 deleted reply is left out._"));
    }

    [Test]
    public void Key_events_lead_and_each_day_is_named_once()
    {
        var draft = Draft(
            Entry(1, TimelineKind.Message, "dan", "cache nodes down") with { Key = true },
            Entry(5, TimelineKind.Message, "dan", "restarting"),
            Entry(15, TimelineKind.Message, "erin", "logins work again") with { Key = true });

        var key = Section(draft, "### Key events", "### All entries");
        Assert.That(key, Is.EqualTo<string[]>([
            "**2026-11-03**",
            "- 23:51 — dan — cache nodes down",
            "",
            "**2026-11-04**",
            "- 00:05 — erin — logins work again",
        ]));
        Assert.That(draft.IndexOf("### Key events", StringComparison.Ordinal), Is.LessThan(draft.IndexOf("### All entries", StringComparison.Ordinal)));
        Assert.That(Section(draft, "### All entries", "## Root cause").Count(l => l.StartsWith("**", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public void Without_key_events_the_draft_says_how_to_mark_them()
    {
        Assert.That(Draft(Entry(1, TimelineKind.Message, "dan", "looking")), Does.Contain("_None marked. Pin the replies that mattered"));
    }

    private static string Draft(params TimelineEntry[] entries) => PostmortemDraft.Render(Incident, entries, []);

    private static List<string> AllEntries(params TimelineEntry[] entries) =>
        Section(Draft(entries), "### All entries", "## Root cause").Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();

    private static List<string> Section(string draft, string from, string to)
    {
        var start = draft.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return draft[start..draft.IndexOf(to, start, StringComparison.Ordinal)].Trim('\n').Split('\n').ToList();
    }

    private static TimelineEntry Entry(int minutes, string kind, string actor, string text, string? sourceId = null) =>
        new(Declared.AddMinutes(minutes), kind, actor, text, sourceId ?? $"{kind}:{minutes}:{text}");
}
