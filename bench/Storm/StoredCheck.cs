using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Storm;

/// <summary>
/// After the load: every acknowledged request must be in the inbox once and processed; every reply on the timeline
/// once. Also measures how long the bot took to work off what was stored (up to <see cref="DrainLimit"/>), and, per run
/// of replies, how long a reply took from being stored (just before its acknowledgement) to being processed onto the
/// timeline.
/// </summary>
internal static partial class StoredCheck
{
    /// <summary>How long the check waits for the stored requests to be processed before it counts the rest.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(5);

    public static async Task<CheckResult> Run(string provider, string connectionString, string runId, IReadOnlyCollection<string> acknowledged)
    {
        await using var db = Open(provider, connectionString);
        var drained = await WaitUntilProcessed(db, runId);
        var rows = (await db.QueryAsync<(string Body, long ReceivedAt, long? DoneAt, string Status)>(
            "SELECT body, received_at, done_at, status FROM inbox WHERE body LIKE @pattern", new { pattern = $"%{runId}%" })).ToList();
        var stored = rows.SelectMany(r => Markers(r.Body, runId).Select(m => (Marker: m, Row: r))).GroupBy(x => x.Marker).ToDictionary(g => g.Key, g => g.Count());
        var lost = acknowledged.Count(m => !stored.ContainsKey(m));
        var storedTwice = stored.Count(s => s.Value > 1);
        var unprocessed = rows.Count(r => r.Status != "done");

        var timeline = (await db.QueryAsync<string>("SELECT text FROM timeline WHERE text LIKE @pattern", new { pattern = $"bench reply {runId} %" })).ToList();
        var onTimelineTwice = timeline.GroupBy(t => t).Count(g => g.Count() > 1);
        var replyDelays = rows.Where(r => r.DoneAt is not null && ReplyNumber(r.Body, runId) is not null)
            .GroupBy(r => ReplyNumber(r.Body, runId)!.Value / Scenario.OffsetStep)
            .ToDictionary(g => g.Key, g => RunResult.Percentile([.. g.Select(r => (double)(r.DoneAt!.Value - r.ReceivedAt)).Order()], 0.99));
        return new CheckResult(acknowledged.Count, lost, storedTwice + onTimelineTwice, unprocessed, drained, replyDelays, timeline.Count);
    }

    /// <summary>How long it took until nothing of the run was left to process; null when something still was after the limit.</summary>
    private static async Task<TimeSpan?> WaitUntilProcessed(DbConnection db, string runId)
    {
        var clock = Stopwatch.StartNew();
        while (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing') AND body LIKE @pattern", new { pattern = $"%{runId}%" }) > 0)
        {
            if (clock.Elapsed > DrainLimit)
            {
                return null;
            }

            await Task.Delay(200);
        }

        return clock.Elapsed;
    }

    /// <summary>The number in a reply's event id (<see cref="SlackRequests.ReplyEventId"/>), or null for other requests.</summary>
    private static int? ReplyNumber(string body, string runId) =>
        ReplyPattern().Match(body) is { Success: true } m && m.Groups[1].Value == runId ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

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

    [GeneratedRegex(@"Ev([0-9a-f]{8})r(\d+)")]
    private static partial Regex ReplyPattern();
}

/// <summary>
/// What the database says about one store's runs. <paramref name="Drained"/>: from the end of the load until nothing was
/// left to process (null: not within <see cref="StoredCheck.DrainLimit"/>). <paramref name="ReplyToTimelineP99"/>: per run
/// of replies (its <see cref="Scenario.Offset"/> ÷ <see cref="Scenario.OffsetStep"/>), in ms.
/// </summary>
internal sealed record CheckResult(
    int Acknowledged, int Lost, int Twice, int Unprocessed, TimeSpan? Drained, IReadOnlyDictionary<int, double> ReplyToTimelineP99, int RepliesOnTimeline);
