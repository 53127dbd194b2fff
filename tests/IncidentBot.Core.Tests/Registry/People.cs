using IncidentBot.Core.Registry;
using NodaTime;

namespace IncidentBot.Core.Tests.Registry;

/// <summary>People and instants for availability tests, written as the registry file would have them.</summary>
internal static class People
{
    public static Person Someone(string zone, string hours, string days = "Mon-Fri") =>
        new(
            "alice",
            "Alice Example",
            null,
            null,
            null,
            DateTimeZoneProviders.Tzdb[zone],
            Schedule.ParseHours(hours),
            Schedule.ParseDays(days, out _)!,
            []);

    /// <summary>A wall-clock time in a zone (unambiguous times only: tests of DST gaps use UTC instants).</summary>
    public static Instant At(string zone, int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(DateTimeZoneProviders.Tzdb[zone]).ToInstant();
}
