using NodaTime;

namespace IncidentBot.Core.Registry;

/// <summary>
/// Whether paging someone now reaches them at work, judged in their own time zone. The reason is shown to people
/// (in the thread, in <c>/outage who</c>), so it says what the bot knows, not just yes or no.
/// </summary>
public static class Availability
{
    /// <param name="person">Who.</param>
    /// <param name="now">The instant to judge.</param>
    /// <param name="outOfOfficeUntil">The last day of a run-time absence (<c>/outage ooo until ...</c>), if given.</param>
    /// <param name="outOfOfficeNow">Whether the person said <c>/outage ooo</c> and not yet <c>/outage back</c>.</param>
    public static AvailabilityStatus Of(Person person, Instant now, LocalDate? outOfOfficeUntil = null, bool outOfOfficeNow = false)
    {
        ArgumentNullException.ThrowIfNull(person);

        // Without a zone, absences are judged by the UTC date: the best guess, and absences are whole days anyway.
        var local = now.InZone(person.TimeZone ?? DateTimeZone.Utc).LocalDateTime;
        if (outOfOfficeNow && (outOfOfficeUntil is null || local.Date <= outOfOfficeUntil))
        {
            return Away(outOfOfficeUntil is { } until ? $"out of office until {OutOfOfficeParser.Iso(until)}" : "out of office");
        }

        if (person.OutOfOffice.FirstOrDefault(r => r.Contains(local.Date)) is { } absence)
        {
            return Away($"out of office until {OutOfOfficeParser.Iso(absence.To)}");
        }

        if (person.TimeZone is not { } zone || person.Hours is not { } hours)
        {
            return new AvailabilityStatus(true, "no working hours known");
        }

        var today = local.DayOfWeek;
        var time = local.TimeOfDay;
        var working = $"{Schedule.Format(hours)} {zone.Id}, now {Schedule.Format(time)}";
        if (IsInShift(hours, person.Days, today, time))
        {
            return new AvailabilityStatus(true, $"working hours: works {working}");
        }

        return person.Days.Contains(today) ? Away($"off hours: works {working}") : Away($"off today ({today})");
    }

    /// <summary>Who someone is and when they work, for lists and paging messages.</summary>
    public static string Describe(Person p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return (p.Hours, p.TimeZone) switch
        {
            ({ } hours, { } zone) => $"{p.Name} ({p.Id}), {Schedule.Format(hours)} {Schedule.Format(p.Days)} {zone.Id}",
            (_, { } zone) => $"{p.Name} ({p.Id}), {zone.Id}, no working hours known",
            _ => $"{p.Name} ({p.Id}), no working hours known",
        };
    }

    /// <summary>
    /// A shift that crosses midnight belongs to the day it starts: with 22:00-06:00 on Mon-Fri, Saturday 03:00 is
    /// the end of Friday's shift, and Monday 03:00 is not a shift at all.
    /// </summary>
    private static bool IsInShift(WorkingHours hours, IReadOnlySet<IsoDayOfWeek> days, IsoDayOfWeek today, LocalTime time) =>
        hours.CrossesMidnight
            ? (time >= hours.Start && days.Contains(today)) || (time < hours.End && days.Contains(Schedule.Previous(today)))
            : time >= hours.Start && time < hours.End && days.Contains(today);

    private static AvailabilityStatus Away(string reason) => new(false, reason);
}

/// <summary>Whether someone is at work now, and why (shown to people).</summary>
public sealed record AvailabilityStatus(bool Available, string Reason);
