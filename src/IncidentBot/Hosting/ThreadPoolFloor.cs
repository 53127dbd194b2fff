using IncidentBot.Persistence;

namespace IncidentBot.Hosting;

/// <summary>
/// How many threads the pool makes at once, without its usual wait of about half a second per thread, chosen by the
/// store. SQLite's calls block their thread (its async methods are synchronous), and while the writer of
/// acknowledgements waits for the write lock a 2-core machine's pool (2 threads to start with) starved: every request
/// then waited seconds for a thread, so SQLite gets 64. PostgreSQL's calls are asynchronous, and there a floor of 64
/// only let the pool grow to a hundred threads when the storm filled both cores, which took peak memory past 200 MB;
/// it gets 8 (docs/performance.md has both measurements). <c>DOTNET_ThreadPool_ForceMinWorkerThreads</c>
/// (hexadecimal), when set, wins.
/// </summary>
internal static class ThreadPoolFloor
{
    public const int Sqlite = 64;
    public const int Postgres = 8;

    public const string Override = "DOTNET_ThreadPool_ForceMinWorkerThreads";

    /// <summary>The floor for these settings, or null when the environment sets one.</summary>
    public static int? For(StorageOptions storage, Func<string, string?> environment) =>
        environment(Override) is not null ? null : storage.IsPostgres ? Postgres : Sqlite;

    public static void Raise(IConfiguration configuration)
    {
        if (For(StorageOptions.From(configuration), Environment.GetEnvironmentVariable) is { } floor)
        {
            ThreadPool.GetMinThreads(out _, out var completionPorts);
            ThreadPool.SetMinThreads(floor, completionPorts);
        }
    }
}
