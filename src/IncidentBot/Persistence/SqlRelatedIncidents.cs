using Dapper;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Persistence;

/// <summary>
/// Links between incidents in <c>incident_links</c> (migration 019), one row per direction, both written by one
/// statement so a link is never half there; a pair linked before conflicts and adds nothing.
/// </summary>
internal sealed class SqlRelatedIncidents(Database database) : IRelatedIncidents
{
    public async Task<bool> Link(long first, long second, string linkedBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO incident_links (incident_id, related_id, linked_by, linked_at)
            VALUES (@first, @second, @linkedBy, @at), (@second, @first, @linkedBy, @at)
            ON CONFLICT (incident_id, related_id) DO NOTHING
            """,
            new { first, second, linkedBy, at = DbTime.ToDb(at) },
            cancellationToken: ct));
        return added > 0;
    }

    public async Task<IReadOnlyList<long>> RelatedTo(long number, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT related_id FROM incident_links WHERE incident_id = @number ORDER BY related_id", new { number }, cancellationToken: ct))];
    }
}
