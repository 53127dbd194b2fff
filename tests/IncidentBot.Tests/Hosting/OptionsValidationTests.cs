using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Hosting;

/// <summary>Every settings section the bot reads is checked at start-up, the same way (see <c>ValidatedOptions</c>).</summary>
internal sealed class OptionsValidationTests
{
    [Test]
    public async Task Every_options_class_of_the_bot_has_a_validator()
    {
        using var database = TestDatabase.Create(StorageProvider.Sqlite);
        await using var bot = BotHost.Start(database.Settings, slack: null);
        var ours = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Where(t => bot.Services.GetServices(typeof(IConfigureOptions<>).MakeGenericType(t)).Any())
            .ToList();
        var notChecked = ours.Where(t => !bot.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(t)).Any()).Select(t => t.FullName);

        Assert.That(notChecked, Is.Empty);
        // Storage, API, delivery, registry, authorization, paging, handoff, runbook, rollback, nudges, status, Slack, Teams, ...
        Assert.That(ours, Has.Count.GreaterThanOrEqualTo(15));
    }

    [Test]
    public async Task A_runbook_file_with_a_bad_step_stops_start_up_naming_the_setting_and_the_line()
    {
        using var database = TestDatabase.Create(StorageProvider.Sqlite);
        var runbook = Path.Combine(Path.GetTempPath(), $"runbook-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(runbook, "steps:\n  - { id: gather, title: Collect what is known }\n  - { id: Bad Id, title: Second }\n");
        try
        {
            var (exitCode, output) = await BotProcess.Run(database.Settings, new Dictionary<string, string?> { ["Runbook:Path"] = runbook });

            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain($"Runbook:Path file {runbook}, line 3: step id 'Bad Id' must be lowercase letters, digits and '-'"));
        }
        finally
        {
            File.Delete(runbook);
        }
    }
}
