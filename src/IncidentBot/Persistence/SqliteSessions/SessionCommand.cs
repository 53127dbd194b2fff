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
        command.Parameters.AddRange(parameters.All);
        return command;
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
