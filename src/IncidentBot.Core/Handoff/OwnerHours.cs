using IncidentBot.Core.Registry;
using NodaTime;

namespace IncidentBot.Core.Handoff;

/// <summary>
/// The working day of an incident's owner, who is stored as a platform handle or a registry id: the registry's
/// hours and zone when it has them, else the platform's zone, else <c>Handoff:DefaultHours</c> / <c>DefaultTimeZone</c>.
/// </summary>
public sealed class OwnerHours(Roster roster, IPersonTimeZones timeZones, HandoffPolicy policy)
{
    public async Task<OwnerDay> Of(string owner, Instant now, CancellationToken ct)
    {
        var known = roster.Registry.FindPerson(owner);
        var zone = known?.TimeZone ?? await timeZones.ZoneOf(owner, ct);
        var person = (known ?? Stranger(owner)) with
        {
            TimeZone = zone ?? policy.Defaults.Zone,
            Hours = known?.Hours ?? policy.Defaults.Hours,
        };
        var missing = (known?.Hours is null, zone is null) switch
        {
            (true, true) => "no working hours or time zone",
            (true, false) => "no working hours",
            (false, true) => "no time zone",
            _ => null,
        };
        return new OwnerDay(person, WorkingDay.EndOfShift(person, now, policy.Defaults), missing);
    }

    /// <summary>Someone only the chat platform knows: the default working week, no absences.</summary>
    private static Person Stranger(string owner) => new(owner, owner, null, null, null, null, null, Schedule.DefaultDays, []);
}

/// <summary>
/// An owner's working day as the bot will use it. <see cref="Missing"/> says what the bot had to assume from the
/// defaults (null when the registry knew everything).
/// </summary>
public sealed record OwnerDay(Person Person, Instant EndOfShift, string? Missing)
{
    public string EndText => WorkingDay.Describe(EndOfShift, Person.TimeZone!);
}
