using System.Globalization;
using Dapper;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Persistence;

/// <summary>Paging state in the incidents and availability tables; every change is one conditional statement.</summary>
internal sealed class SqlPagingStore(Database database) : IPagingStore, IAbsences
{
    public Task SetArea(long incidentNumber, string area, CancellationToken ct) =>
        Execute("UPDATE incidents SET area = @area WHERE id = @incidentNumber", new { incidentNumber, area }, ct);

    public async Task<bool> Acknowledge(long incidentNumber, string owner, DateTimeOffset at, CancellationToken ct) =>
        await Execute(
            "UPDATE incidents SET owner = @owner, acknowledged_at = @at WHERE id = @incidentNumber AND acknowledged_at IS NULL",
            new { incidentNumber, owner, at = DbTime.ToDb(at) },
            ct) == 1;

    public Task SetOwner(long incidentNumber, string owner, DateTimeOffset at, CancellationToken ct) => Execute(
        "UPDATE incidents SET owner = @owner, acknowledged_at = COALESCE(acknowledged_at, @at) WHERE id = @incidentNumber",
        new { incidentNumber, owner, at = DbTime.ToDb(at) },
        ct);

    public async Task<bool> TryEscalate(long incidentNumber, int level, CancellationToken ct) =>
        await Execute(
            "UPDATE incidents SET escalation_level = @level WHERE id = @incidentNumber AND escalation_level <= @level",
            new { incidentNumber, level },
            ct) == 1;

    public async Task<Away?> AwayStatus(string personId, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<string?>(new CommandDefinition(
            "SELECT away_until FROM availability WHERE person_id = @personId", new { personId }, cancellationToken: ct));
        var row = rows.ToList();
        return row.Count == 0 ? null : new Away(row[0] is { } until ? LocalDatePattern.Iso.Parse(until).Value : null);
    }

    public Task SetAway(string personId, LocalDate? until, DateTimeOffset at, CancellationToken ct) => Execute(
        """
        INSERT INTO availability (person_id, away_until, updated_at) VALUES (@personId, @until, @at)
        ON CONFLICT (person_id) DO UPDATE SET away_until = excluded.away_until, updated_at = excluded.updated_at
        """,
        new { personId, until = until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), at = DbTime.ToDb(at) },
        ct);

    public Task SetBack(string personId, CancellationToken ct) =>
        Execute("DELETE FROM availability WHERE person_id = @personId", new { personId }, ct);

    private async Task<int> Execute(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}
