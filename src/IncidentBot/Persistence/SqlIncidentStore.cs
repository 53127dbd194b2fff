using System.Data.Common;
using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;
using IncidentBot.Telemetry;

namespace IncidentBot.Persistence;

/// <summary>The core's incident store over plain SQL that both SQLite and PostgreSQL accept.</summary>
internal sealed partial class SqlIncidentStore(Database database) : IIncidentStore
{
    private const string AppendSql = """
        INSERT INTO timeline (incident_id, at, kind, actor, text, source_id, deleted, edited_at, key_event)
        VALUES (@Number, @At, @Kind, @Actor, @Text, @SourceId, @Deleted, @EditedAt, @Key)
        ON CONFLICT (incident_id, source_id) DO NOTHING
        """;

    public async Task<Incident> Create(NewIncident draft, TimelineEntry declared, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var number = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO incidents (request_key, title, status, severity, area, owner, declared_by, declared_at, platform, channel, impact_started_at, alert_key, is_private)
            VALUES (@RequestKey, @Title, @Status, @Severity, @Area, @Owner, @DeclaredBy, @DeclaredAt, @Platform, @Channel, @ImpactStartedAt, @AlertKey, @IsPrivate)
            ON CONFLICT (request_key) DO NOTHING
            RETURNING id
            """,
            new
            {
                draft.RequestKey,
                draft.Title,
                Status = IncidentRow.ToDb(IncidentStatus.Investigating),
                draft.Severity,
                draft.Area,
                draft.Owner,
                draft.DeclaredBy,
                DeclaredAt = DbTime.ToDb(draft.DeclaredAt),
                draft.Platform,
                draft.Channel,
                ImpactStartedAt = DbTime.ToDb(draft.ImpactStartedAt),
                draft.AlertKey,
                IsPrivate = draft.IsPrivate ? 1 : 0,
            },
            tx,
            cancellationToken: ct));
        if (number is { } created)
        {
            await AppendEntries(connection, tx, created, [declared], ct);
        }

        // A repeated request finds the incident its first run opened (committed, or it would not have conflicted).
        var incident = await Single(connection, tx, "request_key = @key", new { key = draft.RequestKey }, ct);
        await tx.CommitAsync(ct);
        return incident!;
    }

    public async Task<Incident?> Find(long number, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await Single(connection, null, "id = @number", new { number }, ct);
    }

    public async Task<Incident?> FindByThread(string platform, string channel, string threadId, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await Single(
            connection,
            null,
            "platform = @platform AND channel = @channel AND thread_id = @threadId",
            new { platform, channel, threadId },
            ct);
    }

    // Constants, not built per call: every `/outage list` runs one of them.
    private const string ListAll = $"SELECT {IncidentRow.Columns} FROM incidents ORDER BY declared_at DESC, id DESC";
    private const string ListOpen = $"SELECT {IncidentRow.Columns} FROM incidents WHERE status <> @resolved ORDER BY declared_at DESC, id DESC";

    public async Task<IReadOnlyList<Incident>> List(bool openOnly, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            openOnly ? ListOpen : ListAll,
            new { resolved = IncidentRow.ToDb(IncidentStatus.Resolved) },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToIncident())];
    }

    public Task SetThreadId(long number, string threadId, CancellationToken ct) =>
        Execute("UPDATE incidents SET thread_id = @threadId WHERE id = @number", new { number, threadId }, ct);

    public async Task<bool> Append(long number, TimelineEntry entry, CancellationToken ct) => await AppendAll(number, [entry], ct) == 1;

    public async Task<int> AppendAll(long number, IReadOnlyList<TimelineEntry> entries, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = await AppendEntries(connection, tx, number, entries, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>
    /// On PostgreSQL a burst of entries goes in as one statement over arrays: a round trip per entry made a run of 100
    /// replies cost 100 round trips. On SQLite, in process, a prepared statement per entry is as cheap; its search
    /// document is not re-indexed here either: the new rows mark it stale (migration 021).
    /// </summary>
    private Task<int> AppendEntries(DbConnection connection, DbTransaction tx, long number, IReadOnlyList<TimelineEntry> entries, CancellationToken ct) =>
        database.Provider == StorageProvider.Postgres && entries.Count > 1
            ? connection.ExecuteAsync(new CommandDefinition(AppendAllPostgres, AllArgs(number, entries), tx, cancellationToken: ct))
            : connection.ExecuteAsync(new CommandDefinition(AppendSql, entries.Select(e => EntryRow.Of(number, e)), tx, cancellationToken: ct));

    // In the entries' order (WITH ORDINALITY), so their ids follow it as one insert per entry would; a source id repeated
    // in the burst or stored before is skipped, as there.
    private const string AppendAllPostgres = """
        INSERT INTO timeline (incident_id, at, kind, actor, text, source_id, deleted, edited_at, key_event)
        SELECT @Number, e.at, e.kind, e.actor, e.text, e.source_id, e.deleted, e.edited_at, e.key_event
        FROM unnest(@At, @Kind, @Actor, @Text, @SourceId, @Deleted, @EditedAt, @Key)
            WITH ORDINALITY AS e (at, kind, actor, text, source_id, deleted, edited_at, key_event, n)
        ORDER BY e.n
        ON CONFLICT (incident_id, source_id) DO NOTHING
        """;

    private static object AllArgs(long number, IReadOnlyList<TimelineEntry> entries)
    {
        var rows = entries.Select(e => EntryRow.Of(number, e)).ToArray();
        return new
        {
            Number = number,
            At = rows.Select(r => r.At).ToArray(),
            Kind = rows.Select(r => r.Kind).ToArray(),
            Actor = rows.Select(r => r.Actor).ToArray(),
            Text = rows.Select(r => r.Text).ToArray(),
            SourceId = rows.Select(r => r.SourceId).ToArray(),
            Deleted = rows.Select(r => r.Deleted).ToArray(),
            EditedAt = rows.Select(r => r.EditedAt).ToArray(),
            Key = rows.Select(r => r.Key).ToArray(),
        };
    }

    public Task<IReadOnlyList<TimelineEntry>> Timeline(long number, CancellationToken ct) =>
        Entries("incident_id = @number", number, ct);

    /// <summary>
    /// <c>kind &lt;&gt; 'message'</c> is spelled as the partial index of migration 022 spells it (a literal, not a
    /// parameter), so both databases read the bot's entries from that index, in order, without the replies.
    /// </summary>
    internal const string BotEntriesWhere = "incident_id = @number AND kind <> 'message'";

    public Task<IReadOnlyList<TimelineEntry>> BotEntries(long number, CancellationToken ct) => Entries(BotEntriesWhere, number, ct);

    public async Task<bool> HasEntry(long number, string sourceId, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM timeline WHERE incident_id = @number AND source_id = @sourceId", new { number, sourceId }, cancellationToken: ct)) > 0;
    }

    public async Task<DateTimeOffset?> LastMessageAt(long number, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return DbTime.FromDb(await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(at) FROM timeline WHERE incident_id = @number AND kind = @kind AND deleted = 0",
            new { number, kind = TimelineKind.Message },
            cancellationToken: ct)));
    }

    internal static string EntriesSql(string where) => $"SELECT {TimelineRow.Columns} FROM timeline WHERE {where} ORDER BY at, id";

    private async Task<IReadOnlyList<TimelineEntry>> Entries(string where, long number, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<TimelineRow>(new CommandDefinition(
            EntriesSql(where),
            new { number },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<bool> Edit(long number, string sourceId, string text, DateTimeOffset editedAt, CancellationToken ct) =>
        await Execute(
            "UPDATE timeline SET text = @text, edited_at = @editedAt WHERE incident_id = @number AND source_id = @sourceId AND (edited_at IS NULL OR edited_at <= @editedAt)",
            new { number, sourceId, text, editedAt = DbTime.ToDb(editedAt) },
            ct) > 0;

    public async Task<bool> Resolve(long number, DateTimeOffset at, CancellationToken ct) =>
        await Execute(
            "UPDATE incidents SET status = @status, resolved_at = @at WHERE id = @number AND status <> @status",
            new { number, at = DbTime.ToDb(at), status = IncidentRow.ToDb(IncidentStatus.Resolved) },
            ct) == 1;

    public async Task<bool> MarkDeleted(long number, string sourceId, CancellationToken ct) =>
        await Execute(
            "UPDATE timeline SET deleted = 1 WHERE incident_id = @number AND source_id = @sourceId",
            new { number, sourceId },
            ct) > 0;

    /// <summary>A timeline entry as its columns hold it: times in Unix milliseconds, flags as 0 or 1.</summary>
    private sealed record EntryRow(long Number, long At, string Kind, string Actor, string Text, string SourceId, int Deleted, long? EditedAt, int Key)
    {
        public static EntryRow Of(long number, TimelineEntry entry) => new(
            number, DbTime.ToDb(entry.At), entry.Kind, entry.Actor, entry.Text, entry.SourceId, entry.Deleted ? 1 : 0, DbTime.ToDb(entry.EditedAt), entry.Key ? 1 : 0);
    }

    private static async Task<Incident?> Single(DbConnection connection, DbTransaction? tx, string where, object args, CancellationToken ct)
    {
        var row = await connection.QueryFirstOrDefaultAsync<IncidentRow>(new CommandDefinition(
            $"SELECT {IncidentRow.Columns} FROM incidents WHERE {where} ORDER BY id DESC LIMIT 1", args, tx, cancellationToken: ct));
        if (row is not null)
        {
            // Handling a request, this is the incident it concerns: the log lines from here on say so.
            IncidentLogScope.Note(row.Id);
        }

        return row?.ToIncident();
    }

    private async Task<int> Execute(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}
