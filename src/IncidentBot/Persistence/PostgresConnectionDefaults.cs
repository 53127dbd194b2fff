using Npgsql;

namespace IncidentBot.Persistence;

/// <summary>
/// What the bot changes in a PostgreSQL connection string that does not say otherwise, and the least it accepts.
/// Npgsql's own default pool (100 connections) is the whole of a default server (<c>max_connections</c> 100): one bot in
/// a storm could take them all, and a second instance or a migration would then be refused. The bot needs few: the
/// acknowledgements are stored over <see cref="Delivery.InboxBatches.PostgresWriters"/> connections whatever the load.
/// </summary>
internal static class PostgresConnectionDefaults
{
    public const string MaxPoolSizeKeyword = "Maximum Pool Size";
    public const string MaxAutoPrepareKeyword = "Max Auto Prepare";
    public const string NoResetOnCloseKeyword = "No Reset On Close";

    /// <summary>Per pool; the bot has two (its own, and the scheduler's), so two instances stay well under 100.</summary>
    public const int MaxPoolSize = 20;

    /// <summary>The acknowledgement writers, the inbox worker, and one for everything else (senders, pages, health).</summary>
    public const int FewestConnections = Delivery.InboxBatches.PostgresWriters + 2;

    /// <summary>
    /// Statements run again and again (claims, acknowledgements, timeline writes) are prepared on each connection, so
    /// PostgreSQL plans them once instead of at every call: planning the claim's first query took ten times as long as
    /// running it. Set <c>Max Auto Prepare=0</c> behind a pooler that cannot keep prepared statements.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// The bot opens a pooled connection per unit of work, several per request in a storm, and Npgsql resets the
    /// session each time one goes back (seven statements, as <c>DISCARD ALL</c> would drop the prepared ones): 32,618
    /// resets for 5,000 slash commands. The bot keeps nothing in a session to reset: no <c>SET</c>, temporary table,
    /// <c>LISTEN</c> or session advisory lock (the migrations' lock is the transaction's).
    /// </summary>
    public const bool NoResetOnClose = true;

    /// <summary>
    /// The connection string with the bot's defaults for the keywords it does not name; one that does not parse is
    /// returned as it is, for the start-up validation to refuse with its reason.
    /// </summary>
    public static string Apply(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return connectionString;
        }

        if (!Names(builder, MaxPoolSizeKeyword))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }

        if (!Names(builder, MaxAutoPrepareKeyword))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Names(builder, NoResetOnCloseKeyword))
        {
            builder.NoResetOnClose = NoResetOnClose;
        }

        return builder.ConnectionString;
    }

    /// <summary>A pool too small for the bot's own steady needs is refused at start-up, naming the keyword.</summary>
    public static IEnumerable<string> Errors(string key, NpgsqlConnectionStringBuilder builder)
    {
        if (Names(builder, MaxPoolSizeKeyword) && builder.MaxPoolSize < FewestConnections)
        {
            yield return $"{key}: {MaxPoolSizeKeyword} must be at least {FewestConnections} ({Delivery.InboxBatches.PostgresWriters} to store " +
                $"acknowledgements, one for the inbox worker, one for the rest), was {builder.MaxPoolSize}.";
        }
    }

    // Keys lists only the keywords the string sets, under Npgsql's canonical names (MaxPoolSize=5 is listed as Maximum
    // Pool Size); ContainsKey says whether the keyword exists at all, set or not.
#pragma warning disable CA1841 // ContainsKey is not the same question here (see above).
    private static bool Names(NpgsqlConnectionStringBuilder builder, string keyword) => builder.Keys.Contains(keyword);
#pragma warning restore CA1841
}
