using IncidentBot.Core.Handoff;
using NodaTime;

namespace IncidentBot.Handoff;

/// <summary>Section <c>Handoff</c>: when the end-of-day nags come, and whose working day to assume when nobody says.</summary>
internal sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>How long before the end of the owner's working day the first nag comes.</summary>
    public TimeSpan LeadTime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RepeatEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long after the end of the working day, without a handoff, the bot escalates.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>For owners the registry has no hours for, <c>HH:mm-HH:mm</c> as in the registry.</summary>
    public string DefaultHours { get; set; } = "09:00-17:00";

    /// <summary>For owners neither the registry nor the chat platform has a time zone for; an IANA id.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    public HandoffPolicy ToPolicy()
    {
        var hours = WorkingDay.ParseHours(DefaultHours)!;
        return new HandoffPolicy(LeadTime, RepeatEvery, Grace, new HandoffDefaults(hours.Start, hours.End, DateTimeZoneProviders.Tzdb[DefaultTimeZone]));
    }

    public static IEnumerable<string> Validate(HandoffOptions o)
    {
        foreach (var (name, value) in new[] { ("LeadTime", o.LeadTime), ("RepeatEvery", o.RepeatEvery), ("Grace", o.Grace) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"Handoff:{name} must be more than zero, was {value}.";
            }
        }

        if (WorkingDay.ParseHours(o.DefaultHours) is not { } hours)
        {
            yield return $"Handoff:DefaultHours must be HH:mm-HH:mm, like 09:00-17:00, was '{o.DefaultHours}'.";
        }
        else if (hours.Start == hours.End)
        {
            yield return $"Handoff:DefaultHours must not start and end at the same time, was '{o.DefaultHours}'.";
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.DefaultTimeZone ?? "") is null)
        {
            yield return $"Handoff:DefaultTimeZone must be an IANA time zone id, like Europe/Berlin, was '{o.DefaultTimeZone}'.";
        }
    }
}
