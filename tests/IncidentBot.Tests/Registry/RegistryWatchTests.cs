using IncidentBot.Registry;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Registry;

/// <summary>The real file watcher; the wait is generous because file events are not instant.</summary>
internal sealed class RegistryWatchTests
{
    private const string OnePerson = "people:\n  - { id: alice, name: Alice }\nareas:\n  - { key: payments, primary: [alice] }\n";
    private const string TwoPeople = "people:\n  - { id: alice, name: Alice }\n  - { id: bob, name: Bob }\nareas:\n  - { key: payments, primary: [alice] }\n";

    private string folder = null!;

    private string FilePath => Path.Combine(folder, "expertise.yaml");

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("registry-watch-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task An_edit_in_place_is_picked_up_by_the_watcher()
    {
        File.WriteAllText(FilePath, OnePerson);
        using var registry = await Start();

        await File.WriteAllTextAsync(FilePath, TwoPeople);

        await Eventually.Get(() => registry.Current.People.Count, count => count == 2, "the edit to be reloaded");
    }

    [Test]
    public async Task An_editor_that_replaces_the_file_is_picked_up_by_the_watcher()
    {
        File.WriteAllText(FilePath, OnePerson);
        using var registry = await Start();

        var temporary = Path.Combine(folder, ".expertise.yaml.swp");
        await File.WriteAllTextAsync(temporary, TwoPeople);
        File.Move(temporary, FilePath, overwrite: true);

        await Eventually.Get(() => registry.Current.People.Count, count => count == 2, "the replaced file to be reloaded");
    }

    private async Task<RegistryFile> Start()
    {
        var registry = new RegistryFile(Options.Create(new RegistryOptions { Path = FilePath }), new RecordingLogger<RegistryFile>(), TimeProvider.System);
        await registry.StartAsync(CancellationToken.None);
        return registry;
    }
}
