using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Status;

/// <summary>
/// A resolve that fails between its steps (a publisher that throws the first time it hears of a resolution, after
/// Statuspage and the stakeholder channels were queued) is finished by the inbox's retry, and every outward effect
/// happens once.
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class ResolveAfterACrashTests(StorageProvider provider) : StatusHostTest(provider)
{
    private readonly FailsOnceOnResolution failing = new();

    protected override Action<IServiceCollection> Services() => services => services.AddSingleton<IStatusPublisher>(failing);

    [Test]
    public async Task A_resolve_that_failed_between_steps_is_finished_by_its_retry_and_each_effect_happens_once()
    {
        var thread = await Declare(Title);
        await Bot.SlashCommand("status INC-1 identified Cache flushed");
        await Eventually.Get(() => Statuspage.Calls, c => c.Count == 1, "the Statuspage incident");

        await Bot.SlashCommand("resolve INC-1 test order paid");

        await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Json.Contains("INC-1 resolved", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the closing summary");
        await Eventually.Get(() => PendingOutbox(), n => n == 0, "the outbox to drain");
        Assert.That(failing.Failures, Is.EqualTo(1), "the first attempt failed half-way");
        Assert.That(Slack.CallsTo("chat.postMessage").Count(c => c.ThreadTs == thread && c.Json.Contains("INC-1 resolved", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(Statuspage.Calls.Count(c => c.Field("status") == "resolved"), Is.EqualTo(1));
        var stakeholders = Slack.CallsTo("chat.postMessage").Where(c => c.Channel is "C0LEAD" or "C0SUPPORT" && c.Text!.Contains("Resolved", StringComparison.Ordinal));
        Assert.That(stakeholders.Select(c => c.Channel), Is.EquivalentTo((string[])["C0LEAD", "C0SUPPORT"]));
        var resolved = (await Timeline()).Where(e => Text(e!, "kind") == "resolved").Select(e => Text(e!, "text")).ToList();
        Assert.That(resolved.Single(), Does.StartWith("Resolved by <@U0ALICE> after ").And.EndWith(". Verified: test order paid"));
    }

    private async Task<long> PendingOutbox()
    {
        await using var connected = Database.Connect();
        await using var connection = await connected.Open(CancellationToken.None);
        await using var command = connection.CreateCommand();
        // Answers to the slash commands go to the sample response_url, which does not resolve: they stay pending.
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND kind <> 'respond'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Throws the first time it is told of a resolution, as a crash between two steps of resolving would.</summary>
    private sealed class FailsOnceOnResolution : IStatusPublisher
    {
        private int failures;

        public int Failures => failures;

        public Task Publish(Incident incident, StatusUpdate update, CancellationToken ct) =>
            update.Stage == IncidentStatus.Resolved && Interlocked.CompareExchange(ref failures, 1, 0) == 0
                ? throw new InvalidOperationException("simulated crash between the steps of resolve")
                : Task.CompletedTask;
    }
}
