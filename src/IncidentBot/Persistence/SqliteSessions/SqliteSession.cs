using Microsoft.Data.Sqlite;

namespace IncidentBot.Persistence.SqliteSessions;

/// <summary>
/// One open SQLite connection of <see cref="SqliteSessionPool"/> and the statements it has compiled, by their text.
/// Microsoft.Data.Sqlite compiles a command's SQL again for every new command, and closing a connection (even one it
/// pools) disposes every statement compiled on it: in a storm of slash commands, about a quarter of the bot's CPU went
/// to SQLite parsing and planning the same few dozen statements. A command kept here is compiled once and reset
/// between runs. Used by one caller at a time, as any ADO.NET connection.
/// </summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    /// <summary>
    /// Statements kept per connection; the least recently used goes first. The bot runs far fewer distinct statements
    /// on its hot paths; lists that Dapper spells out as one parameter per item make the rest.
    /// </summary>
    internal const int StatementsKept = 64;

    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> kept = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> byUse = [];
    private readonly List<SqliteCommand> lent = [];

    public SqliteConnection Connection => connection;

    /// <summary>How many statements were compiled on this connection: for tests.</summary>
    internal int Compiled { get; private set; }

    /// <summary>A command with this SQL on this connection, compiled before if it was run here before.</summary>
    public SqliteCommand Take(string sql)
    {
        SqliteCommand command;
        if (kept.Remove(sql, out var node))
        {
            byUse.Remove(node);
            command = node.Value;
        }
        else
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            Compiled++;
        }

        lent.Add(command);
        return command;
    }

    /// <summary>Takes back a command whose reader, if any, is closed.</summary>
    public void Give(SqliteCommand command)
    {
        if (!lent.Remove(command))
        {
            return;
        }

        // Values are not kept alive by a statement waiting for its next run, nor a finished transaction.
        command.Parameters.Clear();
        command.Transaction = null;
        if (kept.ContainsKey(command.CommandText))
        {
            command.Dispose();
            return;
        }

        kept[command.CommandText] = byUse.AddFirst(command);
        if (kept.Count > StatementsKept)
        {
            var oldest = byUse.Last!;
            byUse.RemoveLast();
            kept.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }
    }

    /// <summary>
    /// Disposes the commands a caller did not give back (with their readers: an open reader would hold a read snapshot,
    /// and the write-ahead log could not be checkpointed past it). True when the connection can be handed out again:
    /// open, and in no transaction.
    /// </summary>
    public bool Settle()
    {
        foreach (var command in lent)
        {
            command.Dispose();
        }

        lent.Clear();
        return connection.State == System.Data.ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0;
    }

    public void Dispose()
    {
        foreach (var command in byUse)
        {
            command.Dispose();
        }

        byUse.Clear();
        kept.Clear();
        connection.Dispose();
    }
}
