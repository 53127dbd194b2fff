using System.Globalization;
using Dapper;
using IncidentBot.Core.Actions;

namespace IncidentBot.Persistence;

/// <summary>Follow-up actions in the <c>actions</c> table; marking one done is one conditional statement.</summary>
internal sealed class SqlActionStore(Database database) : IActionStore
{
    private const string Columns =
        "id AS Number, incident_id AS IncidentNumber, text AS Text, owner AS Owner, due AS Due, created_by AS CreatedBy, " +
        "created_at AS CreatedAt, done_at AS DoneAt, done_by AS DoneBy";

    public async Task<FollowUpAction> Add(NewAction draft, CancellationToken ct)
    {
        // Looked up first: on PostgreSQL a conflicting insert still uses up an id, and ids are what people type.
        if (await Query("request_key = @key", new { key = draft.RequestKey }, ct) is [var recorded, ..])
        {
            return recorded;
        }

        await using var connection = await database.Open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO actions (request_key, incident_id, text, owner, due, created_by, created_at)
            VALUES (@RequestKey, @IncidentNumber, @Text, @Owner, @Due, @CreatedBy, @CreatedAt)
            ON CONFLICT (request_key) DO NOTHING
            """,
            new
            {
                draft.RequestKey,
                draft.IncidentNumber,
                draft.Text,
                draft.Owner,
                Due = draft.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                draft.CreatedBy,
                CreatedAt = DbTime.ToDb(draft.CreatedAt),
            },
            cancellationToken: ct));

        // A repeated request finds the action its first run recorded.
        var rows = await Query("request_key = @key", new { key = draft.RequestKey }, ct);
        return rows[0];
    }

    public async Task<FollowUpAction?> Find(long number, CancellationToken ct) =>
        await Query("id = @number", new { number }, ct) is [var action, ..] ? action : null;

    public async Task<bool> MarkDone(long number, string by, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE actions SET done_at = @at, done_by = @by WHERE id = @number AND done_at IS NULL",
            new { number, by, at = DbTime.ToDb(at) },
            cancellationToken: ct)) == 1;
    }

    public async Task<bool> Reassign(long number, string? owner, DateOnly? due, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE actions SET owner = @owner, due = @due WHERE id = @number AND done_at IS NULL",
            new { number, owner, due = due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            cancellationToken: ct)) == 1;
    }

    public Task<IReadOnlyList<FollowUpAction>> List(bool openOnly, CancellationToken ct) =>
        Query(openOnly ? "done_at IS NULL" : "1 = 1", new { }, ct);

    public Task<IReadOnlyList<FollowUpAction>> ForIncident(long incidentNumber, CancellationToken ct) =>
        Query("incident_id = @incidentNumber", new { incidentNumber }, ct);

    private async Task<IReadOnlyList<FollowUpAction>> Query(string where, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<ActionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM actions WHERE {where} ORDER BY id", args, cancellationToken: ct));
        return [.. rows.Select(r => r.ToAction())];
    }

    /// <summary>Dapper's view of a row (see <see cref="IncidentRow"/> for why not a record).</summary>
    private sealed class ActionRow
    {
        public long Number { get; set; }

        public long IncidentNumber { get; set; }

        public string Text { get; set; } = "";

        public string? Owner { get; set; }

        public string? Due { get; set; }

        public string CreatedBy { get; set; } = "";

        public long CreatedAt { get; set; }

        public long? DoneAt { get; set; }

        public string? DoneBy { get; set; }

        public FollowUpAction ToAction() => new(
            Number,
            IncidentNumber,
            Text,
            Owner,
            Due is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            CreatedBy,
            DbTime.FromDb(CreatedAt),
            DbTime.FromDb(DoneAt),
            DoneBy);
    }
}
