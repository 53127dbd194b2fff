using Dapper;
using IncidentBot.Persistence;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>The running instances, by their heartbeat: a claim held by a run that stopped beating is free to take.</summary>
internal sealed class DeliveryRuns(Database database, DeliveryRun run, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    /// <summary>Rows of runs gone this long are deleted; their claims were free long before.</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// Registers this run. Earlier runs of the same instance are removed first: they are this process before a
    /// restart, so their claims become free now rather than when their heartbeat times out.
    /// </summary>
    public async Task Register(CancellationToken ct)
    {
        var now = DbTime.ToDb(clock.GetUtcNow());
        await using var connection = await database.Open(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM delivery_runs WHERE instance_id = @InstanceId OR heartbeat_at < @forgotten",
            new { run.InstanceId, forgotten = now - (long)ForgetAfter.TotalMilliseconds },
            tx,
            cancellationToken: ct));
        await Insert(connection, tx, now, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Renews the heartbeat; false when the row was gone (another process took this instance id) and was put back.</summary>
    public async Task<bool> Beat(CancellationToken ct)
    {
        var now = DbTime.ToDb(clock.GetUtcNow());
        await using var connection = await database.Open(ct);
        var renewed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE delivery_runs SET heartbeat_at = @now WHERE run_id = @RunId", new { now, run.RunId }, cancellationToken: ct));
        if (renewed == 1)
        {
            return true;
        }

        await Insert(connection, null, now, ct);
        return false;
    }

    /// <summary>The oldest heartbeat that still counts as alive, for the claim queries.</summary>
    public long AliveSince(DateTimeOffset now) => DbTime.ToDb(now - options.Value.InstanceTimeout);

    private Task<int> Insert(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, long now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO delivery_runs (run_id, instance_id, started_at, heartbeat_at) VALUES (@RunId, @InstanceId, @now, @now)",
            new { run.RunId, run.InstanceId, now },
            tx,
            cancellationToken: ct));
}
