using IncidentBot.Delivery;
using IncidentBot.Persistence;
using Npgsql;

namespace IncidentBot.Tests.Persistence;

internal sealed class PostgresConnectionDefaultsTests
{
    [Test]
    public void A_connection_string_that_does_not_say_gets_a_bounded_pool_prepared_statements_and_no_reset_on_close()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=incidentbot;Password=secret"));

        Assert.That(applied.MaxPoolSize, Is.EqualTo(20), "Npgsql's own default, 100, is a default server's every connection");
        Assert.That(applied.MaxAutoPrepare, Is.EqualTo(64));
        Assert.That(applied.NoResetOnClose, Is.True, "the bot keeps no session state; a reset costs seven statements per connection");
        Assert.That((applied.Host, applied.Database, applied.Password), Is.EqualTo(("db", "incidentbot", "secret")));
    }

    [TestCase("Host=db;Maximum Pool Size=100;Max Auto Prepare=0;No Reset On Close=false", 100, 0, false)]
    [TestCase("Host=db;MaxPoolSize=8;MaxAutoPrepare=5;NoResetOnClose=false", 8, 5, false)]
    public void What_the_connection_string_names_is_kept(string connectionString, int pool, int prepared, bool noReset)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.That((applied.MaxPoolSize, applied.MaxAutoPrepare, applied.NoResetOnClose), Is.EqualTo((pool, prepared, noReset)));
    }

    [Test]
    public void A_pool_too_small_for_the_bot_is_refused_at_start_up_naming_the_keyword()
    {
        var options = new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db;Maximum Pool Size=4" };

        Assert.That(StorageOptionsValidator.Errors(options), Is.EqualTo<string[]>([
            $"ConnectionStrings:IncidentBot: Maximum Pool Size must be at least 5 ({InboxBatches.PostgresWriters} to store acknowledgements, " +
            "one for the inbox worker, one for the rest), was 4."]));
        Assert.That(StorageOptionsValidator.Errors(new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db;Maximum Pool Size=5" }), Is.Empty);
    }

    [Test]
    public void A_connection_string_that_does_not_parse_is_left_for_the_validation_to_refuse()
    {
        Assert.That(PostgresConnectionDefaults.Apply("Host=db;Frobnicate=yes"), Is.EqualTo("Host=db;Frobnicate=yes"));
    }
}
