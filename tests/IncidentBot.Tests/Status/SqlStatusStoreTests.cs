using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;
using IncidentBot.Status;
using IncidentBot.Tests.Persistence;

namespace IncidentBot.Tests.Status;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SqlStatusStoreTests(StorageProvider provider) : DatabaseTest(provider)
{
    private SqlStatusStore Statuses => new(Database);

    private SqlIncidentStore Incidents => new(Database);

    [Test]
    public async Task Updates_are_kept_per_incident_oldest_first()
    {
        var first = await Declare("req-1");
        var second = await Declare("req-2");
        var later = new StatusUpdate(first.Number, IncidentStatus.Monitoring, "Error rate normal", Clock.GetUtcNow().AddMinutes(20), "<@U0BOB>", "status:req-20");
        var earlier = new StatusUpdate(first.Number, IncidentStatus.Identified, "Cache flushed", Clock.GetUtcNow().AddMinutes(5), "<@U0ALICE>", "status:req-5");

        await Statuses.Record(later, Ct);
        await Statuses.Record(earlier, Ct);
        await Statuses.Record(earlier with { IncidentNumber = second.Number }, Ct);

        Assert.That(await Statuses.ForIncident(first.Number, Ct), Is.EqualTo<StatusUpdate[]>([earlier, later]));
        Assert.That(await Statuses.ForIncident(99, Ct), Is.Empty);
    }

    [Test]
    public async Task Recording_an_update_again_keeps_the_first_and_returns_it()
    {
        var incident = await Declare("req-1");
        var first = new StatusUpdate(incident.Number, IncidentStatus.Identified, "Cache flushed", Clock.GetUtcNow(), "<@U0ALICE>", "status:req-7");

        var stored = await Statuses.Record(first, Ct);
        var again = await Statuses.Record(first with { At = Clock.GetUtcNow().AddMinutes(1), PublicMessage = "Cache flushed again" }, Ct);

        Assert.That((stored, again), Is.EqualTo((first, first)));
        Assert.That(await Statuses.ForIncident(incident.Number, Ct), Is.EqualTo<StatusUpdate[]>([first]));
    }

    [Test]
    public async Task Setting_the_status_stores_it_in_lower_case()
    {
        var incident = await Declare("req-1");

        await Statuses.SetIncidentStatus(incident.Number, IncidentStatus.Identified, Ct);

        Assert.That((await Incidents.Find(incident.Number, Ct))!.Status, Is.EqualTo(IncidentStatus.Identified));
        await using var connection = await Database.Open(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM incidents";
        Assert.That(await command.ExecuteScalarAsync(Ct), Is.EqualTo("identified"));
    }

    [Test]
    public async Task A_resolved_incident_keeps_its_status()
    {
        var incident = await Declare("req-1");
        await Incidents.Resolve(incident.Number, Clock.GetUtcNow(), Ct);

        await Statuses.SetIncidentStatus(incident.Number, IncidentStatus.Monitoring, Ct);

        Assert.That((await Incidents.Find(incident.Number, Ct))!.Status, Is.EqualTo(IncidentStatus.Resolved));
    }

    [Test]
    public async Task The_first_Statuspage_id_of_an_incident_is_kept()
    {
        var incident = await Declare("req-1");
        Assert.That(await Statuses.StatuspageId(incident.Number, Ct), Is.Null);

        await Statuses.SetStatuspageId(incident.Number, "sp-1", Ct);
        await Statuses.SetStatuspageId(incident.Number, "sp-2", Ct);

        Assert.That(await Statuses.StatuspageId(incident.Number, Ct), Is.EqualTo("sp-1"));
    }

    private Task<Incident> Declare(string request) => Incidents.Create(
        new NewIncident(request, "Checkout down", 1, "payments", "<@U0ALICE>", "<@U0ALICE>", Clock.GetUtcNow(), "slack", "C1"),
        new TimelineEntry(Clock.GetUtcNow(), TimelineKind.Declared, "<@U0ALICE>", "Checkout down", "declared"),
        Ct);
}
