using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>A message to store. <see cref="MessageKey"/> makes enqueueing idempotent; <see cref="OrderingKey"/> serialises delivery.</summary>
internal sealed record OutboxDraft(string Platform, string MessageKey, string OrderingKey, string Kind, string Payload, long? IncidentNumber);

/// <summary>
/// A stored message waiting to be sent. <see cref="Attempts"/> counts its claims, this one included.
/// <see cref="MaybeSent"/>: an earlier attempt may have reached the destination (see <see cref="Outbox.Claim"/>), so a
/// deliverer that can look for it first should.
/// </summary>
internal sealed record OutboxMessage(
    long Id,
    string Platform,
    string MessageKey,
    string OrderingKey,
    string Kind,
    string Payload,
    long? IncidentNumber,
    int Attempts,
    DateTimeOffset CreatedAt,
    bool MaybeSent = false);

/// <summary>Dapper's view of an outbox row (see <see cref="IncidentRow"/> for why not a record).</summary>
internal class OutboxRow
{
    public const string Columns =
        "id AS Id, platform AS Platform, message_key AS MessageKey, ordering_key AS OrderingKey, kind AS Kind, " +
        "payload AS Payload, incident_number AS IncidentNumber, attempts AS Attempts, created_at AS CreatedAt, maybe_sent AS MaybeSent";

    public long Id { get; set; }

    public string Platform { get; set; } = "";

    public string MessageKey { get; set; } = "";

    public string OrderingKey { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Payload { get; set; } = "";

    public long? IncidentNumber { get; set; }

    public int Attempts { get; set; }

    public long CreatedAt { get; set; }

    public long MaybeSent { get; set; }

    public OutboxMessage ToMessage() =>
        new(Id, Platform, MessageKey, OrderingKey, Kind, Payload, IncidentNumber, Attempts, DbTime.FromDb(CreatedAt), MaybeSent != 0);
}
