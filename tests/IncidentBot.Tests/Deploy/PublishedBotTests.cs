using System.Net;
using System.Text.Json;
using IncidentBot.Hosting;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Deploy;

/// <summary>The published bot starts with the Dockerfile's environment, serves its probes and logs JSON.</summary>
internal sealed class PublishedBotTests
{
    private string root = null!;
    private string published = null!;

    [OneTimeSetUp]
    public async Task PublishOnce()
    {
        root = Directory.CreateTempSubdirectory("incidentbot-publish-").FullName;
        published = Path.Combine(root, "app");
        await PublishedBot.Publish(published);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(root, recursive: true);

    /// <summary>The Dockerfile's ENV, with its container folders moved under <see cref="root"/> and the port on loopback.</summary>
    private Dictionary<string, string> ContainerEnvironment()
    {
        var environment = DeployFiles.DockerfileEnvironment()
            .ToDictionary(e => e.Key, e => e.Value.Replace("/var/lib/", root + "/var/lib/", StringComparison.Ordinal).Replace("/etc/", root + "/etc/", StringComparison.Ordinal));
        environment["Urls"] = "http://127.0.0.1:0";
        // The image creates the configuration folder; the registry file itself is optional.
        Directory.CreateDirectory(Path.GetDirectoryName(environment["Registry__Path"])!);
        // What deploy/.env supplies; production requires it.
        environment["Api__Token"] = "published-bot-test-token-0123456789";
        return environment;
    }

    [Test]
    public async Task The_published_bot_starts_with_the_images_environment_and_answers_its_probes()
    {
        await using var bot = PublishedBot.Start(published, ContainerEnvironment());
        var address = await bot.Listening();
        using var http = new HttpClient { BaseAddress = address };

        var health = await http.GetAsync(HealthEndpoints.LivenessPath);
        // Kestrel listens before the reminder scheduler has started (docs/scheduling.md): ready a moment later, as a
        // readiness probe that asks again would see it.
        var ready = await Eventually.Get(
            async () => (await http.GetAsync(HealthEndpoints.ReadinessPath)).StatusCode, s => s == HttpStatusCode.OK, "/readyz to answer 200");

        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(File.Exists(Path.Combine(root, "var/lib/incidentbot/incidentbot.db")), Is.True, "the database is in the SQLite volume");
            Assert.That(bot.Lines, Is.Not.Empty.And.All.StartsWith("{"), "Logging:Console:FormatterName=json: one JSON object per line");
            Assert.That(() => JsonDocument.Parse(bot.Lines[0]).RootElement.GetProperty("Message").GetString(), Throws.Nothing);
        });
    }

    [Test]
    public async Task The_health_check_command_exits_0_while_the_bot_answers_and_1_when_it_does_not()
    {
        string healthz;
        await using (var bot = PublishedBot.Start(published, ContainerEnvironment()))
        {
            healthz = new Uri(await bot.Listening(), HealthEndpoints.LivenessPath).ToString();
            var (up, output) = await PublishedBot.RunOnce(published, HealthProbe.Command, healthz);
            Assert.That(up, Is.Zero, output);
        }

        var (down, after) = await PublishedBot.RunOnce(published, HealthProbe.Command, healthz);
        Assert.That(down, Is.EqualTo(1), after);
    }
}
