using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Teams;

/// <summary>
/// Conversation references learnt from authenticated activities (table <c>teams_refs</c>): the serviceUrl and tenant
/// per tenant, channel and person, and people's names for mentions. Kept in the database, not in memory, so that a
/// restarted bot can still page someone who has not written since.
/// </summary>
internal sealed class TeamsReferences(Database database, TimeProvider clock)
{
    public static string TenantKey(string tenant) => "tenant:" + tenant;

    public static string ChannelKey(string channel) => "channel:" + channel;

    public static string UserKey(string user) => "user:" + user;

    /// <summary>Remembers where the activity came from: its tenant, its channel and its sender.</summary>
    public async Task Remember(TeamsReference from, string channel, CancellationToken ct)
    {
        await Upsert(UserKey(from.User), from, from.UserName, from.AadObjectId, ct);
        await Upsert(ChannelKey(channel), from, null, null, ct);
        if (from.TenantId is { } tenant)
        {
            await Upsert(TenantKey(tenant), from, null, null, ct);
        }
    }

    public async Task<TeamsRef?> Find(string key, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.QueryFirstOrDefaultAsync<TeamsRef>(new CommandDefinition(
            $"SELECT {TeamsRef.Columns} FROM teams_refs WHERE ref_key = @key", new { key }, cancellationToken: ct));
    }

    /// <summary>The person with this Teams user id, or whose Entra object id this is (registries may hold either).</summary>
    public async Task<TeamsRef?> FindUser(string idOrAadObjectId, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.QueryFirstOrDefaultAsync<TeamsRef>(new CommandDefinition(
            $"""
            SELECT {TeamsRef.Columns} FROM teams_refs
            WHERE ref_key = @key OR (aad_object_id = @id AND ref_key LIKE 'user:%')
            ORDER BY seen_at DESC LIMIT 1
            """,
            new { key = UserKey(idOrAadObjectId), id = idOrAadObjectId },
            cancellationToken: ct));
    }

    /// <summary>The most recently seen serviceUrl of any conversation, for proactive sends with nothing more specific.</summary>
    public async Task<TeamsRef?> Latest(CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.QueryFirstOrDefaultAsync<TeamsRef>(new CommandDefinition(
            $"SELECT {TeamsRef.Columns} FROM teams_refs WHERE ref_key LIKE 'tenant:%' ORDER BY seen_at DESC LIMIT 1", cancellationToken: ct));
    }

    private async Task Upsert(string key, TeamsReference from, string? name, string? aad, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO teams_refs (ref_key, tenant_id, service_url, name, aad_object_id, seen_at)
            VALUES (@key, @tenant, @serviceUrl, @name, @aad, @now)
            ON CONFLICT (ref_key) DO UPDATE SET
                tenant_id = COALESCE(excluded.tenant_id, teams_refs.tenant_id), service_url = excluded.service_url,
                name = COALESCE(excluded.name, teams_refs.name), aad_object_id = COALESCE(excluded.aad_object_id, teams_refs.aad_object_id),
                seen_at = excluded.seen_at
            """,
            new { key, tenant = from.TenantId, serviceUrl = from.ServiceUrl, name, aad, now = DbTime.ToDb(clock.GetUtcNow()) },
            cancellationToken: ct));
    }
}

/// <summary>One stored reference (Dapper's view, hence a class with setters).</summary>
internal sealed class TeamsRef
{
    public const string Columns = "ref_key AS RefKey, tenant_id AS TenantId, service_url AS ServiceUrl, name AS Name, aad_object_id AS AadObjectId";

    public string RefKey { get; set; } = "";

    public string? TenantId { get; set; }

    public string ServiceUrl { get; set; } = "";

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    /// <summary>The Teams user id (<c>29:…</c>) of a user reference.</summary>
    public string? UserId => RefKey.StartsWith("user:", StringComparison.Ordinal) ? RefKey[5..] : null;
}
