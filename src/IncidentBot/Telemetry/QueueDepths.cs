using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Telemetry;

/// <summary>How much waits in the inbox and the outbox, per platform or destination, as stored in the database.</summary>
internal sealed record QueueDepths(
    IReadOnlyDictionary<string, long> InboxPending,
    IReadOnlyDictionary<string, long> InboxSetAside,
    IReadOnlyDictionary<string, long> OutboxPending,
    IReadOnlyDictionary<string, DateTimeOffset> OutboxOldestPending,
    IReadOnlyDictionary<string, long> OutboxSetAside)
{
    public static readonly QueueDepths Empty = new(
        new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<string, long>(),
        new Dictionary<string, DateTimeOffset>(), new Dictionary<string, long>());

    /// <summary>One query over both tables: unfinished and set-aside rows, grouped.</summary>
    public static async Task<QueueDepths> Read(Database database, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT 'inbox' AS Queue, platform AS Name, CASE WHEN status = 'failed' THEN 'failed' ELSE 'pending' END AS State,
                   COUNT(*) AS Count, MIN(received_at) AS Oldest
            FROM inbox WHERE status IN ('pending', 'processing', 'failed')
            GROUP BY platform, CASE WHEN status = 'failed' THEN 'failed' ELSE 'pending' END
            UNION ALL
            SELECT 'outbox', platform, status, COUNT(*), MIN(created_at)
            FROM outbox WHERE status IN ('pending', 'failed')
            GROUP BY platform, status
            """,
            cancellationToken: ct))).ToList();

        Dictionary<string, long> Counts(string queue, string state) =>
            rows.Where(r => r.Queue == queue && r.State == state).ToDictionary(r => r.Name, r => r.Count, StringComparer.Ordinal);

        return new QueueDepths(
            Counts("inbox", "pending"),
            Counts("inbox", "failed"),
            Counts("outbox", "pending"),
            rows.Where(r => r.Queue == "outbox" && r.State == "pending").ToDictionary(r => r.Name, r => DbTime.FromDb(r.Oldest), StringComparer.Ordinal),
            Counts("outbox", "failed"));
    }

    /// <summary>Dapper's view of one group (see <see cref="IncidentRow"/> for why not a record).</summary>
    private sealed class Row
    {
        public string Queue { get; set; } = "";

        public string Name { get; set; } = "";

        public string State { get; set; } = "";

        public long Count { get; set; }

        public long Oldest { get; set; }
    }
}
