using Microsoft.Data.Sqlite;

namespace IncidentBot.Persistence.SqliteSessions;

/// <summary>
/// The bot's own pool of open SQLite connections, in place of Microsoft.Data.Sqlite's, so that a connection keeps the
/// statements compiled on it from one use to the next (<see cref="SqliteSession"/>). A connection is set up once, when
/// opened (the busy handler and the pragmas); the most recently returned is handed out first, so the few a storm keeps
/// busy stay warm.
/// </summary>
internal sealed class SqliteSessionPool(string connectionString, Func<SqliteConnection, CancellationToken, Task> setUp) : IDisposable
{
    /// <summary>
    /// Connections kept open while idle. More may be open at once (each caller gets one); those past this are closed
    /// when given back. The bot's background loops and a few requests use a handful at a time.
    /// </summary>
    internal const int KeptIdle = 16;

    private readonly string unpooled = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private readonly Lock gate = new();
    private readonly Stack<SqliteSession> idle = new();
    private bool disposed;

    public async Task<SqliteSession> Rent(CancellationToken ct)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (idle.TryPop(out var warm))
            {
                return warm;
            }
        }

        var connection = new SqliteConnection(unpooled);
        try
        {
            await connection.OpenAsync(ct);
            await setUp(connection, ct);
            return new SqliteSession(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Return(SqliteSession session)
    {
        if (session.Settle())
        {
            lock (gate)
            {
                if (!disposed && idle.Count < KeptIdle)
                {
                    idle.Push(session);
                    return;
                }
            }
        }

        session.Dispose();
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            while (idle.TryPop(out var session))
            {
                session.Dispose();
            }
        }
    }
}
