using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Hosting;

internal sealed class GarbageCollectorSettingsTests
{
    /// <summary>
    /// Without the cap the runtime sizes the first generation from the largest cache the CPU reports: on a virtual
    /// machine reporting its host's 260 MB L3, that took the bot's peak memory in a storm to 240 MB.
    /// </summary>
    [Test]
    public void The_bot_collects_its_first_generation_after_a_few_megabytes_whatever_cache_the_CPU_reports()
    {
        var file = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        var settings = JsonNode.Parse(File.ReadAllText(file))!["runtimeOptions"]!["configProperties"]!;

        Assert.That(settings["System.GC.Gen0MaxBudget"]?.GetValue<long>(), Is.InRange(1L << 20, 16L << 20), file);
        Assert.That(settings["System.GC.Server"]?.GetValue<bool>(), Is.False, "one heap, not one per core");
    }
}
