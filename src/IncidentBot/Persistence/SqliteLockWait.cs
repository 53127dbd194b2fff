using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Persistence;

/// <summary>
/// How a SQLite connection waits for the write lock that another connection of the bot holds (the inbox worker, the
/// outbox sender, a batch of acknowledgements). SQLite's own <c>busy_timeout</c> sleeps 1, 2, 5, 10, 15, 20, 25 ms and
/// more between tries, so a writer that finds the lock taken for one millisecond often waits ten or twenty, and during
/// a storm every acknowledgement queued behind it waits as long. This handler gives up the thread and tries again at
/// once, then about every millisecond, for as long as <c>busy_timeout</c> did (5 s); then the statement fails with
/// SQLITE_BUSY as before (<see cref="DatabaseFaults"/>).
/// </summary>
internal static unsafe partial class SqliteLockWait
{
    private const int YieldingTries = 64;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>When the lock wait on this thread began: SQLite calls the handler on the thread running the statement.</summary>
    [ThreadStatic]
    private static long waitingSince;

    public static void Install(SqliteConnection connection)
    {
        var result = sqlite3_busy_handler(connection.Handle!.DangerousGetHandle(), &OnBusy, IntPtr.Zero);
        if (result != 0)
        {
            throw new SqliteException($"SQLite refused the busy handler (error {result})", result);
        }
    }

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_busy_handler(IntPtr db, delegate* unmanaged<IntPtr, int, int> handler, IntPtr state);

    /// <summary>Non-zero: try the statement again; zero: give up with SQLITE_BUSY. <paramref name="tries"/> counts from 0 per wait.</summary>
    [UnmanagedCallersOnly]
    private static int OnBusy(IntPtr state, int tries)
    {
        if (tries == 0)
        {
            waitingSince = Stopwatch.GetTimestamp();
        }

        if (Stopwatch.GetElapsedTime(waitingSince) > Limit)
        {
            return 0;
        }

        if (tries < YieldingTries)
        {
            Thread.Yield();
        }
        else
        {
            // A lock wait in native code on this thread, not a schedule: there is nothing to await here.
#pragma warning disable RS0030
            Thread.Sleep(1);
#pragma warning restore RS0030
        }

        return 1;
    }
}
