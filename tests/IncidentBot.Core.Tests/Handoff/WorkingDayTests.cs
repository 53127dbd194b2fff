using IncidentBot.Core.Handoff;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Tests.Registry;
using NodaTime;

namespace IncidentBot.Core.Tests.Handoff;

/// <summary>When an owner's working day ends: zones, weekends, absences, night shifts and both DST transitions.</summary>
public sealed class WorkingDayTests
{
    private static readonly HandoffDefaults Defaults = HandoffDefaults.NineToFiveUtc;

    private static Instant Utc(int month, int day, int hour, int minute = 0) => Instant.FromUtc(2026, month, day, hour, minute);

    private static Instant EndOfShift(Person person, Instant now) => WorkingDay.EndOfShift(person, now, Defaults);

    [TestCase(11, 23, 10, 0, 11, 23, 16, 30, TestName = "Within Monday's shift it ends at 17:30 Berlin, 16:30 UTC")]
    [TestCase(11, 23, 6, 0, 11, 23, 16, 30, TestName = "Before Monday's shift it is Monday's end")]
    [TestCase(11, 23, 16, 30, 11, 24, 16, 30, TestName = "At the end of Monday's shift it is Tuesday's end")]
    [TestCase(11, 27, 17, 0, 11, 30, 16, 30, TestName = "After Friday's shift the weekend is skipped")]
    [TestCase(11, 28, 12, 0, 11, 30, 16, 30, TestName = "On a Saturday it is Monday's end")]
    public void A_day_shift_in_Berlin(int month, int day, int hour, int minute, int endMonth, int endDay, int endHour, int endMinute) =>
        Assert.That(EndOfShift(People.Someone("Europe/Berlin", "09:00-17:30"), Utc(month, day, hour, minute)), Is.EqualTo(Utc(endMonth, endDay, endHour, endMinute)));

    [Test]
    public void Out_of_office_days_from_the_registry_are_skipped()
    {
        var away = People.Someone("Europe/Berlin", "09:00-17:30") with { OutOfOffice = [new DateRange(new LocalDate(2026, 11, 30), new LocalDate(2026, 12, 1))] };

        Assert.That(EndOfShift(away, Utc(11, 27, 17)), Is.EqualTo(Utc(12, 2, 16, 30)));
    }

    [TestCase(11, 24, 2, 0, 11, 24, 5, 0, TestName = "Tuesday 03:00 Berlin is in Monday's night shift, which ends Tuesday 06:00")]
    [TestCase(11, 23, 21, 0, 11, 24, 5, 0, TestName = "Monday 22:00 Berlin starts a shift that ends the next morning")]
    [TestCase(11, 28, 2, 0, 11, 28, 5, 0, TestName = "Saturday 03:00 Berlin is still Friday's shift")]
    [TestCase(11, 28, 12, 0, 12, 1, 5, 0, TestName = "From Saturday noon the next shift is Monday night's")]
    [TestCase(11, 23, 2, 0, 11, 24, 5, 0, TestName = "Monday 03:00 Berlin is no shift (Sunday night is off)")]
    public void A_night_shift_crossing_midnight(int month, int day, int hour, int minute, int endMonth, int endDay, int endHour, int endMinute) =>
        Assert.That(EndOfShift(People.Someone("Europe/Berlin", "22:00-06:00"), Utc(month, day, hour, minute)), Is.EqualTo(Utc(endMonth, endDay, endHour, endMinute)));

    // 17:00 New York is 22:00 UTC before the switch to daylight saving (2026-03-08) and after its end (2026-11-01),
    // 21:00 UTC in between; 17:30 Berlin is 16:30 UTC in winter and 15:30 UTC in summer (2026-03-29 to 2026-10-25).
    [TestCase("America/New_York", "09:00-17:00", 3, 7, 3, 7, 22, 0)]
    [TestCase("America/New_York", "09:00-17:00", 3, 8, 3, 8, 21, 0)]
    [TestCase("America/New_York", "09:00-17:00", 10, 31, 10, 31, 21, 0)]
    [TestCase("America/New_York", "09:00-17:00", 11, 1, 11, 1, 22, 0)]
    [TestCase("Europe/Berlin", "09:00-17:30", 3, 28, 3, 28, 16, 30)]
    [TestCase("Europe/Berlin", "09:00-17:30", 3, 29, 3, 29, 15, 30)]
    [TestCase("Europe/Berlin", "09:00-17:30", 10, 24, 10, 24, 15, 30)]
    [TestCase("Europe/Berlin", "09:00-17:30", 10, 25, 10, 25, 16, 30)]
    public void The_end_follows_daylight_saving_on_the_day_it_changes(string zone, string hours, int month, int day, int endMonth, int endDay, int endHour, int endMinute) =>
        Assert.That(EndOfShift(People.Someone(zone, hours, "Mon-Sun"), Utc(month, day, 12)), Is.EqualTo(Utc(endMonth, endDay, endHour, endMinute)));

