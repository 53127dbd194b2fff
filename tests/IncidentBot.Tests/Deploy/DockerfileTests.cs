using IncidentBot.Hosting;
using Microsoft.Data.Sqlite;
using static IncidentBot.Tests.Deploy.DeployFiles;

namespace IncidentBot.Tests.Deploy;

/// <summary>deploy/docker/Dockerfile agrees with the bot: Docker cannot run on the build machines, so the file is read.</summary>
internal sealed class DockerfileTests
{
    public static readonly string EntryPoint = typeof(Program).Assembly.GetName().Name + ".dll";

    private readonly IReadOnlyList<(string Instruction, string Arguments)> stage = DockerfileRunStage();
    private readonly Dictionary<string, string> environment = DockerfileEnvironment();

    private string Only(string instruction) => stage.Single(i => i.Instruction == instruction).Arguments;

    [Test]
    public void The_image_listens_on_the_port_it_exposes_and_its_health_check_asks()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Only("EXPOSE"), Is.EqualTo("8080"));
            Assert.That(environment["Urls"], Is.EqualTo("http://+:8080"), "Urls in appsettings.json would otherwise win over ASPNETCORE_HTTP_PORTS");
            Assert.That(environment["ASPNETCORE_HTTP_PORTS"], Is.EqualTo("8080"));
            Assert.That(Only("HEALTHCHECK"), Does.EndWith(
                $"CMD [\"dotnet\", \"{EntryPoint}\", \"{HealthProbe.Command}\", \"http://127.0.0.1:8080{HealthEndpoints.LivenessPath}\"]"));
        });
    }

    [Test]
    public void The_image_runs_the_published_entry_point_as_a_non_root_user()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Only("ENTRYPOINT"), Is.EqualTo($"[\"dotnet\", \"{EntryPoint}\"]"));
            Assert.That(Only("FROM"), Does.StartWith("mcr.microsoft.com/dotnet/aspnet:10.0"));
            Assert.That(Only("USER"), Is.Not.EqualTo("root").And.Not.EqualTo("0").And.Not.Empty);
            Assert.That(File.ReadAllText(PathOf("docker/Dockerfile")), Does.Contain("dotnet publish src/IncidentBot/IncidentBot.csproj"));
        });
    }

    [Test]
    public void The_image_writes_only_to_its_volumes_so_the_root_file_system_can_be_read_only()
    {
        var database = new SqliteConnectionStringBuilder(environment["ConnectionStrings__IncidentBot"]).DataSource;
        var folder = Path.GetDirectoryName(database)!;

        Assert.Multiple(() =>
        {
            Assert.That(Only("VOLUME"), Does.Contain($"\"{folder}\"").And.Contain("\"/tmp\""));
            Assert.That(stage.Where(i => i.Instruction == "RUN").Select(i => i.Arguments), Has.Some.Contains($"chown \"$APP_UID\" {folder}"),
                "the SQLite folder must belong to the bot's user before it becomes a volume");
            Assert.That(environment["Storage__Provider"], Is.EqualTo("Sqlite"));
            Assert.That(environment["Logging__Console__FormatterName"], Is.EqualTo("json"));
        });
    }

    [Test]
    public void Every_variable_the_image_sets_is_a_setting_the_bot_reads()
    {
        Assert.That(environment.Keys.Select(SettingNames.Problem).OfType<string>(), Is.Empty);
    }
}
