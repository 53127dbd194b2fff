using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Persistence;

namespace IncidentBot.Status;

internal sealed partial class SqlStatusStore
{
    /// <summary>
    /// The published incidents open now or resolved since <paramref name="resolvedSince"/>, each with its updates oldest
    /// first: one query (the incidents joined to their updates), whatever the number of incidents in the database.
    /// </summary>
    public async Task<IReadOnlyList<PublishedIncident>> Published(DateTimeOffset resolvedSince, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<PublishedRow>(new CommandDefinition(
            """
            SELECT i.id AS Number, i.public_title AS PublicTitle, i.status AS Status, i.declared_at AS DeclaredAt,
                   i.resolved_at AS ResolvedAt, u.stage AS UpdateStage, u.public_message AS UpdateMessage, u.at AS UpdateAt
            FROM incidents i LEFT JOIN status_updates u ON u.incident_id = i.id
            WHERE i.public_title IS NOT NULL AND i.is_private = 0 AND (i.status <> @resolved OR i.resolved_at >= @since)
            ORDER BY i.declared_at DESC, i.id DESC, u.at, u.id
            """,
            new { resolved = IncidentRow.ToDb(IncidentStatus.Resolved), since = DbTime.ToDb(resolvedSince) },
            cancellationToken: ct));
        return [.. rows.GroupBy(r => r.Number).Select(g => g.First().ToIncident(g))];
    }

    /// <summary>One incident and one of its updates (none: the update columns are null).</summary>
    private sealed class PublishedRow
    {
        public long Number { get; set; }

        public string PublicTitle { get; set; } = "";

        public string Status { get; set; } = "";

        public long DeclaredAt { get; set; }

        public long? ResolvedAt { get; set; }

        public string? UpdateStage { get; set; }

        public string? UpdateMessage { get; set; }

        public long? UpdateAt { get; set; }

        public PublishedIncident ToIncident(IEnumerable<PublishedRow> updates) => new(
            IncidentId.Format(Number),
            PublicTitle,
            Stage(Status),
            DbTime.FromDb(DeclaredAt),
            DbTime.FromDb(ResolvedAt),
            [.. updates.Where(u => u.UpdateAt is not null).Select(u => new PublicUpdate(DbTime.FromDb(u.UpdateAt!.Value), Stage(u.UpdateStage!), u.UpdateMessage ?? ""))]);

        private static IncidentStatus Stage(string value) => Enum.Parse<IncidentStatus>(value, ignoreCase: true);
    }
}

/// <summary>A published incident as stored: its public title and its updates, oldest first.</summary>
internal sealed record PublishedIncident(
    string Id,
    string PublicTitle,
    IncidentStatus Stage,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<PublicUpdate> Updates);
