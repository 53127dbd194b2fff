using IncidentBot.Core.Registry;
using NodaTime;

namespace IncidentBot.Core.Tests.Registry;

public sealed class AvailabilityTests
{
    private static readonly Person Alice = People.Someone("Europe/Berlin", "09:00-17:30");

    [Test]
    public void In_working_hours_someone_is_available() =>
        Assert.That(
            Availability.Of(Alice, People.At("Europe/Berlin", 2026, 11, 23, 10, 15)),
            Is.EqualTo(new AvailabilityStatus(true, "working hours: works 09:00-17:30 Europe/Berlin, now 10:15")));

    [Test]
    public void After_hours_the_reason_gives_the_hours_and_their_local_time() =>
        Assert.That(
            Availability.Of(Alice, People.At("Europe/Berlin", 2026, 11, 23, 18, 5)),
            Is.EqualTo(new AvailabilityStatus(false, "off hours: works 09:00-17:30 Europe/Berlin, now 18:05")));

    [TestCase(8, 59, false)]
    [TestCase(9, 0, true)]
    [TestCase(17, 29, true)]
    [TestCase(17, 30, false)]
    public void Hours_include_the_start_and_exclude_the_end(int hour, int minute, bool available) =>
        Assert.That(Availability.Of(Alice, People.At("Europe/Berlin", 2026, 11, 23, hour, minute)).Available, Is.EqualTo(available));

    [Test]
    public void On_a_day_off_the_reason_names_the_day() =>
        Assert.That(
            Availability.Of(Alice, People.At("Europe/Berlin", 2026, 11, 28, 11, 0)),
            Is.EqualTo(new AvailabilityStatus(false, "off today (Saturday)")));

    [Test]
    public void One_instant_is_judged_in_each_persons_own_time_zone()
    {
        var now = Instant.FromUtc(2026, 11, 23, 14, 0);

        Assert.That(Availability.Of(Alice, now).Available, Is.True, "15:00 in Berlin");
        Assert.That(Availability.Of(People.Someone("America/New_York", "09:00-17:00"), now).Available, Is.True, "09:00 in New York");
        Assert.That(
            Availability.Of(People.Someone("Asia/Kolkata", "10:00-18:30"), now).Reason,
            Is.EqualTo("off hours: works 10:00-18:30 Asia/Kolkata, now 19:30"));
    }

    [Test]
    public void Someone_without_hours_or_time_zone_is_taken_as_available()
    {
        var noHours = Alice with { Hours = null };
        var noZone = Alice with { TimeZone = null };
        var saturday = People.At("Europe/Berlin", 2026, 11, 28, 3, 0);

        Assert.That(Availability.Of(noHours, saturday), Is.EqualTo(new AvailabilityStatus(true, "no working hours known")));
        Assert.That(Availability.Of(noZone, saturday), Is.EqualTo(new AvailabilityStatus(true, "no working hours known")));
    }

    [Test]
    public void An_absence_in_the_registry_covers_whole_local_days()
    {
        var away = Alice with { OutOfOffice = [new DateRange(new LocalDate(2026, 12, 20), new LocalDate(2027, 1, 3))] };

        Assert.That(
            Availability.Of(away, People.At("Europe/Berlin", 2026, 12, 21, 10, 0)),
            Is.EqualTo(new AvailabilityStatus(false, "out of office until 2027-01-03")));
        Assert.That(Availability.Of(away, People.At("Europe/Berlin", 2027, 1, 4, 10, 0)).Available, Is.True);
    }

    [Test]
    public void An_absence_ends_at_midnight_in_the_persons_zone_not_in_UTC()
    {
        var priya = People.Someone("Asia/Kolkata", "00:00-23:59", "Mon-Sun") with
        {
            OutOfOffice = [new DateRange(new LocalDate(2026, 12, 20), new LocalDate(2027, 1, 3))],
        };

        // 20:00 UTC on the 3rd is 01:30 on the 4th in Kolkata: back already.
        Assert.That(Availability.Of(priya, Instant.FromUtc(2027, 1, 3, 20, 0)).Available, Is.True);
        Assert.That(Availability.Of(priya, Instant.FromUtc(2027, 1, 3, 18, 0)).Available, Is.False);
    }

    [Test]
    public void Out_of_office_said_at_run_time_wins_over_working_hours()
    {
        var monday = People.At("Europe/Berlin", 2026, 11, 23, 10, 0);

        Assert.That(
            Availability.Of(Alice, monday, outOfOfficeNow: true),
            Is.EqualTo(new AvailabilityStatus(false, "out of office")));
        Assert.That(
            Availability.Of(Alice, monday, new LocalDate(2026, 11, 23), outOfOfficeNow: true),
            Is.EqualTo(new AvailabilityStatus(false, "out of office until 2026-11-23")));
    }

    [Test]
    public void Out_of_office_said_at_run_time_lapses_after_its_last_day()
    {
        var tuesday = People.At("Europe/Berlin", 2026, 11, 24, 10, 0);

        Assert.That(Availability.Of(Alice, tuesday, new LocalDate(2026, 11, 23), outOfOfficeNow: true).Available, Is.True);
        Assert.That(Availability.Of(Alice, tuesday, new LocalDate(2026, 11, 30), outOfOfficeNow: false).Available, Is.True);
    }
}
