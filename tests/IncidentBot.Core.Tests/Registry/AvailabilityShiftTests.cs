using IncidentBot.Core.Registry;
using NodaTime;

namespace IncidentBot.Core.Tests.Registry;

/// <summary>Night shifts and daylight saving: the cases a paging bot gets wrong at 3 a.m.</summary>
public sealed class AvailabilityShiftTests
{
    private static readonly Person Night = People.Someone("Europe/Berlin", "22:00-06:00");

    [TestCase(2026, 11, 23, 23, 0, true, TestName = "Monday 23:00 is in Monday's shift")]
    [TestCase(2026, 11, 24, 3, 0, true, TestName = "Tuesday 03:00 is in Monday's shift")]
    [TestCase(2026, 11, 27, 22, 30, true, TestName = "Friday 22:30 is in Friday's shift")]
    [TestCase(2026, 11, 28, 3, 0, true, TestName = "Saturday 03:00 is in Friday's shift")]
    [TestCase(2026, 11, 28, 6, 0, false, TestName = "Saturday 06:00 is after Friday's shift")]
    [TestCase(2026, 11, 28, 22, 30, false, TestName = "Saturday 22:30 is no shift")]
    [TestCase(2026, 11, 29, 3, 0, false, TestName = "Sunday 03:00 is no shift")]
    [TestCase(2026, 11, 23, 3, 0, false, TestName = "Monday 03:00 is no shift, Sunday night is off")]
    [TestCase(2026, 11, 23, 12, 0, false, TestName = "Monday noon is between shifts")]
    public void A_shift_crossing_midnight_belongs_to_the_day_it_starts(int year, int month, int day, int hour, int minute, bool available) =>
        Assert.That(Availability.Of(Night, People.At("Europe/Berlin", year, month, day, hour, minute)).Available, Is.EqualTo(available));

    [Test]
    public void Outside_a_night_shift_the_reason_says_which_kind_of_off()
    {
        Assert.That(Availability.Of(Night, People.At("Europe/Berlin", 2026, 11, 29, 3, 0)).Reason, Is.EqualTo("off today (Sunday)"));
        Assert.That(
            Availability.Of(Night, People.At("Europe/Berlin", 2026, 11, 23, 3, 0)).Reason,
            Is.EqualTo("off hours: works 22:00-06:00 Europe/Berlin, now 03:00"));
    }

    // 13:30 UTC is 08:30 before the switch to daylight saving in New York (UTC-5) and 09:30 after it (UTC-4).
    [TestCase("America/New_York", "09:00-17:00", 2026, 3, 7, 13, 30, false, "08:30")]
    [TestCase("America/New_York", "09:00-17:00", 2026, 3, 8, 13, 30, true, "09:30")]
    [TestCase("America/New_York", "09:00-17:00", 2026, 10, 31, 13, 30, true, "09:30")]
    [TestCase("America/New_York", "09:00-17:00", 2026, 11, 1, 13, 30, false, "08:30")]
    [TestCase("Europe/Berlin", "09:00-17:30", 2026, 3, 28, 7, 30, false, "08:30")]
    [TestCase("Europe/Berlin", "09:00-17:30", 2026, 3, 29, 7, 30, true, "09:30")]
    [TestCase("Europe/Berlin", "09:00-17:30", 2026, 10, 24, 7, 30, true, "09:30")]
    [TestCase("Europe/Berlin", "09:00-17:30", 2026, 10, 25, 7, 30, false, "08:30")]
    public void Working_hours_follow_daylight_saving_both_ways(
        string zone, string hours, int year, int month, int day, int hour, int minute, bool available, string localTime)
    {
        var status = Availability.Of(People.Someone(zone, hours, "Mon-Sun"), Instant.FromUtc(year, month, day, hour, minute));

        Assert.That(status.Available, Is.EqualTo(available));
        Assert.That(status.Reason, Does.EndWith($"now {localTime}"));
    }

    [TestCase(5, 30, TestName = "01:30 the first time (EDT)")]
    [TestCase(6, 30, TestName = "01:30 the second time (EST)")]
    public void A_night_shift_spans_the_repeated_hour_when_clocks_go_back(int utcHour, int utcMinute)
    {
        var nightInNewYork = People.Someone("America/New_York", "22:00-06:00", "Sat");

        Assert.That(Availability.Of(nightInNewYork, Instant.FromUtc(2026, 11, 1, utcHour, utcMinute)).Reason, Does.EndWith("now 01:30"));
        Assert.That(Availability.Of(nightInNewYork, Instant.FromUtc(2026, 11, 1, utcHour, utcMinute)).Available, Is.True);
    }

    [TestCase("09:00-17:30", "Mon-Fri", "Alice Example (alice), 09:00-17:30 Mon-Fri Europe/Berlin")]
    [TestCase("22:00-06:00", "Sun-Tue", "Alice Example (alice), 22:00-06:00 Sun-Tue Europe/Berlin")]
    [TestCase("10:00-14:00", "Sat,Sun", "Alice Example (alice), 10:00-14:00 Sat,Sun Europe/Berlin")]
    [TestCase("10:00-14:00", "Mon,Wed-Fri", "Alice Example (alice), 10:00-14:00 Mon,Wed-Fri Europe/Berlin")]
    [TestCase("10:00-14:00", "Mon-Sun", "Alice Example (alice), 10:00-14:00 Mon-Sun Europe/Berlin")]
    public void Describe_gives_name_id_hours_days_and_zone(string hours, string days, string expected) =>
        Assert.That(Availability.Describe(People.Someone("Europe/Berlin", hours, days)), Is.EqualTo(expected));

    [Test]
    public void Describe_says_when_no_hours_are_known()
    {
        var alice = People.Someone("Europe/Berlin", "09:00-17:30");

        Assert.That(Availability.Describe(alice with { Hours = null }), Is.EqualTo("Alice Example (alice), Europe/Berlin, no working hours known"));
        Assert.That(Availability.Describe(alice with { Hours = null, TimeZone = null }), Is.EqualTo("Alice Example (alice), no working hours known"));
    }
}
