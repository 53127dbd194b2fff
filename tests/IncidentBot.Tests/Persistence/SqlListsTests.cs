using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Persistence.SqliteSessions;

namespace IncidentBot.Tests.Persistence;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SqlListsTests(StorageProvider provider) : DatabaseTest(provider)
{
    private static readonly string[] Wanted = ["über", "say \"hi\"", "1712.000100", "absent"];

    [Test]
    public async Task Rows_are_picked_by_a_list_of_numbers_or_of_texts_whatever_their_characters_and_by_an_empty_one_none()
    {
        await using var connection = await Database.Open(Ct);

        Assert.That(await Ids(connection, [3, 1, 9]), Is.EqualTo<long[]>([1, 3]));
        Assert.That(await Ids(connection, []), Is.Empty);
        Assert.That(
            await connection.QueryAsync<string>(
                $"WITH t(m) AS (VALUES ('1712.000100'), ('say \"hi\"'), ('über'), ('other')) SELECT m FROM t WHERE {SqlLists.In(Provider, "m", "ms")} ORDER BY m",
                new { ms = SqlLists.Values(Provider, Wanted) }),
            Is.EqualTo<string[]>(["1712.000100", "say \"hi\"", "über"]));
    }

    [Test]
    public async Task On_SQLite_lists_of_every_length_share_one_compiled_statement()
    {
        Assume.That(Provider, Is.EqualTo(StorageProvider.Sqlite), "statements are compiled by SQLite in this process");
        await using var connection = (PooledSqliteConnection)await Database.Open(Ct);
        await Ids(connection, [1]);
        var compiled = connection.Session.Compiled;

        // A storm's batches are of every size up to Delivery:InboxBatch (100).
        for (var length = 2; length <= 100; length++)
        {
            var ids = Enumerable.Range(1, length).Select(i => (long)i).ToArray();
            Assert.That(await Ids(connection, ids), Is.EqualTo(ids.Take(3)));
        }

        Assert.That(connection.Session.Compiled, Is.EqualTo(compiled), "statements compiled for lists of new lengths");
    }

    private async Task<IEnumerable<long>> Ids(System.Data.Common.DbConnection connection, long[] ids) =>
        await connection.QueryAsync<long>(
            $"WITH t(id) AS (VALUES (1), (2), (3)) SELECT id FROM t WHERE {SqlLists.In(Provider, "id", "ids")} ORDER BY id",
            new { ids = SqlLists.Values(Provider, ids) });
}
