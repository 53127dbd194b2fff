using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Persistence;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SqlIncidentStorePostmortemTests(StorageProvider provider) : DatabaseTest(provider)
{
    private SqlIncidentStore Store => new(Database);

    [Test]
    public async Task A_reply_is_marked_a_key_event_and_unmarked_again()
    {
        var incident = await Declare("req-1", "C1");
        var reply = Reply("1700000001.000100", "Cache nodes are back");
        await Store.Append(incident.Number, reply, Ct);

        Assert.That(await Store.MarkKey(incident.Number, reply.SourceId, key: true, Ct), Is.True);
        Assert.That((await Store.Timeline(incident.Number, Ct))[1], Is.EqualTo(reply with { Key = true }));
        Assert.That(await Store.MarkKey(incident.Number, reply.SourceId, key: false, Ct), Is.True);
        Assert.That((await Store.Timeline(incident.Number, Ct))[1].Key, Is.False);
        Assert.That(await Store.MarkKey(incident.Number, "no-such-message", key: true, Ct), Is.False);
    }

    [Test]
    public async Task A_message_is_found_by_its_channel_without_its_thread()
    {
        var here = await Declare("req-1", "C1");
        var elsewhere = await Declare("req-2", "C2");
        var reply = Reply("1700000001.000100", "Rolling back now");
        await Store.Append(here.Number, reply, Ct);
        await Store.Append(elsewhere.Number, reply, Ct);

        Assert.That(await Store.MarkKeyByMessage("slack", "C1", reply.SourceId, key: true, Ct), Is.True);
        Assert.That(await Store.MarkKeyByMessage("teams", "C1", reply.SourceId, key: true, Ct), Is.False);
        Assert.That(await Store.MarkKeyByMessage("slack", "C1", "1700000009.000900", key: true, Ct), Is.False);

        Assert.That((await Store.Timeline(here.Number, Ct))[1].Key, Is.True);
        Assert.That((await Store.Timeline(elsewhere.Number, Ct))[1].Key, Is.False, "same ts, other channel");
    }

    [Test]
    public async Task An_appended_key_entry_keeps_its_mark()
    {
        var incident = await Declare("req-1", "C1");
        var reply = Reply("1700000001.000100", "Found it") with { Key = true };

        await Store.Append(incident.Number, reply, Ct);

        Assert.That((await Store.Timeline(incident.Number, Ct))[1], Is.EqualTo(reply));
    }

    [Test]
    public async Task The_resolution_is_kept_with_the_incident()
    {
        var incident = await Declare("req-1", "C1");

        await Store.SetResolution(incident.Number, "Logins work in every region", "The inner cache failed closed", "Restarted the token service", Ct);
        var withCause = await Store.Find(incident.Number, Ct);
        await Store.SetResolution(incident.Number, "Checked again", null, null, Ct);
        var commandOnly = await Store.Find(incident.Number, Ct);

        Assert.That(
            (withCause!.Verification, withCause.RootCause, withCause.Resolution),
            Is.EqualTo(("Logins work in every region", (string?)"The inner cache failed closed", (string?)"Restarted the token service")));
        // No root cause given (resolve by command): the one written before, on the dashboard for instance, stays.
        Assert.That((commandOnly!.Verification, commandOnly.RootCause), Is.EqualTo(("Checked again", (string?)"The inner cache failed closed")));
        Assert.That((await Store.List(openOnly: false, Ct))[0].Verification, Is.EqualTo("Checked again"));
    }

    private async Task<Incident> Declare(string requestKey, string channel)
    {
        var incident = await Store.Create(
            new NewIncident(requestKey, "Logins fail", 1, "auth", "U1", "U1", Clock.GetUtcNow(), "slack", channel),
            new TimelineEntry(Clock.GetUtcNow(), TimelineKind.Declared, "U1", "Logins fail", "declared"),
            Ct);
        await Store.SetThreadId(incident.Number, "1700000000.000100", Ct);
        return incident;
    }

    private TimelineEntry Reply(string ts, string text) => new(Clock.GetUtcNow().AddMinutes(1), TimelineKind.Message, "U2", text, ts);

    [Test]
    public async Task The_postmortem_texts_are_kept_and_cleared_with_the_incident()
    {
        var incident = await Declare("req-1", "C1");

        await Store.SetPostmortemText(incident.Number, "EU shoppers could not pay", "A bad deploy", "Rolled back", Ct);
        var written = await Store.Find(incident.Number, Ct);
        await Store.SetPostmortemText(incident.Number, "EU shoppers could not pay", null, "Rolled back", Ct);
        var cleared = await Store.Find(incident.Number, Ct);

        Assert.That((written!.Impact, written.RootCause, written.Resolution), Is.EqualTo(((string?)"EU shoppers could not pay", (string?)"A bad deploy", (string?)"Rolled back")));
        Assert.That(cleared!.RootCause, Is.Null);
    }
}
