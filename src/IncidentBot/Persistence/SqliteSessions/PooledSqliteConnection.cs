using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Persistence.SqliteSessions;

/// <summary>
/// What <see cref="Database.Open"/> hands out on SQLite: a connection of <see cref="SqliteSessionPool"/>, open from the
/// start, given back to the pool when closed or disposed. Its commands run on statements the connection has compiled
/// before (<see cref="SessionCommand"/>); everything else is the underlying <see cref="SqliteConnection"/>'s.
/// </summary>
internal sealed class PooledSqliteConnection(SqliteSessionPool pool, SqliteSession session) : DbConnection
{
    private SqliteSession? current = session;
    private SqliteTransaction? transaction;

    /// <summary>The connection underneath, for tests and for settings that only it has.</summary>
    internal SqliteConnection Inner => Session.Connection;

    internal SqliteSession Session => current ?? throw new InvalidOperationException("the connection is closed");

    internal SqliteSession? OpenSession => current;

    [AllowNull]
    public override string ConnectionString
    {
        get => Session.Connection.ConnectionString;
        set => throw new NotSupportedException("a pooled connection keeps the connection string it was opened with");
    }

    public override string Database => Session.Connection.Database;

    public override string DataSource => Session.Connection.DataSource;

    public override string ServerVersion => Session.Connection.ServerVersion;

    public override ConnectionState State => current is null ? ConnectionState.Closed : ConnectionState.Open;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException("SQLite has one database per connection");

    // Opened by the pool; a connection given back is not opened again (Database.Open gives a new one).
    public override void Open()
    {
        if (current is null)
        {
            throw new InvalidOperationException("a pooled SQLite connection is not reopened once closed; open another");
        }
    }

    public override void Close()
    {
        if (current is not { } closing)
        {
            return;
        }

        current = null;

        // A transaction left open is rolled back, as closing a connection does.
        if (transaction?.Connection is not null)
        {
            transaction.Dispose();
        }

        transaction = null;
        pool.Return(closing);
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        transaction = Session.Connection.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new SessionCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }
}
