using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Persistence;
using NodaTime;

namespace IncidentBot.Tests.Persistence;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SqlPagingStoreTests(StorageProvider provider) : DatabaseTest(provider)
{
    private SqlPagingStore Paging => new(Database);

    private SqlIncidentStore Incidents => new(Database);

    [Test]
    public async Task The_first_acknowledgement_wins_and_sets_the_owner()
    {
        var incident = await Declare();

        Assert.That(await Paging.Acknowledge(incident.Number, "<@U0BOB>", Clock.GetUtcNow(), Ct), Is.True);
        Assert.That(await Paging.Acknowledge(incident.Number, "<@U0CAROL>", Clock.GetUtcNow(), Ct), Is.False);

        var found = await Incidents.Find(incident.Number, Ct);
        Assert.That((found!.Owner, found.AcknowledgedAt), Is.EqualTo(("<@U0BOB>", (DateTimeOffset?)Clock.GetUtcNow())));
    }

    [Test]
    public async Task An_escalation_level_can_be_finished_until_a_later_one_starts()
    {
        var incident = await Declare();

        Assert.That(await Paging.TryEscalate(incident.Number, 1, Ct), Is.True);
        Assert.That(await Paging.TryEscalate(incident.Number, 1, Ct), Is.True);
        Assert.That(await Paging.TryEscalate(incident.Number, 2, Ct), Is.True);
        Assert.That(await Paging.TryEscalate(incident.Number, 1, Ct), Is.False);
    }

    [Test]
    public async Task Out_of_office_is_stored_replaced_and_cleared()
    {
        Assert.That(await Paging.AwayStatus("alice", Ct), Is.Null);

        await Paging.SetAway("alice", new LocalDate(2026, 12, 24), Clock.GetUtcNow(), Ct);
        Assert.That(await Paging.AwayStatus("alice", Ct), Is.EqualTo(new Away(new LocalDate(2026, 12, 24))));
        await Paging.SetAway("alice", null, Clock.GetUtcNow(), Ct);
        Assert.That(await Paging.AwayStatus("alice", Ct), Is.EqualTo(new Away(null)));
        await Paging.SetBack("alice", Ct);

        Assert.That(await Paging.AwayStatus("alice", Ct), Is.Null);
    }

    private Task<Incident> Declare() => Incidents.Create(
        new NewIncident("req-1", "Checkout down", 1, "payments", "<@U0ALICE>", "<@U0ALICE>", Clock.GetUtcNow(), "slack", "C1"),
        new Core.Timeline.TimelineEntry(Clock.GetUtcNow(), "declared", "<@U0ALICE>", "Checkout down", "declared"),
        Ct);
}
