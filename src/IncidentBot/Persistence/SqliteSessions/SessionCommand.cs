using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Persistence.SqliteSessions;

/// <summary>
/// A command of a <see cref="PooledSqliteConnection"/>: it collects its text and parameters, and runs them on the
/// connection's compiled statement for that text, which it gives back when disposed (or run again).
/// </summary>
internal sealed class SessionCommand(PooledSqliteConnection connection) : DbCommand
{
    private const int MaxPrefixedNames = 4096;
    private static readonly ConcurrentDictionary<string, string> PrefixedNames = new(StringComparer.Ordinal);

    private readonly ParameterList parameters = new();
    private SqliteCommand? running;

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = 30;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("SQLite runs text commands only");
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (!ReferenceEquals(value, connection))
            {
                throw new NotSupportedException("a command of a pooled SQLite connection stays on it");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    // Every statement is kept compiled on its connection after its first run.
    public override void Prepare()
    {
    }

    public override int ExecuteNonQuery() => Run().ExecuteNonQuery();

    public override object? ExecuteScalar() => Run().ExecuteScalar();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Run().ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            GiveBack();
        }

        base.Dispose(disposing);
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    private SqliteCommand Run()
    {
        GiveBack();
        var command = connection.Session.Take(CommandText);
        running = command;
        command.CommandTimeout = CommandTimeout;
        command.Transaction = (SqliteTransaction?)DbTransaction;
        foreach (var parameter in parameters.All)
        {
            parameter.ParameterName = Prefixed(parameter.ParameterName);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// The name as the SQL writes it. Dapper names parameters without their '@'; Microsoft.Data.Sqlite then looks each
    /// one up as written and with ':' and '@' before it, each try a new string and its UTF-8 copy, on every run: a tenth
    /// of what the bot allocated in a storm of slash commands. Every statement of the bot writes its parameters '@name'.
    /// </summary>
    private static string Prefixed(string name)
    {
        if (name is "" or ['@' or ':' or '$', ..])
        {
            return name;
        }

        if (PrefixedNames.TryGetValue(name, out var prefixed))
        {
            return prefixed;
        }

        prefixed = "@" + name;

        // Names come from the code (and Dapper's expansions of lists: ids1, ids2, ...), but the cache stays bounded anyway.
        if (PrefixedNames.Count < MaxPrefixedNames)
        {
            PrefixedNames.TryAdd(name, prefixed);
        }

        return prefixed;
    }

    private void GiveBack()
    {
        if (running is { } command)
        {
            running = null;

            // Closing the connection first has already disposed it (SqliteSession.Settle).
            connection.OpenSession?.Give(command);
        }
    }

    /// <summary>The parameters, until the command runs; Microsoft.Data.Sqlite's collection, so they bind as there.</summary>
    private sealed class ParameterList : SqliteParameterCollection
    {
        public IEnumerable<SqliteParameter> All => this.Cast<SqliteParameter>();
    }
}
