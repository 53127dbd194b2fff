using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Runbook;

public sealed class StatusCadenceTests
{
    private static List<(string Time, string Text)> StatusNudges(CoreHarness core, IReadOnlyList<TimelineEntry> timeline) =>
        [.. timeline.Where(e => e.Kind == TimelineKind.Reminder && !e.Text.StartsWith("This thread has been quiet", StringComparison.Ordinal))
            .Select(e => (e.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), e.Text))];

    [Test]
    public async Task After_the_first_update_a_new_one_is_asked_for_every_hour_at_SEV_2_for_the_whole_incident()
    {
        var core = new CoreHarness();
        await core.Run("Checkout down sev:2");
        await core.Advance(TimeSpan.FromMinutes(5));
        await core.Run("status investigating Card payments fail");

        await core.Advance(TimeSpan.FromMinutes(150));

        var nudges = StatusNudges(core, await core.Timeline());
        Assert.That(nudges.Select(n => n.Time), Is.EqualTo<string[]>(["10:05", "11:05"]));
        Assert.That(nudges[0].Text, Does.StartWith("The last public status update was 1 h ago; at SEV-2 one is due every 1 h."));
    }

    [Test]
    public async Task Raising_to_SEV_1_brings_the_next_nudge_forward_to_30_minutes_after_the_last_update()
    {
        var core = new CoreHarness();
        await core.Run("Checkout down sev:3");
        await core.Run("status investigating Card payments fail");
        await core.Advance(TimeSpan.FromMinutes(20));

        await core.Run("sev 1");
        await core.Advance(TimeSpan.FromMinutes(45));

        Assert.That(StatusNudges(core, await core.Timeline()).Select(n => n.Time), Is.EqualTo<string[]>(["09:30", "10:00"]));
    }

    [Test]
    public async Task A_status_update_moves_the_next_nudge_and_resolving_stops_them()
    {
        var core = new CoreHarness();
        await core.Run("Checkout down sev:1");
        await core.Run("status investigating Card payments fail");
        await core.Advance(TimeSpan.FromMinutes(25));
        await core.Run("status identified Cache flushed");
        await core.Advance(TimeSpan.FromMinutes(25));
        Assert.That(StatusNudges(core, await core.Timeline()), Is.Empty);

        await core.Advance(TimeSpan.FromMinutes(10));
        await core.Run("resolve checkout works");
        await core.Advance(TimeSpan.FromHours(3));

        Assert.That(StatusNudges(core, await core.Timeline()).Select(n => n.Time), Is.EqualTo<string[]>(["09:55"]));
    }
}
