using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;
using IncidentBot.Delivery;
using IncidentBot.Persistence;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Delivery;

/// <summary>What is kept and for how long: handled request bodies and delivered payloads go after Retention:Days; the record stays.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class RetentionTests(StorageProvider provider) : DeliveryTest(provider)
{
    [Test]
    public async Task Handled_bodies_and_delivered_payloads_are_emptied_after_the_retention_days_and_the_rest_is_kept()
    {
        var (_, inbox, outbox) = await Start("bot-a");
        var incidents = new SqlIncidentStore(Database);
        var incident = await incidents.Create(
            new NewIncident("req-1", "Checkout down", null, null, "<@U0ALICE>", "<@U0ALICE>", Clock.GetUtcNow(), "slack", "C1"),
            new TimelineEntry(Clock.GetUtcNow(), TimelineKind.Declared, "<@U0ALICE>", "Checkout down", "declared"),
            Ct);
        var old = await Handled(inbox, "text=old request");
        var stillPending = await inbox.TryAdd("slack", "command", "text=waiting request", ["k-pending"], Ct);
        var failedOnce = await inbox.ClaimNext(TimeSpan.FromMinutes(1), Ct);
        Assert.That(failedOnce?.Id, Is.EqualTo(stillPending));
        await inbox.Retry(failedOnce!, "Slack was down", Clock.GetUtcNow() + TimeSpan.FromDays(60), Ct);
        await outbox.Enqueue(new OutboxDraft("slack", "m-old", "o", "post", "{\"text\":\"old message\"}", 1), Ct);
        await outbox.Enqueue(new OutboxDraft("slack", "m-waiting", "w", "post", "{\"text\":\"waiting message\"}", 1), Ct);
        await outbox.MarkSent((await outbox.Claim("slack", 2, TimeSpan.FromMinutes(1), Ct)).Single(m => m.MessageKey == "m-old"), "ts-1", Ct);
        Clock.Advance(TimeSpan.FromDays(10));
        var recent = await Handled(inbox, "text=recent request");
        Clock.Advance(TimeSpan.FromDays(21));

        var purged = await Retention(days: 30).Purge(Ct);

        Assert.That(purged, Is.EqualTo((1, 1, 0)));
        Assert.That(await Body("inbox", "body", old), Is.Empty);
        Assert.That(await Body("inbox", "body", recent), Is.EqualTo("text=recent request"));
        Assert.That(await Body("inbox", "body", stillPending!.Value), Is.EqualTo("text=waiting request"), "waiting to be retried, not yet handled: kept whatever its age");
        Assert.That((await outbox.Pending("slack", Ct)).Single().Payload, Does.Contain("waiting message"));
        Assert.That(await Scalar("SELECT COUNT(*) FROM outbox WHERE payload = ''"), Is.EqualTo(1));
        Assert.That(await incidents.Find(incident.Number, Ct), Is.Not.Null);
        Assert.That((await incidents.Timeline(incident.Number, Ct)).Single().Text, Is.EqualTo("Checkout down"));
        Assert.That(await Retention(days: 30).Purge(Ct), Is.EqualTo((0, 0, 0)), "a second run finds nothing more");
    }

    [Test]
    public async Task Early_edits_of_replies_that_never_came_are_dropped_once_their_incident_is_resolved_for_the_retention_days()
    {
        var incidents = new SqlIncidentStore(Database);
        var resolved = await Declared(incidents, "req-1");
        var open = await Declared(incidents, "req-2");
        await Execute("UPDATE incidents SET status = 'resolved', resolved_at = @at WHERE id = @id", new { at = DbTime.ToDb(Clock.GetUtcNow()), id = resolved });
        foreach (var incident in new[] { resolved, open })
        {
            await Execute("INSERT INTO pending_reply_changes (incident_id, message_id, text, edited_at) VALUES (@incident, 'never-came', NULL, NULL)", new { incident });
        }

        Clock.Advance(TimeSpan.FromDays(29));
        Assert.That((await Retention(days: 30).Purge(Ct)).ReplyChanges, Is.Zero, "resolved for less than the retention days");
        Clock.Advance(TimeSpan.FromDays(2));

        Assert.That((await Retention(days: 30).Purge(Ct)).ReplyChanges, Is.EqualTo(1));
        Assert.That(await Scalar($"SELECT COUNT(*) FROM pending_reply_changes WHERE incident_id = {open}"), Is.EqualTo(1), "an open incident's reply may still come");
    }

    [Test]
    public void Retention_days_must_be_at_least_one() =>
        Assert.That(RetentionOptions.Validate(new RetentionOptions { Days = 0 }), Is.EqualTo<string[]>(
            ["Retention:Days must be at least 1 (days to keep raw requests and delivered messages), was 0."]));

    private Retention Retention(int days) => new(Database, Options.Create(new RetentionOptions { Days = days }), Clock);

    private static async Task<long> Handled(Inbox inbox, string body)
    {
        var id = (await inbox.TryAdd("slack", "command", body, [$"k-{body}"], Ct))!.Value;
        var claimed = await inbox.ClaimNext(TimeSpan.FromMinutes(1), Ct);
        Assert.That(claimed?.Id, Is.EqualTo(id), "the request just stored is the one to handle");
        await inbox.Complete(claimed!, Ct);
        return id;
    }

    private async Task<long> Declared(SqlIncidentStore incidents, string request)
    {
        var incident = await incidents.Create(
            new NewIncident(request, "Checkout down", null, null, "<@U0ALICE>", "<@U0ALICE>", Clock.GetUtcNow(), "slack", "C1"),
            new TimelineEntry(Clock.GetUtcNow(), TimelineKind.Declared, "<@U0ALICE>", "Checkout down", "declared"),
            Ct);
        return incident.Number;
    }

    private async Task Execute(string sql, object args)
    {
        await using var connection = await Database.Open(Ct);
        await connection.ExecuteAsync(sql, args);
    }

    private async Task<string> Body(string table, string column, long id)
    {
        await using var connection = await Database.Open(Ct);
        return await connection.ExecuteScalarAsync<string>($"SELECT {column} FROM {table} WHERE id = @id", new { id }) ?? "";
    }

    private async Task<long> Scalar(string sql)
    {
        await using var connection = await Database.Open(Ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
