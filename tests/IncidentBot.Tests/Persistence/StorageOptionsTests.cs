using IncidentBot.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Persistence;

internal sealed class StorageOptionsTests
{
    [Test]
    public void The_defaults_are_a_SQLite_file_under_data()
    {
        var options = new StorageOptions();

        Assert.That(options.ParsedProvider, Is.EqualTo(StorageProvider.Sqlite));
        Assert.That(options.EffectiveConnectionString, Is.EqualTo("Data Source=data/incidentbot.db"));
        Assert.That(StorageOptionsValidator.Errors(options), Is.Empty);
    }

    [TestCase("postgres", "Host=db;Database=incidentbot", StorageProvider.Postgres)]
    [TestCase("SQLITE", "Data Source=bot.db", StorageProvider.Sqlite)]
    public void The_provider_is_case_insensitive(string provider, string connectionString, StorageProvider expected)
    {
        var options = new StorageOptions { Provider = provider, ConnectionString = connectionString };

        Assert.That(StorageOptionsValidator.Errors(options), Is.Empty);
        Assert.That(options.ParsedProvider, Is.EqualTo(expected));
    }

    [Test]
    public void Only_PostgreSQL_connections_get_the_bots_pool_defaults_and_what_the_string_sets_wins()
    {
        var postgres = new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db;Database=incidentbot;Maximum Pool Size=40" };
        var sqlite = new StorageOptions { Provider = "Sqlite", ConnectionString = "Data Source=bot.db" };

        var opened = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionStringToOpen);
        Assert.That(opened.MaxPoolSize, Is.EqualTo(40));
        Assert.That(opened.MaxAutoPrepare, Is.EqualTo(PostgresConnectionDefaults.MaxAutoPrepare));
        Assert.That(sqlite.ConnectionStringToOpen, Is.EqualTo("Data Source=bot.db"));
        Assert.That(new StorageOptions().ConnectionStringToOpen, Is.EqualTo(StorageOptions.DefaultSqliteConnectionString));
    }

    [Test]
    public void An_unknown_provider_is_named_with_its_value()
    {
        Assert.That(
            StorageOptionsValidator.Errors(new StorageOptions { Provider = "Mysql" }),
            Is.EqualTo<string[]>(["Storage:Provider must be Sqlite or Postgres, was 'Mysql'."]));
    }

    [Test]
    public void Postgres_needs_a_connection_string()
    {
        Assert.That(
            StorageOptionsValidator.Errors(new StorageOptions { Provider = "Postgres" }),
            Is.EqualTo<string[]>(["ConnectionStrings:IncidentBot must be set when Storage:Provider is Postgres."]));
    }

    [TestCase("Sqlite", "this is not a connection string")]
    [TestCase("Postgres", "Host=db;Frobnicate=yes")]
    public void An_unparseable_connection_string_is_named(string provider, string connectionString)
    {
        var errors = StorageOptionsValidator.Errors(new StorageOptions { Provider = provider, ConnectionString = connectionString });

        Assert.That(errors, Has.One.StartsWith($"ConnectionStrings:IncidentBot is not a valid {provider} connection string"));
    }

    [TestCase("Data Source=:memory:")]
    [TestCase("Data Source=shared;Mode=Memory")]
    public void In_memory_SQLite_is_refused_with_the_reason(string connectionString)
    {
        var errors = StorageOptionsValidator.Errors(new StorageOptions { ConnectionString = connectionString });

        Assert.That(errors, Has.One.Contains("in-memory SQLite").And.Contains("every connection would get its own empty database"));
    }

    [Test]
    public void A_host_with_bad_storage_settings_does_not_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Mysql" });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPersistence(builder.Configuration);
        using var host = builder.Build();

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.CurrentContext.CancellationToken));

        Assert.That(error.Message, Does.Contain("Storage:Provider must be Sqlite or Postgres, was 'Mysql'."));
    }

    [Test]
    public async Task The_folder_of_the_SQLite_file_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), "incidentbot-tests", Guid.NewGuid().ToString("N"));
        var options = new StorageOptions { ConnectionString = $"Data Source={Path.Combine(folder, "nested", "bot.db")}" };
        try
        {
            await using (var database = new Database(Options.Create(options)))
            {
                Assert.That(Directory.Exists(Path.Combine(folder, "nested")), Is.True);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
