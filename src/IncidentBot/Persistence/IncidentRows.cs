using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Persistence;

/// <summary>
/// Rows as Dapper reads them. Classes with setters rather than records, because Dapper matches record constructors
/// by exact column type and the two databases return different integer types (SQLite always Int64).
/// </summary>
internal sealed class IncidentRow
{
    public const string Columns =
        "id AS Id, title AS Title, status AS Status, severity AS Severity, area AS Area, owner AS Owner, " +
        "declared_by AS DeclaredBy, declared_at AS DeclaredAt, resolved_at AS ResolvedAt, " +
        "platform AS Platform, channel AS Channel, thread_id AS ThreadId, acknowledged_at AS AcknowledgedAt, " +
        "verification AS Verification, root_cause AS RootCause, resolution AS Resolution, impact_started_at AS ImpactStartedAt, " +
        "is_private AS IsPrivate, public_title AS PublicTitle, impact AS Impact";


    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string Status { get; set; } = "";

    public int? Severity { get; set; }

    public string? Area { get; set; }

    public string? Owner { get; set; }

    public string DeclaredBy { get; set; } = "";

    public long DeclaredAt { get; set; }

    public long? ResolvedAt { get; set; }

    public string Platform { get; set; } = "";

    public string Channel { get; set; } = "";

    public string? ThreadId { get; set; }

    public long? AcknowledgedAt { get; set; }

    public string? Verification { get; set; }

    public string? RootCause { get; set; }

    public string? Resolution { get; set; }

    public long? ImpactStartedAt { get; set; }

    public int IsPrivate { get; set; }

    public string? PublicTitle { get; set; }

    public string? Impact { get; set; }

    public static string ToDb(IncidentStatus status) => status.ToString().ToLowerInvariant();

    public Incident ToIncident() => new(
        Id,
        Title,
        Enum.Parse<IncidentStatus>(Status, ignoreCase: true),
        Severity,
        Area,
        Owner,
        DeclaredBy,
        DbTime.FromDb(DeclaredAt),
        DbTime.FromDb(ResolvedAt),
        new ChatThread(Platform, Channel, ThreadId),
        DbTime.FromDb(AcknowledgedAt),
        Verification,
        RootCause,
        Resolution,
        DbTime.FromDb(ImpactStartedAt),
        IsPrivate != 0,
        PublicTitle,
        Impact);
}

internal sealed class TimelineRow
{
    public const string Columns =
        "at AS At, kind AS Kind, actor AS Actor, text AS Text, source_id AS SourceId, deleted AS Deleted, edited_at AS EditedAt, key_event AS KeyEvent";

    public long At { get; set; }

    public string Kind { get; set; } = "";

    public string Actor { get; set; } = "";

    public string Text { get; set; } = "";

    public string SourceId { get; set; } = "";

    public int Deleted { get; set; }

    public long? EditedAt { get; set; }

    public int KeyEvent { get; set; }

    public TimelineEntry ToEntry() =>
        new(DbTime.FromDb(At), Kind, Actor, Text, SourceId, Deleted != 0, DbTime.FromDb(EditedAt), KeyEvent != 0);
}
