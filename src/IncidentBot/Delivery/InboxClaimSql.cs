using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// The queries <see cref="InboxClaim"/> chooses its batch with. Both stores ask the same questions; PostgreSQL is asked
/// them in a shape its planner answers from the indexes of unfinished requests, because the plain shape made it walk
/// finished ones: the inbox keeps every request done until retention deletes it, so that cost grew with the history.
/// </summary>
internal static class InboxClaimSql
{
    // Waiting to be processed, or claimed by someone whose claim no longer counts.
    private static readonly string Claimable =
        $"((i.status = 'pending' AND i.not_before <= @now) OR (i.status = 'processing' AND {Claims.LeaseIsFree("i")}))";

    // The first unfinished request of its ordering key (a thread): requests of one thread go in order.
    private const string IsHead = """
        (i.ordering_key IS NULL OR NOT EXISTS (
            SELECT 1 FROM inbox p
            WHERE p.ordering_key = i.ordering_key AND p.status IN ('pending', 'processing') AND p.id < i.id))
        """;

    /// <summary>
    /// The claimable request set in the UPDATE: the ids chosen (<c>@ids</c>) that nobody claimed meanwhile.
    /// </summary>
    public static string StillClaimable(StorageProvider provider) =>
        $"SELECT i.id FROM inbox i WHERE {SqlLists.In(provider, "i.id", "ids")} AND {Claimable}";

    /// <summary>
    /// The oldest claimable head. Asked in one piece, PostgreSQL walked the primary key from the first request ever
    /// stored and tested every finished one on the way (84 ms behind 20,000 of them); asked per status, it walks the
    /// status index from the first unfinished request.
    /// </summary>
    public static string FirstHead(StorageProvider provider) => provider == StorageProvider.Postgres
        ? $"""
          SELECT MIN(h.id) FROM (
              (SELECT i.id FROM inbox i WHERE i.status = 'pending' AND i.not_before <= @now AND {IsHead} ORDER BY i.id LIMIT 1)
              UNION ALL
              (SELECT i.id FROM inbox i WHERE i.status = 'processing' AND {Claims.LeaseIsFree("i")} AND {IsHead} ORDER BY i.id LIMIT 1)) h
          """
        : $"SELECT i.id FROM inbox i WHERE {Claimable} AND {IsHead} ORDER BY i.id LIMIT 1";

    /// <summary>
    /// The claimable heads from <c>@first</c> to <c>@window</c>, oldest first, at most <c>@max</c>. Only a thread's
    /// first unfinished request in the window can be its head, so PostgreSQL tests just those (and each request outside
    /// threads) instead of testing every request of a busy thread in the window: 4.6 ms to 1.1 ms over a window of 400
    /// requests of one thread. PostgreSQL locks the heads it takes (see <see cref="Claims.SkipLocked"/>).
    /// </summary>
    public static string Heads(StorageProvider provider)
    {
        var inWindow = provider == StorageProvider.Postgres
            ? """
              i.id IN (
                  SELECT MIN(u.id) FROM inbox u
                  WHERE u.status IN ('pending', 'processing') AND u.id >= @first AND u.id <= @window
                  GROUP BY u.ordering_key, CASE WHEN u.ordering_key IS NULL THEN u.id END)
              """
            : "i.id >= @first AND i.id <= @window";
        return $"""
            SELECT i.id AS Id, i.ordering_key AS OrderingKey, i.attempts AS Attempts FROM inbox i
            WHERE {inWindow} AND {Claimable} AND {IsHead}
            ORDER BY i.id LIMIT @max {Claims.SkipLocked(provider)}
            """;
    }

    /// <summary>The thread's next unfinished requests after its head (<c>@key</c>, <c>@head</c>), at most <c>@room</c>.</summary>
    public const string RunBehind = """
        SELECT i.id AS Id, i.ordering_key AS OrderingKey, i.attempts AS Attempts, i.status AS Status, i.not_before AS NotBefore FROM inbox i
        WHERE i.ordering_key = @key AND i.status IN ('pending', 'processing') AND i.id > @head
        ORDER BY i.id LIMIT @room
        """;
}
