using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>A claimed inbox row. <see cref="Attempts"/> counts its claims, this one included.</summary>
internal sealed record InboxItem(long Id, string Platform, string Kind, string Body, DateTimeOffset ReceivedAt, int Attempts)
{
    /// <summary>The thread it belongs to (requests of one thread are handled in order), or null.</summary>
    public string? OrderingKey { get; init; }
}

/// <summary>Dapper's view of an inbox row (see <see cref="IncidentRow"/> for why not a record).</summary>
internal sealed class InboxRow
{
    public const string Columns = "id AS Id, platform AS Platform, kind AS Kind, body AS Body, received_at AS ReceivedAt, attempts AS Attempts, ordering_key AS OrderingKey";

    public long Id { get; set; }

    public string Platform { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Body { get; set; } = "";

    public long ReceivedAt { get; set; }

    public int Attempts { get; set; }

    public string? OrderingKey { get; set; }

    public InboxItem ToItem() => new(Id, Platform, Kind, Body, DbTime.FromDb(ReceivedAt), Attempts) { OrderingKey = OrderingKey };
}
