using IncidentBot.Core.Registry;
using IncidentBot.Registry;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Registry;

internal sealed class RegistryFileTests
{
    private const string OnePerson = "people:\n  - { id: alice, name: Alice }\nareas:\n  - { key: payments, primary: [alice] }\n";
    private const string TwoPeople = "people:\n  - { id: alice, name: Alice }\n  - { id: bob, name: Bob }\nareas:\n  - { key: payments, primary: [alice] }\n";
    private const string BadZone = "people:\n  - id: alice\n    name: Alice\n    timezone: Europe/Berln\nareas: []\n";

    private readonly RecordingLogger<RegistryFile> logger = new();
    private string folder = null!;

    private string FilePath => Path.Combine(folder, "expertise.yaml");

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("registry-tests-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Without_a_file_the_registry_is_empty_and_the_log_says_paging_is_off()
    {
        using var registry = Open();

        Assert.That(registry.Current, Is.SameAs(ExpertiseRegistry.Empty));
        Assert.That(logger.Entries, Has.One.EqualTo((LogLevel.Information, $"No registry file at {FilePath} (Registry:Path): paging is off")));
    }

    [Test]
    public void An_invalid_file_at_start_up_stops_it_naming_the_setting_the_file_and_the_line()
    {
        File.WriteAllText(FilePath, BadZone);

        var failure = Assert.Throws<OptionsValidationException>(() => Open());

        Assert.That(failure!.Failures, Is.EqualTo<string[]>([$"Registry:Path file {FilePath}, line 4: unknown time zone 'Europe/Berln'"]));
    }

    [Test]
    public void A_valid_file_is_loaded_at_start_up()
    {
        File.WriteAllText(FilePath, OnePerson);

        using var registry = Open();

        Assert.That(registry.Current.People.Keys, Is.EqualTo<string[]>(["alice"]));
        Assert.That(logger.Entries, Has.One.EqualTo((LogLevel.Information, $"Registry loaded: 1 people, 1 areas from {FilePath}")));
    }

    [Test]
    public async Task A_valid_edit_replaces_the_registry()
    {
        File.WriteAllText(FilePath, OnePerson);
        using var registry = Open();

        await File.WriteAllTextAsync(FilePath, TwoPeople);

        Assert.That(await registry.Reload(), Is.True);
        Assert.That(registry.Current.People.Keys, Is.EqualTo<string[]>(["alice", "bob"]));
        Assert.That(logger.Entries, Has.One.Matches<(LogLevel Level, string Message)>(e => e.Message.StartsWith("Registry reloaded: 2 people, 1 areas", StringComparison.Ordinal)));
    }

    [Test]
    public async Task An_invalid_edit_is_rejected_with_a_warning_and_the_last_good_registry_stays()
    {
        File.WriteAllText(FilePath, OnePerson);
        using var registry = Open();
        var good = registry.Current;

        await File.WriteAllTextAsync(FilePath, BadZone);

        Assert.That(await registry.Reload(), Is.False);
        Assert.That(registry.Current, Is.SameAs(good));
        Assert.That(logger.Entries[^1].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(logger.Entries[^1].Message, Does.Contain("Registry:Path").And.Contain("line 4: unknown time zone 'Europe/Berln'"));
    }

    [Test]
    public async Task A_deleted_file_keeps_the_last_good_registry_with_a_warning()
    {
        File.WriteAllText(FilePath, OnePerson);
        using var registry = Open();
        var good = registry.Current;

        File.Delete(FilePath);

        Assert.That(await registry.Reload(), Is.False);
        Assert.That(registry.Current, Is.SameAs(good));
        Assert.That(logger.Entries[^1], Is.EqualTo((LogLevel.Warning,
            $"Registry file {FilePath} (Registry:Path) is gone; the last good registry stays in force (1 people, 1 areas)")));
    }

    [Test]
    public async Task A_file_created_after_start_up_turns_paging_on()
    {
        using var registry = Open();

        await File.WriteAllTextAsync(FilePath, OnePerson);

        Assert.That(await registry.Reload(), Is.True);
        Assert.That(registry.Current.Areas.Keys, Is.EqualTo<string[]>(["payments"]));
    }

    private RegistryFile Open() =>
        new(Options.Create(new RegistryOptions { Path = FilePath }), logger, TimeProvider.System);
}
