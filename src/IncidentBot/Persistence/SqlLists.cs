using System.Text.Json;

namespace IncidentBot.Persistence;

/// <summary>
/// "Column is one of a list" in each database's words, with the list as one parameter. PostgreSQL compares with an
/// array (<c>= ANY</c>). SQLite reads a JSON array with <c>json_each</c>: Dapper would spell a list out as
/// <c>IN (@p1, @p2, ...)</c>, a different statement for every length, so a storm's batches (1 to 100 requests) compiled
/// a statement per new length and pushed the hot statements out of each connection's cache (see
/// <see cref="SqliteSessions.SqliteSession"/>).
/// </summary>
internal static class SqlLists
{
    /// <summary>The parameter's value must come from <see cref="Values{T}"/>.</summary>
    public static string In(StorageProvider provider, string column, string parameter) =>
        provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    /// <summary>The list as <see cref="In"/>'s parameter: an array for PostgreSQL, a JSON array for SQLite.</summary>
    public static object Values<T>(StorageProvider provider, T[] values) =>
        provider == StorageProvider.Postgres ? values : JsonSerializer.Serialize(values);
}
