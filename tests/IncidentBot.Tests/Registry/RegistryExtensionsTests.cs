using IncidentBot.Core.Registry;
using IncidentBot.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Registry;

internal sealed class RegistryExtensionsTests
{
    private string folder = null!;

    private string FilePath => Path.Combine(folder, "expertise.yaml");

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("registry-host-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void AddRegistry_registers_one_instance_as_source_and_hosted_service()
    {
        using var services = Services(new() { ["Registry:Path"] = FilePath });

        var file = services.GetRequiredService<RegistryFile>();

        Assert.That(services.GetRequiredService<IRegistrySource>(), Is.SameAs(file));
        Assert.That(services.GetServices<IHostedService>(), Has.One.SameAs(file));
    }

    [Test]
    public void An_empty_Registry_Path_is_refused_naming_the_setting()
    {
        using var services = Services(new() { ["Registry:Path"] = " " });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IRegistrySource>());

        Assert.That(failure!.Message, Does.StartWith("Registry:Path must name the registry file"));
    }

    [Test]
    public void A_relative_path_is_relative_to_the_current_directory() =>
        Assert.That(new RegistryOptions().FullPath, Is.EqualTo(Path.Combine(Environment.CurrentDirectory, "expertise.yaml")));

    [Test]
    public void A_host_with_an_invalid_registry_file_does_not_start()
    {
        File.WriteAllText(FilePath, "people:\n  - { id: alice, name: Alice }\nareas:\n  - { key: payments, primary: [bobb] }\n");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Registry:Path"] = FilePath });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRegistry(builder.Configuration);
        using var host = builder.Build();

        // OptionsValidationException is what the bot's start-up reports as a configuration error, without a stack trace.
        var failure = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Registry:Path").And.Contain(FilePath).And.Contain("line 4: unknown person 'bobb' in payments.primary"));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddRegistry(configuration).BuildServiceProvider();
    }
}
