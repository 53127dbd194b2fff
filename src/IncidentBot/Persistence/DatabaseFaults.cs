using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IncidentBot.Persistence;

/// <summary>
/// Tells a database that is briefly unavailable (PostgreSQL restarting or out of reach, SQLite locked by another
/// writer) from an error that trying again cannot fix (a bad query, a violated constraint).
/// </summary>
internal static class DatabaseFaults
{
    // SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock longer than busy_timeout.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception e) => e switch
    {
        // Npgsql marks connection failures, broken streams and server states such as "shutting down" (57P01)
        // or "cannot connect now" (57P03) as transient.
        NpgsqlException npgsql => npgsql.IsTransient || npgsql is PostgresException { SqlState: ['0', '8', ..] or ['5', '7', 'P', ..] },
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        TimeoutException or SocketException or IOException => true,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };
}
