using IncidentBot.Core.Actions;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Persistence;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SqlActionStoreTests(StorageProvider provider) : DatabaseTest(provider)
{
    private SqlActionStore Actions => new(Database);

    private SqlIncidentStore Incidents => new(Database);

    [Test]
    public async Task Actions_are_numbered_across_incidents_and_recorded_once_per_request()
    {
        var first = await Declare("req-1");
        var second = await Declare("req-2");

        var a1 = await Actions.Add(Draft("cmd-1", first, "Alert on cache misses", "<@U0BOB>", new DateOnly(2026, 12, 4)), Ct);
        var again = await Actions.Add(Draft("cmd-1", first, "Alert on cache misses", "<@U0BOB>", new DateOnly(2026, 12, 4)), Ct);
        var a2 = await Actions.Add(Draft("cmd-2", second, "Load test checkout", null, null), Ct);

        Assert.That((a1.Id, a2.Id, again), Is.EqualTo(("A-1", "A-2", a1)));
        Assert.That(await Actions.Find(1, Ct), Is.EqualTo(a1 with { }));
        Assert.That((await Actions.ForIncident(second.Number, Ct)).Single().Text, Is.EqualTo("Load test checkout"));
        Assert.That(await Actions.Find(9, Ct), Is.Null);
    }

    [Test]
    public async Task Marking_done_happens_once_and_open_lists_leave_done_ones_out()
    {
        var incident = await Declare("req-1");
        await Actions.Add(Draft("cmd-1", incident, "Alert on cache misses", null, null), Ct);
        await Actions.Add(Draft("cmd-2", incident, "Load test checkout", null, null), Ct);

        Assert.That(await Actions.MarkDone(1, "<@U0BOB>", Clock.GetUtcNow(), Ct), Is.True);
        Assert.That(await Actions.MarkDone(1, "<@U0CAROL>", Clock.GetUtcNow(), Ct), Is.False);

        Assert.That((await Actions.Find(1, Ct))!.DoneBy, Is.EqualTo("<@U0BOB>"));
        Assert.That((await Actions.List(openOnly: true, Ct)).Select(a => a.Id), Is.EqualTo<string[]>(["A-2"]));
        Assert.That((await Actions.List(openOnly: false, Ct)).Select(a => a.Id), Is.EqualTo<string[]>(["A-1", "A-2"]));
    }

    [Test]
    public async Task Severity_impact_start_and_alert_key_are_kept_with_the_incident()
    {
        var incident = await Incidents.Create(
            new NewIncident("alert:am:1", "HighErrorRate", 2, null, "alert HighErrorRate", null, Clock.GetUtcNow(), "slack", "C1", Clock.GetUtcNow().AddMinutes(-20), "alertmanager:{}:{alertname=\"HighErrorRate\"}"),
            new TimelineEntry(Clock.GetUtcNow(), TimelineKind.Declared, "alert HighErrorRate", "HighErrorRate", "declared"),
            Ct);
        await Incidents.SetSeverity(incident.Number, 1, Ct);

        var found = await Incidents.Find(incident.Number, Ct);
        Assert.That((found!.Severity, found.ImpactStartedAt, found.Owner), Is.EqualTo(((int?)1, (DateTimeOffset?)Clock.GetUtcNow().AddMinutes(-20), (string?)null)));
        await Incidents.SetImpactStart(incident.Number, Clock.GetUtcNow().AddHours(-2), Ct);
        Assert.That((await Incidents.Find(incident.Number, Ct))!.ImpactStartedAt, Is.EqualTo(Clock.GetUtcNow().AddHours(-2)));
        Assert.That((await Incidents.ForAlert("alertmanager:{}:{alertname=\"HighErrorRate\"}", Ct)).Single().Number, Is.EqualTo(incident.Number));
        Assert.That(await Incidents.ForAlert("alertmanager:other", Ct), Is.Empty);
    }

    private NewAction Draft(string request, Incident incident, string text, string? owner, DateOnly? due) =>
        new(request, incident.Number, text, owner, due, "<@U0ALICE>", Clock.GetUtcNow());

    private Task<Incident> Declare(string requestKey) => Incidents.Create(
        new NewIncident(requestKey, "Logins fail", 1, "auth", "U1", "U1", Clock.GetUtcNow(), "slack", "C1"),
        new TimelineEntry(Clock.GetUtcNow(), TimelineKind.Declared, "U1", "Logins fail", "declared"),
        Ct);
}
