using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using IncidentBot.Persistence;

namespace IncidentBot.Status;

/// <summary>
/// The core's status store over plain SQL for both databases, and the link from our incidents to Statuspage's.
/// </summary>
internal sealed partial class SqlStatusStore(Database database) : IStatusStore
{
    public async Task<StatusUpdate> Record(StatusUpdate update, CancellationToken ct)
    {
        await Execute(
            """
            INSERT INTO status_updates (incident_id, stage, public_message, at, by_actor, update_key)
            VALUES (@IncidentNumber, @Stage, @PublicMessage, @At, @By, @Key)
            ON CONFLICT (incident_id, update_key) DO NOTHING
            """,
            new { update.IncidentNumber, Stage = IncidentRow.ToDb(update.Stage), update.PublicMessage, At = DbTime.ToDb(update.At), update.By, update.Key },
            ct);
        await using var connection = await database.Open(ct);
        var stored = await connection.QuerySingleAsync<StatusUpdateRow>(new CommandDefinition(
            $"SELECT {StatusUpdateRow.Columns} FROM status_updates WHERE incident_id = @IncidentNumber AND update_key = @Key",
            new { update.IncidentNumber, update.Key },
            cancellationToken: ct));
        return stored.ToUpdate();
    }

    public async Task<IReadOnlyList<StatusUpdate>> ForIncident(long number, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<StatusUpdateRow>(new CommandDefinition(
            $"SELECT {StatusUpdateRow.Columns} FROM status_updates WHERE incident_id = @number ORDER BY at, id",
            new { number },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToUpdate())];
    }

    public Task SetPublicTitle(long number, string title, CancellationToken ct) => Execute(
        "UPDATE incidents SET public_title = @title WHERE id = @number", new { number, title }, ct);

    // Conditional, so a status update racing a resolve never reopens the incident.
    public Task SetIncidentStatus(long number, IncidentStatus status, CancellationToken ct) => Execute(
        "UPDATE incidents SET status = @status WHERE id = @number AND status <> @resolved",
        new { number, status = IncidentRow.ToDb(status), resolved = IncidentRow.ToDb(IncidentStatus.Resolved) },
        ct);

    /// <summary>The id of the Statuspage incident created for ours, null before the first update went out.</summary>
    public async Task<string?> StatuspageId(long number, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT statuspage_id FROM statuspage_incidents WHERE incident_id = @number", new { number }, cancellationToken: ct));
    }

    public Task SetStatuspageId(long number, string statuspageId, CancellationToken ct) => Execute(
        "INSERT INTO statuspage_incidents (incident_id, statuspage_id) VALUES (@number, @statuspageId) ON CONFLICT (incident_id) DO NOTHING",
        new { number, statuspageId },
        ct);

    private async Task<int> Execute(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    /// <summary>A row as Dapper reads it (setters, not a record: see IncidentRow).</summary>
    private sealed class StatusUpdateRow
    {
        public const string Columns =
            "incident_id AS IncidentId, stage AS Stage, public_message AS PublicMessage, at AS At, by_actor AS ByActor, update_key AS UpdateKey";

        public long IncidentId { get; set; }

        public string Stage { get; set; } = "";

        public string PublicMessage { get; set; } = "";

        public long At { get; set; }

        public string ByActor { get; set; } = "";

        public string UpdateKey { get; set; } = "";

        public StatusUpdate ToUpdate() =>
            new(IncidentId, Enum.Parse<IncidentStatus>(Stage, ignoreCase: true), PublicMessage, DbTime.FromDb(At), ByActor, UpdateKey);
    }
}
