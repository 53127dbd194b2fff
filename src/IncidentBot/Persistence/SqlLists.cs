namespace IncidentBot.Persistence;

/// <summary>
/// "Column is one of a list" in each database's words. Dapper expands a list parameter into <c>IN (@p1, @p2, ...)</c>
/// on SQLite, but hands it to Npgsql as one array, which PostgreSQL compares with <c>= ANY</c>.
/// </summary>
internal static class SqlLists
{
    /// <summary>The parameter must be an array (or a list) of the column's type.</summary>
    public static string In(StorageProvider provider, string column, string parameter) =>
        provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";
}
