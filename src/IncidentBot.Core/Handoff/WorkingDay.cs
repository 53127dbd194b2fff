using IncidentBot.Core.Registry;
using NodaTime;
using NodaTime.TimeZones;

namespace IncidentBot.Core.Handoff;

/// <summary>
/// When an owner's working day ends, in their own time zone: the end of the shift they are in, or else of their next
/// one, skipping days they do not work and days they are out of office.
/// </summary>
public static class WorkingDay
{
    // An absence can be long (a month of parental leave); past a year something is wrong with the data, not the week.
    private const int DaysToSearch = 400;

    /// <summary>
    /// A wall-clock end that does not exist (the clocks jumped forward over it) moves forward by the length of the
    /// jump, so the shift is as long as it would have been; one that happens twice (the clocks went back) is the
    /// later of the two, because people stop working when their clock says so the second time.
    /// </summary>
    private static readonly ZoneLocalMappingResolver Lenient =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    /// <summary>
    /// The end of <paramref name="person"/>'s current shift, or of the next one when they are not working now. Their
    /// missing time zone or hours come from <paramref name="defaults"/>. A shift crossing midnight belongs to the day it
    /// starts (as in the registry), so it ends on the next day.
    /// </summary>
    public static Instant EndOfShift(Person person, Instant now, HandoffDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(defaults);
        var zone = person.TimeZone ?? defaults.Zone;
        var hours = person.Hours ?? defaults.Hours;
        var today = now.InZone(zone).Date;

        // Yesterday first: a night shift that started yesterday may still be running.
        for (var day = today.PlusDays(-1); day <= today.PlusDays(DaysToSearch); day = day.PlusDays(1))
        {
            if (!person.Days.Contains(day.DayOfWeek) || person.OutOfOffice.Any(r => r.Contains(day)))
            {
                continue;
            }

            var endDay = hours.CrossesMidnight ? day.PlusDays(1) : day;
            var end = zone.ResolveLocal(endDay + hours.End, Lenient).ToInstant();
            if (end > now)
            {
                return end;
            }
        }

        throw new InvalidOperationException($"{person.Id} has no working day in the next {DaysToSearch} days.");
    }

    /// <summary>Registry-style hours (<c>09:00-17:00</c>, <c>22:00-06:00</c>, an end of <c>24:00</c>); null when malformed.</summary>
    public static WorkingHours? ParseHours(string text) => Schedule.ParseHours(text ?? "");

    /// <summary>How an end of shift reads to its owner: <c>17:30 Europe/Berlin (16:30 UTC)</c>.</summary>
    public static string Describe(Instant end, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = Schedule.Format(end.InZone(zone).TimeOfDay);
        return zone.Id == DateTimeZone.Utc.Id ? $"{local} UTC" : $"{local} {zone.Id} ({Schedule.Format(end.InUtc().TimeOfDay)} UTC)";
    }
}

/// <summary>Working hours and time zone for owners the registry says nothing about (<c>Handoff:DefaultHours</c>, <c>Handoff:DefaultTimeZone</c>).</summary>
public sealed record HandoffDefaults(LocalTime Start, LocalTime End, DateTimeZone Zone)
{
    public WorkingHours Hours => new(Start, End);

    public static readonly HandoffDefaults NineToFiveUtc = new(new LocalTime(9, 0), new LocalTime(17, 0), DateTimeZone.Utc);
}

/// <summary>How the bot nags about handing off: <see cref="LeadTime"/> before the end of the owner's day, every
/// <see cref="RepeatEvery"/>, escalating <see cref="Grace"/> after it.</summary>
public sealed record HandoffPolicy(TimeSpan LeadTime, TimeSpan RepeatEvery, TimeSpan Grace, HandoffDefaults Defaults);
