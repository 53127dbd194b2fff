using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;
using IncidentBot.Status;
using IncidentBot.Tests.Persistence;

namespace IncidentBot.Tests.Status;

/// <summary>Which incidents the public page shows, under which title, how long it keeps them, and how the HTML shows them; on both databases.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class StatusBoardTests(StorageProvider provider) : DatabaseTest(provider)
{
    private SqlIncidentStore Incidents => new(Database);

    private SqlStatusStore Statuses => new(Database);

    private StatusBoard NewBoard() => new(Statuses, Clock);

    [Test]
    public async Task Published_incidents_open_or_resolved_in_the_last_7_days_are_shown_under_their_public_titles()
    {
        var old = await Declare("Search down", publicTitle: "Search unavailable");
        var recent = await Declare("Login slow", publicTitle: "Slow sign-in");
        var open = await Declare("Checkout down", publicTitle: "Checkout errors");
        await Incidents.Resolve(old.Number, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(2));
        await Incidents.Resolve(recent.Number, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));

        var status = await NewBoard().Current(Ct);

        Assert.That(status.Status, Is.EqualTo("degraded"));
        Assert.That(status.Incidents.Select(i => (i.Id, i.Title)), Is.EqualTo<(string, string)[]>([(open.Id, "Checkout errors"), (recent.Id, "Slow sign-in")]));
        Assert.That(status.Resolved.Single().Stage, Is.EqualTo(IncidentStatus.Resolved));
    }

    [Test]
    public async Task Unpublished_and_private_incidents_are_never_shown()
    {
        await Declare("Credential leak in payments DB");
        var secret = await Declare("Customer data exposed", isPrivate: true);
        await Statuses.SetPublicTitle(secret.Number, "Degraded performance", Ct);
        await Statuses.Record(new StatusUpdate(secret.Number, IncidentStatus.Identified, "Keys rotated", Clock.GetUtcNow(), "<@U0ALICE>", "status:req-1"), Ct);

        var status = await NewBoard().Current(Ct);
        var html = StatusPageHtml.Render(status);

        Assert.That(status.Incidents, Is.Empty);
        Assert.That(html, Does.Contain("All systems operational").And.Not.Contain("Credential").And.Not.Contain("Keys rotated"));
    }

    [Test]
    public async Task Updates_are_shown_newest_first_with_UTC_times()
    {
        var incident = await Declare("Checkout down", publicTitle: "Checkout errors");
        await Statuses.Record(new StatusUpdate(incident.Number, IncidentStatus.Identified, "Cache flushed", Clock.GetUtcNow(), "<@U0ALICE>", "status:req-2"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(30));
        await Statuses.Record(new StatusUpdate(incident.Number, IncidentStatus.Monitoring, "Watching", Clock.GetUtcNow(), "<@U0ALICE>", "status:req-4"), Ct);

        var status = await NewBoard().Current(Ct);
        var html = StatusPageHtml.Render(status);

        Assert.That(status.Incidents.Single().Updates.Select(u => u.Message), Is.EqualTo<string[]>(["Watching", "Cache flushed"]));
        Assert.That(html.IndexOf("Watching", StringComparison.Ordinal), Is.LessThan(html.IndexOf("Cache flushed", StringComparison.Ordinal)));
        Assert.That(html, Does.Contain("2026-11-22 09:30 UTC").And.Contain("1 incident in progress").And.Contain("Checkout errors"));
        Assert.That(html, Does.Not.Contain("U0ALICE").And.Not.Contain("Checkout down"));
    }

    [Test]
    public async Task The_board_is_read_again_only_after_a_few_seconds_or_a_publication()
    {
        var board = NewBoard();
        var first = await Declare("Checkout down", publicTitle: "Checkout errors");
        Assert.That((await board.Current(Ct)).Incidents, Has.Count.EqualTo(1));

        var second = await Declare("Search down", publicTitle: "Search unavailable");
        var cached = await board.Current(Ct);
        Clock.Advance(StatusBoard.CacheFor);
        var expired = await board.Current(Ct);
        await Statuses.SetPublicTitle(first.Number, "Checkout errors for card payments", Ct);
        await board.Publish(first, new StatusUpdate(first.Number, IncidentStatus.Identified, "x", Clock.GetUtcNow(), "<@U0ALICE>", "status:req-3"), Ct);
        var afterPublication = await board.Current(Ct);

        Assert.That(cached.Incidents, Has.Count.EqualTo(1), "within the cache time the page is not read again");
        Assert.That(expired.Incidents.Select(i => i.Id), Is.EquivalentTo(new[] { first.Id, second.Id }));
        Assert.That(afterPublication.Incidents.Select(i => i.Title), Has.Member("Checkout errors for card payments"));
    }

    [Test]
    public async Task Without_open_incidents_all_systems_are_operational()
    {
        var incident = await Declare("Checkout down", publicTitle: "Checkout errors");
        await Incidents.Resolve(incident.Number, Clock.GetUtcNow(), Ct);

        var status = await NewBoard().Current(Ct);
        var html = StatusPageHtml.Render(status);

        Assert.That(status.Status, Is.EqualTo("operational"));
        Assert.That(html, Does.Contain("All systems operational").And.Contain("Resolved in the last 7 days").And.Not.Contain("Current incidents"));
    }

    private async Task<Incident> Declare(string title, string? publicTitle = null, bool isPrivate = false)
    {
        var incident = await Incidents.Create(
            new NewIncident($"req-{title}", title, null, null, "<@U0ALICE>", "<@U0ALICE>", Clock.GetUtcNow(), "slack", "C1", IsPrivate: isPrivate),
            new TimelineEntry(Clock.GetUtcNow(), TimelineKind.Declared, "<@U0ALICE>", title, "declared"),
            Ct);
        if (publicTitle is not null)
        {
            await Statuses.SetPublicTitle(incident.Number, publicTitle, Ct);
        }

        Clock.Advance(TimeSpan.FromSeconds(1));
        return incident;
    }
}
