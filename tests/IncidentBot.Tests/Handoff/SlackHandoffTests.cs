using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Handoff;

/// <summary>
/// End-of-day handoffs through the real host and the fake Slack API. Alice works every day in UTC and her shift is
/// made to end shortly after the test starts (the host runs on the real clock), so the nag comes within seconds.
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SlackHandoffTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Notes = "Tried restarting the pods; next check the Stripe webhook logs";

    private string registryPath = null!;

    /// <summary>Alice's shift ends in two hours and the lead time is three: the first nag is due as soon as she owns INC-1.</summary>
    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => Settings(EndOfShift(TimeSpan.FromHours(2)), TimeSpan.FromHours(3));

    [TearDown]
    public void DeleteRegistry() => File.Delete(registryPath);

    [Test]
    public async Task The_owner_gets_the_nag_and_the_handoff_notes_land_in_the_thread()
    {
        var thread = await Declare("Checkout returns 500s");

        var nag = await Eventually.Get(() => Nags("U0ALICE"), n => n.Count > 0, "the nag to Alice");
        Assert.That(nag[0].Text, Does.Contain("INC-1 is still open").And.Contain("At work now in Payments: Bob (bob)."));
        await Eventually.Get(() => InThread(thread, "handoff-form:1"), c => c.Count > 0, "the nag in the thread, with its Hand off button");

        using (var handoff = await Bot.SlashCommand($"handoff INC-1 <@U0BOB|bob> {Notes}"))
        {
            Assert.That(handoff.IsSuccessStatusCode, Is.True);
        }

        var posted = await Eventually.Get(() => InThread(thread, "Tried / try next"), c => c.Count > 0, "the handoff notes in the thread");
        Assert.That(posted[0].Text, Does.StartWith("Handoff: <@U0ALICE> -&gt; <@U0BOB>. Tried / try next: " + Notes));
        await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0BOB" && c.Json.Contains("handoff-accept:1", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "Bob's Accept button");

        using var press = await Bot.Interaction(ButtonPress("U0BOB", "handoff-accept:1", "1"));

        // The owner is stored a moment before the acceptance is appended: wait for the entry.
        var incident = await Eventually.Get(
            () => Bot.Incident(1),
            i => i!["owner"]!.GetValue<string>() == "<@U0BOB>" && i["timeline"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "handoff") == 2,
            "Bob to accept INC-1");
        var handoffs = incident!["timeline"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "handoff").Select(e => e!["text"]!.GetValue<string>()).ToList();
        Assert.That(handoffs, Is.EqualTo<string[]>([$"Handoff: <@U0ALICE> -> <@U0BOB>. Tried / try next: {Notes}", "<@U0BOB> accepted the handoff from <@U0ALICE> and owns INC-1 now."]));
    }

    [Test]
    public async Task A_nag_that_came_due_while_the_bot_was_down_is_sent_once_after_the_restart()
    {
        await Bot.DisposeAsync();
        var end = EndOfShift(TimeSpan.FromMinutes(3));
        var due = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        var settings = Settings(end, end - due);
        Bot = BotHost.Start(Database.Settings, Slack, settings);
        var thread = await Declare("Checkout returns 500s");
        // Stopped in the middle of declaring, the bot would finish it only when the inbox lease runs out: let it finish.
        await Eventually.Get(() => InThread(thread, "Runbook checklist"), c => c.Count > 0, "the end of declaring");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await Bot.DisposeAsync();
        Assert.That(Nags("U0ALICE"), Is.Empty, "the bot stopped before the nag was due");

        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        Bot = BotHost.Start(Database.Settings, Slack, settings);

        await Eventually.Get(() => Nags("U0ALICE"), n => n.Count > 0, "the nag after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(Nags("U0ALICE"), Has.Count.EqualTo(1));
        var timeline = (await Timeline()).Select(e => e!["text"]!.GetValue<string>());
        Assert.That(timeline.Count(t => t.Contains("working day ends", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    /// <summary>The end of a shift at a whole minute (registry hours have no seconds), at least <paramref name="from"/> away.</summary>
    private static DateTimeOffset EndOfShift(TimeSpan from)
    {
        var at = DateTimeOffset.UtcNow + from;
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
    }

    private Dictionary<string, string?> Settings(DateTimeOffset end, TimeSpan leadTime)
    {
        // A shift of six hours; one that crosses midnight UTC works as well, as night shifts do.
        var hours = string.Create(CultureInfo.InvariantCulture, $"{end.AddHours(-6):HH:mm}-{end:HH:mm}");
        registryPath ??= Path.Combine(Path.GetTempPath(), $"expertise-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(registryPath, $$"""
            people:
              - { id: alice, name: Alice, slack: U0ALICE, timezone: UTC, hours: "{{hours}}", days: Mon-Sun }
              - { id: bob, name: Bob, slack: U0BOB }
              - { id: carol, name: Carol, slack: U0CAROL }
            areas:
              - { key: payments, name: Payments, keywords: [checkout], primary: [alice], secondary: [bob] }
            deciders: [carol]
            prod_access: []
            """);
        return new Dictionary<string, string?>
        {
            ["Registry:Path"] = registryPath,
            ["Handoff:LeadTime"] = leadTime.ToString("c", CultureInfo.InvariantCulture),
            ["Handoff:RepeatEvery"] = "01:00:00",
            ["Handoff:Grace"] = "01:00:00",
        };
    }

    private List<SlackCall> Nags(string user) =>
        [.. Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "D" + user && c.Json.Contains("handoff-form:1", StringComparison.Ordinal))];

    private List<SlackCall> InThread(string thread, string text) =>
        [.. Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Json.Contains(text, StringComparison.Ordinal))];

    private static string ButtonPress(string user, string actionId, string value) => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() },
        ["api_app_id"] = SlackPayloads.AppId,
        ["trigger_id"] = $"trigger.{Guid.NewGuid():N}",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.2", ["channel_id"] = "D" + user, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = "D" + user },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = "1.3" }),
    }.ToJsonString();
}
