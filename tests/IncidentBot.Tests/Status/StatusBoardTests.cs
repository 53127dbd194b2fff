using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;
using IncidentBot.Status;
using IncidentBot.Tests.Persistence;

namespace IncidentBot.Tests.Status;

/// <summary>Which incidents the public page shows, and how the HTML shows them; on both databases.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class StatusBoardTests(StorageProvider provider) : DatabaseTest(provider)
{
    private SqlIncidentStore Incidents => new(Database);

    private SqlStatusStore Statuses => new(Database);

    private StatusBoard Board => new(Incidents, Statuses, Clock);

    [Test]
    public async Task Open_incidents_and_those_resolved_in_the_last_7_days_are_shown()
    {
        var old = await Declare("Search down");
        var recent = await Declare("Login slow");
        var open = await Declare("Checkout down");
        await Incidents.Resolve(old.Number, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(2));
        await Incidents.Resolve(recent.Number, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));

        var status = await Board.Current(Ct);

        Assert.That(status.Status, Is.EqualTo("degraded"));
        Assert.That(status.Incidents.Select(i => i.Id), Is.EqualTo<string[]>([open.Id, recent.Id]));
        Assert.That(status.Resolved.Single().Stage, Is.EqualTo(IncidentStatus.Resolved));
    }

    [Test]
    public async Task Updates_are_shown_newest_first_with_UTC_times()
    {
        var incident = await Declare("Checkout down");
        await Statuses.Record(new StatusUpdate(incident.Number, IncidentStatus.Identified, "Cache flushed", Clock.GetUtcNow(), "<@U0ALICE>", "status:req-1"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(30));
        await Statuses.Record(new StatusUpdate(incident.Number, IncidentStatus.Monitoring, "Watching", Clock.GetUtcNow(), "<@U0ALICE>", "status:req-2"), Ct);

        var status = await Board.Current(Ct);
        var html = StatusPageHtml.Render(status);

        Assert.That(status.Incidents.Single().Updates.Select(u => u.Message), Is.EqualTo<string[]>(["Watching", "Cache flushed"]));
        Assert.That(html.IndexOf("Watching", StringComparison.Ordinal), Is.LessThan(html.IndexOf("Cache flushed", StringComparison.Ordinal)));
        Assert.That(html, Does.Contain("2026-11-22 09:30 UTC").And.Contain("1 incident in progress").And.Not.Contain("U0ALICE"));
    }

    [Test]
    public async Task Without_open_incidents_all_systems_are_operational()
    {
        var incident = await Declare("Checkout down");
        await Incidents.Resolve(incident.Number, Clock.GetUtcNow(), Ct);

        var status = await Board.Current(Ct);
        var html = StatusPageHtml.Render(status);

        Assert.That(status.Status, Is.EqualTo("operational"));
        Assert.That(html, Does.Contain("All systems operational").And.Contain("Resolved in the last 7 days").And.Not.Contain("Current incidents"));
    }

    private async Task<Incident> Declare(string title)
    {
        var incident = await Incidents.Create(
            new NewIncident($"req-{title}", title, null, null, "<@U0ALICE>", "<@U0ALICE>", Clock.GetUtcNow(), "slack", "C1"),
            new TimelineEntry(Clock.GetUtcNow(), TimelineKind.Declared, "<@U0ALICE>", title, "declared"),
            Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        return incident;
    }
}
