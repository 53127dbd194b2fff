using IncidentBot.Core.Registry;
using IncidentBot.Core.Runbook;
using IncidentBot.Hosting;
using IncidentBot.Persistence;
using static IncidentBot.Tests.Deploy.DeployFiles;

namespace IncidentBot.Tests.Deploy;

/// <summary>deploy/compose.yaml agrees with the bot and with the image.</summary>
internal sealed class ComposeTests
{
    private readonly Dictionary<object, object> compose = Yaml("compose.yaml");
    private readonly IReadOnlyList<(string Name, string Value, bool Commented)> envFile = EnvFile(".env.example");

    private static readonly string[] Bots = ["bot", "bot-2"];

    /// <summary>What the env file must provide: the database password, and the API token production requires.</summary>
    private static readonly string[] Required = ["POSTGRES_PASSWORD", "Api__Token"];

    private Dictionary<object, object> Bot(string name) => (Dictionary<object, object>)At(compose, "services", name);

    private string Env(string bot, string name) => Text(Bot(bot), "environment", name);

    [TestCaseSource(nameof(Bots))]
    public void Each_bot_runs_on_PostgreSQL_with_a_valid_connection_string(string bot)
    {
        var password = envFile.Single(v => v.Name == "POSTGRES_PASSWORD").Value;
        var storage = new StorageOptions
        {
            Provider = Env(bot, "Storage__Provider"),
            ConnectionString = Env(bot, "ConnectionStrings__IncidentBot").Replace("${POSTGRES_PASSWORD}", password, StringComparison.Ordinal),
        };

        Assert.Multiple(() =>
        {
            Assert.That(storage.Provider, Is.EqualTo("Postgres"));
            Assert.That(StorageOptionsValidator.Errors(storage), Is.Empty);
            Assert.That(storage.ConnectionString, Does.Contain("Host=postgres;"), "the database service's name");
        });
    }

    [TestCaseSource(nameof(Bots))]
    public void Each_bot_waits_for_a_healthy_database_and_reports_ready_on_readyz(string bot)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Text(Bot(bot), "depends_on", "postgres", "condition"), Is.EqualTo("service_healthy"));
            Assert.That(At(compose, "services", "postgres", "healthcheck", "test"), Has.Some.Contains("pg_isready"));
            Assert.That(At(compose, "services", "postgres", "volumes"), Has.Some.StartsWith("pgdata:"));
            Assert.That(At(Bot(bot), "healthcheck", "test"), Is.EqualTo(new[]
            {
                "CMD", "dotnet", DockerfileTests.EntryPoint, HealthProbe.Command, "http://127.0.0.1:8080" + HealthEndpoints.ReadinessPath,
            }));
            Assert.That((List<object>)At(Bot(bot), "ports"), Has.Exactly(1).EndsWith(":8080"), "the port the image listens on");
            Assert.That(Text(Bot(bot), "read_only"), Is.EqualTo("true"));
            Assert.That(At(Bot(bot), "tmpfs"), Has.Member("/tmp"));
        });
    }

    [TestCaseSource(nameof(Bots))]
    public void The_registry_and_runbook_are_mounted_read_only_where_the_settings_point(string bot)
    {
        var mounts = ((List<object>)At(Bot(bot), "volumes")).Select(v => v.ToString()!.Split(':')).ToDictionary(m => m[1]);
        var registry = mounts[Env(bot, "Registry__Path")];
        var runbook = mounts[Env(bot, "Runbook__Path")];

        Assert.Multiple(() =>
        {
            Assert.That(registry[2], Is.EqualTo("ro"));
            Assert.That(runbook[2], Is.EqualTo("ro"));
            Assert.That(RegistryParser.Parse(File.ReadAllText(PathOf(registry[0]))).Errors, Is.Empty, registry[0]);
            Assert.That(RunbookParser.Parse(File.ReadAllText(PathOf(runbook[0]))).Errors, Is.Empty, runbook[0]);
        });
    }

    [Test]
    public void Secrets_come_from_an_env_file_that_is_never_committed()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repo, ".gitignore"));

        Assert.Multiple(() =>
        {
            Assert.That(Bots.Select(b => Text(Bot(b), "env_file")), Is.All.EqualTo(".env"));
            Assert.That(ignored, Has.Member("deploy/.env"));
            Assert.That(envFile.Where(v => !v.Commented).Select(v => v.Name), Is.SupersetOf(Required));
            Assert.That(envFile.Single(v => v.Name == "Api__Token").Value, Has.Length.AtLeast(16), "Api:Token's minimum length");
        });
    }

    [Test]
    public void Every_variable_compose_and_its_env_file_set_is_a_setting_the_bot_reads()
    {
        var names = Bots.SelectMany(b => ((Dictionary<object, object>)At(Bot(b), "environment")).Keys.Select(k => k.ToString()!))
            .Concat(envFile.Select(v => v.Name));

        Assert.That(names.Distinct().Select(SettingNames.Problem).OfType<string>(), Is.Empty);
    }
}