    // A local end that never happens (clocks jump from 02:00 to 03:00) moves forward by the jump: 02:30 becomes 03:30.
    [TestCase("Europe/Berlin", 3, 28, 20, 3, 29, 1, 30, TestName = "Berlin 2026-03-29 02:30 is in the gap and becomes 03:30 CEST")]
    [TestCase("America/New_York", 3, 8, 2, 3, 8, 7, 30, TestName = "New York 2026-03-08 02:30 is in the gap and becomes 03:30 EDT")]
    // A local end that happens twice (clocks go back) is the later one, in winter time.
    [TestCase("Europe/Berlin", 10, 24, 20, 10, 25, 1, 30, TestName = "Berlin 2026-10-25 02:30 happens twice and the later one, CET, counts")]
    [TestCase("America/New_York", 11, 1, 2, 11, 1, 7, 30, TestName = "New York 2026-11-01 02:30 is after the overlap and is EST")]
    public void An_end_in_a_DST_gap_moves_forward_and_in_an_overlap_is_the_later(string zone, int month, int day, int hour, int endMonth, int endDay, int endHour, int endMinute) =>
        Assert.That(EndOfShift(People.Someone(zone, "20:00-02:30", "Mon-Sun"), Utc(month, day, hour)), Is.EqualTo(Utc(endMonth, endDay, endHour, endMinute)));

    [Test]
    public void An_end_in_the_New_York_overlap_is_the_later_instant()
    {
        var owner = People.Someone("America/New_York", "20:00-01:30", "Mon-Sun");

        // Saturday 2026-10-31 22:00 EDT; 01:30 on Sunday happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
        Assert.That(EndOfShift(owner, Utc(11, 1, 2)), Is.EqualTo(Utc(11, 1, 6, 30)));
    }

    [Test]
    public void A_night_shift_over_the_spring_change_is_an_hour_shorter_and_ends_at_its_local_time()
    {
        var owner = People.Someone("Europe/Berlin", "22:00-06:00", "Mon-Sun");

        // Saturday 2026-03-28 22:00 CET (21:00 UTC) to Sunday 06:00 CEST (04:00 UTC).
        Assert.That(EndOfShift(owner, Utc(3, 28, 23)), Is.EqualTo(Utc(3, 29, 4)));
    }

    [Test]
    public void Someone_without_hours_or_zone_gets_the_default_day_and_zone()
    {
        var stranger = new Person("zed", "Zed", null, null, null, null, null, Schedule.DefaultDays, []);
        var kolkataDefaults = new HandoffDefaults(new LocalTime(10, 0), new LocalTime(18, 0), DateTimeZoneProviders.Tzdb["Asia/Kolkata"]);

        Assert.That(EndOfShift(stranger, Utc(11, 23, 10)), Is.EqualTo(Utc(11, 23, 17)));
        Assert.That(WorkingDay.EndOfShift(stranger, Utc(11, 23, 10), kolkataDefaults), Is.EqualTo(Utc(11, 23, 12, 30)), "18:00 in Kolkata (UTC+5:30)");
        Assert.That(EndOfShift(stranger with { TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"] }, Utc(11, 23, 10)), Is.EqualTo(Utc(11, 23, 22)), "default hours in their own zone");
    }

    [Test]
    public void An_end_reads_in_the_owners_zone_and_in_UTC()
    {
        Assert.That(WorkingDay.Describe(Utc(11, 23, 16, 30), DateTimeZoneProviders.Tzdb["Europe/Berlin"]), Is.EqualTo("17:30 Europe/Berlin (16:30 UTC)"));
        Assert.That(WorkingDay.Describe(Utc(11, 23, 17), DateTimeZone.Utc), Is.EqualTo("17:00 UTC"));
    }
}
