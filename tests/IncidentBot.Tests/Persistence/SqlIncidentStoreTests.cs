using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Persistence;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SqlIncidentStoreTests(StorageProvider provider) : DatabaseTest(provider)
{
    private SqlIncidentStore Store => new(Database);

    [Test]
    public async Task Creating_an_incident_stores_it_with_its_declared_entry()
    {
        var incident = await Declare("req-1", "Checkout API returns 500s");

        Assert.That(incident, Is.EqualTo(new Incident(
            incident.Number, "Checkout API returns 500s", IncidentStatus.Investigating, 1, "payments", "U1", "U1",
            Clock.GetUtcNow(), null, new ChatThread("slack", "C1", null))));
        Assert.That(await Store.Find(incident.Number, Ct), Is.EqualTo(incident));
        Assert.That(await Store.Timeline(incident.Number, Ct), Is.EqualTo(new[] { Declared("Checkout API returns 500s") }));
        Assert.That(await Scalar<string>("SELECT status FROM incidents"), Is.EqualTo("investigating"));
    }

    [Test]
    public async Task Resolving_records_the_time_once_and_leaves_the_open_list()
    {
        var incident = await Declare("req-1", "Checkout API returns 500s");
        var at = Clock.GetUtcNow().AddMinutes(42);

        Assert.That(await Store.Resolve(incident.Number, at, Ct), Is.True);
        Assert.That(await Store.Resolve(incident.Number, at.AddMinutes(1), Ct), Is.False);

        var resolved = await Store.Find(incident.Number, Ct);
        Assert.That((resolved!.Status, resolved.ResolvedAt), Is.EqualTo((IncidentStatus.Resolved, (DateTimeOffset?)at)));
        Assert.That(await Store.List(openOnly: true, Ct), Is.Empty);
    }

    [Test]
    public async Task Creating_again_for_the_same_request_returns_the_first_incident_unchanged()
    {
        var first = await Declare("req-1", "Checkout down");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await Declare("req-1", "Something else");

        Assert.That(again, Is.EqualTo(first));
        Assert.That(await Store.List(openOnly: false, Ct), Has.Count.EqualTo(1));
        Assert.That(await Store.Timeline(first.Number, Ct), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_incident_is_found_by_its_thread_once_the_thread_id_is_set()
    {
        var incident = await Declare("req-1", "Checkout down");
        await Declare("req-2", "Search down");
        Assert.That(await Store.FindByThread("slack", "C1", "1700000000.000100", Ct), Is.Null);

        await Store.SetThreadId(incident.Number, "1700000000.000100", Ct);

        var found = await Store.FindByThread("slack", "C1", "1700000000.000100", Ct);
        Assert.That(found, Is.EqualTo(incident with { Thread = incident.Thread with { Id = "1700000000.000100" } }));
        Assert.That(await Store.FindByThread("teams", "C1", "1700000000.000100", Ct), Is.Null);
        Assert.That(await Store.FindByThread("slack", "C2", "1700000000.000100", Ct), Is.Null);
    }

    [Test]
    public async Task A_burst_of_entries_is_stored_in_order_each_once_with_what_it_carries()
    {
        var incident = await Declare("req-1", "Checkout down");
        var at = Clock.GetUtcNow().AddMinutes(1);
        var stored = new TimelineEntry(at, TimelineKind.Message, "U2", "Looking", "1700000001.0001");
        await Store.Append(incident.Number, stored, Ct);
        var edited = new TimelineEntry(at.AddSeconds(1), TimelineKind.Message, "U3", "Rolled back", "1700000002.0001", EditedAt: at.AddSeconds(5), Key: true);
        var same = new TimelineEntry(at.AddSeconds(1), TimelineKind.Message, "U2", "Same second, later", "1700000002.0002");
        var deleted = new TimelineEntry(at.AddSeconds(2), TimelineKind.Message, "U2", "pasted secret", "1700000003.0001", Deleted: true);

        var added = await Store.AppendAll(incident.Number, [stored with { Text = "again" }, edited, same, edited with { Text = "repeat" }, deleted], Ct);

        Assert.That(added, Is.EqualTo(3), "the entry stored before and the repeat within the burst are skipped");
        Assert.That(await Store.Timeline(incident.Number, Ct), Is.EqualTo(new[] { Declared("Checkout down"), stored, edited, same, deleted }));
    }

    [Test]
    public async Task Appending_the_same_source_id_twice_records_it_once()
    {
        var incident = await Declare("req-1", "Checkout down");
        var reply = new TimelineEntry(Clock.GetUtcNow().AddMinutes(1), TimelineKind.Message, "U2", "Looking", "1700000001.0001");

        Assert.That(await Store.Append(incident.Number, reply, Ct), Is.True);
        Assert.That(await Store.Append(incident.Number, reply with { Text = "Looking again" }, Ct), Is.False);

        Assert.That(await Store.Timeline(incident.Number, Ct), Is.EqualTo(new[] { Declared("Checkout down"), reply }));
    }

    [Test]
    public async Task The_timeline_is_oldest_first_by_time_then_by_arrival()
    {
        var incident = await Declare("req-1", "Checkout down");
        var start = Clock.GetUtcNow();
        var late = Entry(start.AddMinutes(5), "late");
        var early = Entry(start.AddMinutes(1), "early");
        var sameTimeFirst = Entry(start.AddMinutes(3), "same time, first");
        var sameTimeSecond = Entry(start.AddMinutes(3), "same time, second");
        foreach (var entry in new[] { late, early, sameTimeFirst, sameTimeSecond })
        {
            await Store.Append(incident.Number, entry, Ct);
        }

        Assert.That(
            (await Store.Timeline(incident.Number, Ct)).Select(e => e.Text),
            Is.EqualTo<string[]>(["Checkout down", "early", "same time, first", "same time, second", "late"]));
    }

    [Test]
    public async Task Editing_replaces_the_text_and_records_when()
    {
        var incident = await Declare("req-1", "Checkout down");
        var reply = Entry(Clock.GetUtcNow().AddMinutes(1), "Rollback done");
        await Store.Append(incident.Number, reply, Ct);
        var editedAt = Clock.GetUtcNow().AddMinutes(2);

        Assert.That(await Store.Edit(incident.Number, reply.SourceId, "Rollback done, errors gone", editedAt, Ct), Is.True);
        Assert.That(await Store.Edit(incident.Number, "no-such-message", "x", editedAt, Ct), Is.False);

        Assert.That(
            (await Store.Timeline(incident.Number, Ct))[1],
            Is.EqualTo(reply with { Text = "Rollback done, errors gone", EditedAt = editedAt }));
    }

    [Test]
    public async Task Deleting_marks_the_entry_and_keeps_its_text()
    {
        var incident = await Declare("req-1", "Checkout down");
        var reply = Entry(Clock.GetUtcNow().AddMinutes(1), "Wrong thread, sorry");
        await Store.Append(incident.Number, reply, Ct);

        Assert.That(await Store.MarkDeleted(incident.Number, reply.SourceId, Ct), Is.True);
        Assert.That(await Store.MarkDeleted(incident.Number, "no-such-message", Ct), Is.False);

        Assert.That((await Store.Timeline(incident.Number, Ct))[1], Is.EqualTo(reply with { Deleted = true }));
    }

    [Test]
    public async Task The_list_is_newest_first_and_can_leave_out_resolved_incidents()
    {
        var first = await Declare("req-1", "First");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Declare("req-2", "Second");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await Declare("req-3", "Third");
        await Scalar<long>($"UPDATE incidents SET status = 'resolved', resolved_at = 0 WHERE id = {second.Number} RETURNING id");

        var all = await Store.List(openOnly: false, Ct);
        var open = await Store.List(openOnly: true, Ct);

        Assert.That(all.Select(i => i.Number), Is.EqualTo(new[] { third.Number, second.Number, first.Number }));
        Assert.That(all[1].Status, Is.EqualTo(IncidentStatus.Resolved));
        Assert.That(all[1].ResolvedAt, Is.EqualTo(DateTimeOffset.UnixEpoch));
        Assert.That(open.Select(i => i.Number), Is.EqualTo(new[] { third.Number, first.Number }));
    }

    [Test]
    public async Task The_last_message_is_the_newest_reply_not_deleted_and_an_entry_is_found_by_its_source_id()
    {
        var incident = await Declare("req-1", "Checkout down");
        var other = await Declare("req-2", "Search down");
        var start = Clock.GetUtcNow();
        Assert.That(await Store.LastMessageAt(incident.Number, Ct), Is.Null, "only the declaration so far");

        await Store.AppendAll(incident.Number, [Entry(start.AddMinutes(1), "looking"), Entry(start.AddMinutes(3), "fixed"), Entry(start.AddMinutes(2), "me too")], Ct);
        await Store.Append(incident.Number, new TimelineEntry(start.AddMinutes(4), TimelineKind.Paged, "incidentbot", "Paged Alice", "paged:1:alice"), Ct);
        await Store.Append(other.Number, Entry(start.AddMinutes(9), "elsewhere"), Ct);
        await Store.MarkDeleted(incident.Number, "msg-fixed", Ct);

        Assert.That(await Store.LastMessageAt(incident.Number, Ct), Is.EqualTo(start.AddMinutes(2)), "not the bot's page, not the deleted reply, not another incident's");
        Assert.That(await Store.HasEntry(incident.Number, "msg-fixed", Ct), Is.True, "deleted, still there");
        Assert.That(await Store.HasEntry(incident.Number, "msg-elsewhere", Ct), Is.False, "another incident's");
    }

    [Test]
    public async Task The_bot_entries_are_the_timeline_without_what_people_wrote_in_the_same_order()
    {
        var incident = await Declare("req-1", "Checkout down");
        var start = Clock.GetUtcNow();
        var paged = new TimelineEntry(start.AddMinutes(2), TimelineKind.Paged, "incidentbot", "Paged Alice", "paged:1:alice");
        var sameTime = new TimelineEntry(start.AddMinutes(2), TimelineKind.Acknowledged, "alice", "alice acknowledged", "ack");
        var decision = new TimelineEntry(start.AddMinutes(1), TimelineKind.Decision, "bob", "Roll back", "decision:1");
        foreach (var entry in new[] { Entry(start.AddMinutes(1), "looking"), paged, Entry(start.AddMinutes(2), "me too"), sameTime, decision, Entry(start.AddMinutes(3), "fixed") })
        {
            await Store.Append(incident.Number, entry, Ct);
        }

        var bot = await Store.BotEntries(incident.Number, Ct);

        Assert.That(bot.Select(e => e.Text), Is.EqualTo<string[]>(["Checkout down", "Roll back", "Paged Alice", "alice acknowledged"]));
        Assert.That(bot, Is.EqualTo((await Store.Timeline(incident.Number, Ct)).Where(e => e.Kind != TimelineKind.Message)));
    }

    [Test]
    public async Task The_bot_entries_are_read_from_the_index_that_leaves_the_replies_out()
    {
        var plan = await QueryPlans.Explain(Database, SqlIncidentStore.EntriesSql(SqlIncidentStore.BotEntriesWhere), new { number = 1L }, Ct);

        Assert.That(plan, Does.Contain("ix_timeline_bot_entries"));
    }

    private Task<Incident> Declare(string requestKey, string title) => Store.Create(
        new NewIncident(requestKey, title, 1, "payments", "U1", "U1", Clock.GetUtcNow(), "slack", "C1"),
        Declared(title),
        Ct);

    private TimelineEntry Declared(string title) =>
        new(Clock.GetUtcNow(), TimelineKind.Declared, "U1", title, "declared");

    private static TimelineEntry Entry(DateTimeOffset at, string text) =>
        new(at, TimelineKind.Message, "U2", text, $"msg-{text}");

    private async Task<T?> Scalar<T>(string sql)
    {
        await using var connection = await Database.Open(Ct);
        return await connection.ExecuteScalarAsync<T>(sql);
    }
}
