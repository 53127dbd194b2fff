using Dapper;
using IncidentBot.Persistence;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>Section <c>Retention</c>: how long raw request bodies and delivered messages are kept.</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int Days { get; set; } = 30;

    public static IEnumerable<string> Validate(RetentionOptions o)
    {
        if (o.Days < 1)
        {
            yield return $"Retention:Days must be at least 1 (days to keep raw requests and delivered messages), was {o.Days}.";
        }
    }
}

/// <summary>
/// Keeps less: the raw bodies of processed inbound requests and the payloads of delivered outbound messages hold
/// everything people wrote, and once handled they are needed for nothing but forensics, so after
/// <c>Retention:Days</c> they are emptied. The rows stay (their ids and dedupe keys still stop a late duplicate), and
/// incidents and timelines are never touched: they are the record. Requests and messages still waiting are kept whatever
/// their age. Edits and deletions that arrived before a reply that never came are dropped once their incident has been
/// resolved for as long: that reply can no longer arrive in a thread anyone reads.
/// </summary>
internal sealed class Retention(Database database, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<(int Requests, int Messages, int ReplyChanges)> Purge(CancellationToken ct)
    {
        var before = DbTime.ToDb(clock.GetUtcNow() - TimeSpan.FromDays(options.Value.Days));
        await using var connection = await database.Open(ct);
        var requests = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbox SET body = '' WHERE status IN ('done', 'failed') AND done_at < @before AND body <> ''",
            new { before },
            cancellationToken: ct));
        var messages = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET payload = '' WHERE status = 'sent' AND sent_at < @before AND payload <> ''",
            new { before },
            cancellationToken: ct));
        var replyChanges = await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM pending_reply_changes
            WHERE incident_id IN (SELECT id FROM incidents WHERE resolved_at IS NOT NULL AND resolved_at < @before)
            """,
            new { before },
            cancellationToken: ct));
        return (requests, messages, replyChanges);
    }
}
