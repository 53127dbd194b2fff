using System.Data.Common;
using System.Globalization;
using Dapper;

namespace IncidentBot.Persistence;

/// <summary>
/// Applies the embedded scripts <c>Migrations/&lt;provider&gt;/NNN_name.sql</c> in order, those a database lacks in one
/// transaction, recording them in <c>schema_migrations</c>. Several instances may start at once: on PostgreSQL an advisory lock
/// serialises them, on SQLite the write transaction (BEGIN IMMEDIATE) does.
/// </summary>
internal sealed class Migrator(Database database, TimeProvider clock)
{
    // Any constant works as long as nothing else in the database uses it; this one spells "IncBot" in ASCII
    // (80738460528500, which MigratorTests holds to stand for a migrating instance).
    private const long PostgresLockKey = 0x496E63426F74;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """;

    private readonly IReadOnlyList<Migration> migrations = Migration.Embedded(database.Provider);

    public async Task Apply(CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var applied = await AppliedVersions(connection, ct);
        RefuseNewerSchema(applied);
        // An up-to-date database (every start after the first) takes no lock and no transaction: one query decides.
        var pending = migrations.Where(m => applied is null || !applied.Contains(m.Version)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        // One transaction for all of them: an upgrade is applied whole or not at all, and a fresh database costs one
        // commit instead of one per migration (on PostgreSQL each waits for its WAL flush).
        await InLockedTransaction(connection, async tx =>
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateTable, transaction: tx, cancellationToken: ct));
            foreach (var migration in pending)
            {
                // Checked again under the lock: another instance may have applied it since we last looked.
                if (await IsApplied(connection, tx, migration.Version, ct))
                {
                    continue;
                }

                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = DbTime.ToDb(clock.GetUtcNow()) },
                    tx,
                    cancellationToken: ct));
            }
        }, ct);
    }

    /// <summary>For readiness: every migration this build knows is applied (and nothing newer is).</summary>
    public async Task<bool> IsUpToDate(CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var applied = await AppliedVersions(connection, ct);
        return applied is not null && applied.SetEquals(migrations.Select(m => m.Version));
    }

    private void RefuseNewerSchema(HashSet<long>? applied)
    {
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var newest = applied is null ? 0 : applied.DefaultIfEmpty().Max();
        if (newest > known)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The {database.Target} has schema version {newest}, newer than the newest this build knows ({known}). It was migrated by a newer IncidentBot: run that version (or newer) instead of rolling back."));
        }
    }

    private async Task<HashSet<long>?> AppliedVersions(DbConnection connection, CancellationToken ct)
    {
        var exists = database.Provider == StorageProvider.Postgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = current_schema()"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(exists, cancellationToken: ct)) == 0)
        {
            return null;
        }

        var versions = await connection.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: ct));
        return [.. versions];
    }

    private static async Task<bool> IsApplied(DbConnection connection, DbTransaction tx, long version, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, tx, cancellationToken: ct)) > 0;

    private async Task InLockedTransaction(DbConnection connection, Func<DbTransaction, Task> work, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (database.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = PostgresLockKey }, tx, cancellationToken: ct));
        }

        await work(tx);
        await tx.CommitAsync(ct);
    }
}
