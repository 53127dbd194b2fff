using Microsoft.Data.Sqlite;
using static IncidentBot.Tests.Deploy.DeployFiles;

namespace IncidentBot.Tests.Deploy;

/// <summary>deploy/systemd/incidentbot.service agrees with the published bot.</summary>
internal sealed class SystemdUnitTests
{
    private readonly (ILookup<string, string> Settings, Dictionary<string, string> Environment) unit = SystemdUnit();

    private string Setting(string name) => unit.Settings[name].Single();

    [Test]
    public void The_service_restarts_on_failure_but_gives_up_on_a_bad_setting()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Setting("Restart"), Is.EqualTo("on-failure"));
            Assert.That(int.Parse(Setting("StartLimitBurst"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(Setting("User"), Is.Not.EqualTo("root"));
        });
    }

    [Test]
    public void The_service_runs_the_published_entry_point_from_its_folder()
    {
        var execStart = Setting("ExecStart").Split(' ');

        Assert.Multiple(() =>
        {
            Assert.That(execStart[0], Does.EndWith("/dotnet"));
            Assert.That(Path.GetFileName(execStart[1]), Is.EqualTo(DockerfileTests.EntryPoint));
            Assert.That(Path.GetDirectoryName(execStart[1]), Is.EqualTo(Setting("WorkingDirectory")));
        });
    }

    [Test]
    public void The_database_lives_in_the_state_directory_systemd_gives_the_service()
    {
        var database = new SqliteConnectionStringBuilder(unit.Environment["ConnectionStrings__IncidentBot"]).DataSource;

        Assert.Multiple(() =>
        {
            Assert.That(Path.GetDirectoryName(database), Is.EqualTo("/var/lib/" + Setting("StateDirectory")));
            Assert.That(Path.GetDirectoryName(unit.Environment["Registry__Path"]), Is.EqualTo("/etc/" + Setting("ConfigurationDirectory")));
            Assert.That(unit.Environment.Keys.Select(SettingNames.Problem).OfType<string>(), Is.Empty);
        });
    }
}
