using IncidentBot.Core.Handoff;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;
using NodaTime;

namespace IncidentBot.Core.Tests.Handoff;

/// <summary>Owners the registry knows nothing about: the thread is told which defaults the bot assumes.</summary>
public sealed class OwnerHoursTests
{
    [Test]
    public async Task An_owner_with_no_known_hours_or_zone_is_told_at_declare_time_and_the_defaults_apply()
    {
        var core = new CoreHarness();

        await core.Run("Checkout down", core.Context(user: "zed"));

        var note = core.Posts.Single(p => p.Message.Key == "INC-1:handoff-defaults:zed").Message.Text;
        Assert.That(note, Does.StartWith("The expertise registry has no working hours or time zone for zed, so the bot assumes Handoff:DefaultHours and Handoff:DefaultTimeZone: the owner's working day ends at 17:00 UTC."));
        Assert.That(core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.NagKind).At, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task The_chat_platforms_time_zone_is_used_when_the_registry_has_none()
    {
        var core = new CoreHarness();
        core.PlatformZones["zed"] = DateTimeZoneProviders.Tzdb["America/New_York"];

        await core.Run("Checkout down", core.Context(user: "zed"));

        var note = core.Posts.Single(p => p.Message.Key == "INC-1:handoff-defaults:zed").Message.Text;
        Assert.That(note, Does.StartWith("The expertise registry has no working hours for zed").And.Contain("ends at 17:00 America/New_York (22:00 UTC)"));
    }

    [Test]
    public async Task An_owner_the_registry_knows_gets_no_note()
    {
        var core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);

        await core.Run("Checkout down", core.Context(user: "alice"));

        Assert.That(core.Posts.Select(p => p.Message.Key), Has.None.Contains("handoff-defaults"));
        Assert.That(core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.NagKind).At, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero)));
    }
}
