namespace IncidentBot.Persistence;

/// <summary>
/// Times are stored as unix milliseconds in both databases: one BIGINT compares and sorts the same everywhere,
/// where SQLite has no timestamp type and PostgreSQL's would need provider-specific Dapper handling.
/// </summary>
internal static class DbTime
{
    public static long ToDb(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static long? ToDb(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromDb(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? FromDb(long? milliseconds) =>
        milliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
