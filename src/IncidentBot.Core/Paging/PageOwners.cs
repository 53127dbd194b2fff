using IncidentBot.Core.Chat;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Paging;

/// <summary>
/// Pages one level of an area's people: mentions them in the thread, messages each with an Acknowledge button,
/// and schedules the next level. Nobody pageable at a level (out of office, off hours, no id on this platform):
/// the thread says why and the next level is paged at once.
/// </summary>
public sealed class PageOwners(
    IIncidentStore incidents,
    IPagingStore paging,
    Roster roster,
    ChatPlatforms platforms,
    IReminders reminders,
    IExternalPager externalPager,
    PagingPolicy policy,
    TimeProvider clock,
    HomeRefresh? home = null)
{
    public const string Bot = "IncidentBot";

    public async Task Page(Incident incident, Area area, PageLevel from, string why, CancellationToken ct)
    {
        var platform = platforms[incident.Thread.Platform];
        for (var level = from; level <= PageLevel.Deciders; level++)
        {
            if (level > PageLevel.Primary)
            {
                // Further already: this level's attempt went on to the next (nobody pageable here), so go on to it too.
                // Its steps, like this level's, are keyed: an attempt that failed half-way is finished, none repeated.
                if (!await paging.TryEscalate(incident.Number, (int)level, ct))
                {
                    continue;
                }

                await Record(incident, platform, TimelineKind.Escalated, $"escalated:{(int)level}", $"Escalating to the {Label(level, area)}: {why}.", ct);
            }

            var (pageable, skipped) = await Pageable(level, area, platform, new HashSet<string>(), ct);
            if (pageable.Count > 0)
            {
                await Notify(incident, area, level, pageable, skipped, platform, "", ct);
                return;
            }

            why = skipped.Count == 0 ? $"the registry names no {Label(level, area)}" : $"no {Label(level, area)} can be paged now: {string.Join("; ", skipped)}";
        }

        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:nobody-pageable", $"Nobody could be paged for {area.Name}: {why}. Name an owner with 'owner @person'."), ct);
    }

    /// <summary>
    /// Pages the people at <paramref name="level"/> who can be paged now and are not in <paramref name="exclude"/> (paged
    /// already, or declined), without escalating; false when there is nobody. <paramref name="round"/> tells this
    /// round's messages apart from the level's first.
    /// </summary>
    public async Task<bool> PageMore(Incident incident, Area area, PageLevel level, IReadOnlySet<string> exclude, string round, CancellationToken ct)
    {
        var platform = platforms[incident.Thread.Platform];
        var (pageable, _) = await Pageable(level, area, platform, exclude, ct);
        if (pageable.Count > 0)
        {
            await Notify(incident, area, level, pageable, [], platform, ":" + round, ct);
        }

        return pageable.Count > 0;
    }

    private async Task<(List<Person> Pageable, List<string> Skipped)> Pageable(PageLevel level, Area area, IChatPlatform platform, IReadOnlySet<string> exclude, CancellationToken ct)
    {
        var candidates = (await roster.StatusOf(Ids(level, area), ct)).Where(c => !exclude.Contains(c.Person.Id)).ToList();
        var pageable = candidates.Where(c => c.Status.Available && platform.Handle(c.Person) is not null).ToList();
        var skipped = candidates.Except(pageable).Select(c => $"{c.Person.Name} ({(c.Status.Available ? $"no {platform.Name} id in the registry" : c.Status.Reason)})").ToList();
        return (pageable.Select(c => c.Person).ToList(), skipped);
    }

    private async Task Notify(Incident incident, Area area, PageLevel level, List<Person> people, List<string> skipped, IChatPlatform platform, string round, CancellationToken ct)
    {
        var handles = people.Select(p => platform.Handle(p)!).ToList();
        var notPaged = skipped.Count > 0 ? $" Not paged: {string.Join("; ", skipped)}." : "";
        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:paging:{(int)level}{round}", $"Paging {string.Join(", ", handles)}, the {Label(level, area)}.{notPaged}"), ct);
        foreach (var person in people)
        {
            await platform.DirectMessage(platform.Handle(person)!, PageMessage(incident, area, level, person), ct);
            await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Paged, Bot, $"Paged {person.Name} ({Label(level, area)})", PagedEntries.SourceId(level, person.Id)), ct);
        }

        if (level == PageLevel.Primary && area.PagerDutyRoutingKey is not null)
        {
            await externalPager.Trigger(incident, area, ct);
        }

        if (level < PageLevel.Deciders)
        {
            var next = level + 1;
            await reminders.Schedule(new Reminder(ReminderKeys.Escalation(incident), incident.Number, ReminderKinds.Escalate, clock.GetUtcNow() + policy.AckTimeout, ((int)next).ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        }

        // The people paged now see the page waiting on their home page.
        await (home?.Incident(incident.Number, $"{incident.Id}:paged:{(int)level}", actor: null, ct) ?? Task.CompletedTask);
    }

    private ChatMessage PageMessage(Incident incident, Area area, PageLevel level, Person person) => new(
        Key: $"{incident.Id}:page:{(int)level}:{person.Id}",
        Text: $"You are paged as one of the {Label(level, area)}. Acknowledge to take ownership ('ack {incident.Id}'); if nobody does within {policy.AckTimeout.TotalMinutes:0} min, the next people are paged. On something equally urgent? Say so ('decline {incident.Id} <why>'), and the next person is paged at once.",
        Heading: ThreadRoot.Heading(incident),
        Fields: [ThreadRoot.Severity(incident), new("Declared by", incident.DeclaredBy)],
        Buttons: [
            new ChatButton(PageButtons.Acknowledge, "Acknowledge", incident.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Primary: true),
            new ChatButton(PageButtons.Decline, "I'm on something urgent", incident.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

    private async Task Record(Incident incident, IChatPlatform platform, string kind, string sourceId, string text, CancellationToken ct)
    {
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), kind, Bot, text, sourceId), ct);
        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:{sourceId}", text), ct);
    }

    private IReadOnlyList<string> Ids(PageLevel level, Area area) => level switch
    {
        PageLevel.Primary => area.Primary,
        PageLevel.Secondary => area.Secondary,
        _ => roster.Registry.Deciders,
    };

    public static string Label(PageLevel level, Area area) => level switch
    {
        PageLevel.Primary => $"primary owners of {area.Name}",
        PageLevel.Secondary => $"secondary owners of {area.Name}",
        _ => "people who decide priorities",
    };
}

/// <summary>The kinds of reminder the core schedules.</summary>
public static class ReminderKinds
{
    public const string Escalate = "escalate";
    public const string FirstStatusNudge = "nudge-first-status";
    public const string QuietThreadNudge = "nudge-quiet";

    /// <summary>A production-access page went unanswered: page the next person with access.</summary>
    public const string ProdAccess = "prodaccess";

    /// <summary>A question to the deciders went unanswered: say so in the thread, once.</summary>
    public const string Priority = "priority";
}
