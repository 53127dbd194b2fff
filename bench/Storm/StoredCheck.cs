using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Storm;

/// <summary>
/// After the load: every acknowledged request must be in the inbox once and processed; every reply on the timeline
/// once. Also measures how long a reply took from being stored (just before its acknowledgement) to being processed
/// onto the timeline.
/// </summary>
internal static partial class StoredCheck
{
    public static async Task<CheckResult> Run(string provider, string connectionString, string runId, IReadOnlyCollection<string> acknowledged)
    {
        await using var db = Open(provider, connectionString);
        await WaitUntilProcessed(db, runId);
        var rows = (await db.QueryAsync<(string Body, long ReceivedAt, long? DoneAt, string Status)>(
            "SELECT body, received_at, done_at, status FROM inbox WHERE body LIKE @pattern", new { pattern = $"%{runId}%" })).ToList();
        var stored = rows.SelectMany(r => Markers(r.Body, runId).Select(m => (Marker: m, Row: r))).GroupBy(x => x.Marker).ToDictionary(g => g.Key, g => g.Count());
        var lost = acknowledged.Count(m => !stored.ContainsKey(m));
        var storedTwice = stored.Count(s => s.Value > 1);
        var unprocessed = rows.Count(r => r.Status != "done");

        var timeline = (await db.QueryAsync<string>("SELECT text FROM timeline WHERE text LIKE @pattern", new { pattern = $"bench reply {runId} %" })).ToList();
        var onTimelineTwice = timeline.GroupBy(t => t).Count(g => g.Count() > 1);
        var replyDelays = rows.Where(r => r.DoneAt is not null && r.Body.Contains($"Ev{runId}r", StringComparison.Ordinal))
            .Select(r => (double)(r.DoneAt!.Value - r.ReceivedAt)).Order().ToArray();
        return new CheckResult(acknowledged.Count, lost, storedTwice + onTimelineTwice, unprocessed, RunResult.Percentile(replyDelays, 0.99), timeline.Count);
    }

    private static async Task WaitUntilProcessed(DbConnection db, string runId)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2)
            && await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing') AND body LIKE @pattern", new { pattern = $"%{runId}%" }) > 0)
        {
            await Task.Delay(200);
        }
    }

    private static IEnumerable<string> Markers(string body, string runId) =>
        MarkerPattern().Matches(body).Select(m => m.Value).Where(m => m.Contains(runId, StringComparison.Ordinal)).Distinct();

    public static DbConnection Open(string provider, string connectionString)
    {
        DbConnection connection = provider == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    [GeneratedRegex(@"(Ev[0-9a-f]{8}r\d+|trigger\.[0-9a-f]{8}\.b?\d+)")]
    private static partial Regex MarkerPattern();
}

/// <summary>What the database says about one store's runs.</summary>
internal sealed record CheckResult(int Acknowledged, int Lost, int Twice, int Unprocessed, double ReplyToTimelineP99, int RepliesOnTimeline);
