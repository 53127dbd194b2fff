using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Hosting;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Runbook;

/// <summary>"Roll back now" pressed in Slack calls the deploy pipeline's webhook, signed, and records its answer.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class RollbackWebhookTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Secret = "rollback-secret-0123456789";
    private FakeWebhook webhook = null!;

    [OneTimeSetUp]
    public async Task StartWebhook() => webhook = await FakeWebhook.Start();

    [OneTimeTearDown]
    public async Task StopWebhook() => await webhook.DisposeAsync();

    [SetUp]
    public void ForgetEarlierCalls() => webhook.Reset();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Rollback:WebhookUrl"] = webhook.Url,
        ["Rollback:WebhookSecret"] = Secret,
        ["Rollback:WebhookTimeout"] = "00:00:01",
    };

    [Test]
    public async Task Rolling_back_calls_the_webhook_with_a_valid_signature_and_records_the_answer()
    {
        await Declare("Checkout returns 500s after release 481");

        await PressRollBack("U0ALICE");

        var call = (await Eventually.Get(() => webhook.Calls, c => c.Count > 0, "the webhook call"))[0];
        Assert.That(call.Signature, Is.EqualTo(SignedWebhook.Sign(Secret, call.Timestamp, call.Body)));
        Assert.That(call.Signature, Is.Not.EqualTo(SignedWebhook.Sign("another-secret-0123456789", call.Timestamp, call.Body)));
        var request = JsonNode.Parse(Encoding.UTF8.GetString(call.Body))!;
        Assert.That((request["incident"]!.GetValue<string>(), request["requestedBy"]!.GetValue<string>()), Is.EqualTo(("INC-1", "<@U0ALICE>")));
        var timeline = await Eventually.Get(() => Timeline(), t => t.Any(e => e!["text"]!.GetValue<string>().StartsWith("Rollback webhook accepted", StringComparison.Ordinal)), "the recorded answer");
        Assert.That(timeline.Select(e => e!["kind"]!.GetValue<string>()), Does.Contain("decision").And.Contain("action"));
        Assert.That(timeline.Single(e => e!["kind"]!.GetValue<string>() == "action")!["text"]!.GetValue<string>(), Does.EndWith("(202): rollback of deploy 481 started"));
    }

    [Test]
    public async Task A_failing_webhook_is_recorded_and_retried_until_it_answers()
    {
        webhook.AnswerNext(503, 503);
        await Declare("Checkout returns 500s");

        await PressRollBack("U0ALICE");

        await Eventually.Get(() => webhook.Calls, c => c.Count >= 3, "two failures and a success");
        var texts = (await Eventually.Get(() => Timeline(), t => t.Count(e => e!["kind"]!.GetValue<string>() == "action") == 2, "both outcomes"))
            .Where(e => e!["kind"]!.GetValue<string>() == "action").Select(e => e!["text"]!.GetValue<string>()).ToList();
        Assert.That(texts[0], Is.EqualTo("Rollback webhook answered 503; retrying"));
        Assert.That(texts[1], Does.StartWith("Rollback webhook accepted the request (202)"));
    }

    [Test]
    public async Task A_webhook_that_does_not_answer_in_time_is_recorded_and_retried()
    {
        webhook.DelayNext(TimeSpan.FromSeconds(3));
        await Declare("Checkout returns 500s");

        await PressRollBack("U0ALICE");

        var timeline = await Eventually.Get(() => Timeline(), t => t.Any(e => e!["text"]!.GetValue<string>().StartsWith("Rollback webhook accepted", StringComparison.Ordinal)), "the retry to succeed");
        Assert.That(timeline.Select(e => e!["text"]!.GetValue<string>()), Does.Contain("Rollback webhook did not answer (timeout); retrying"));
    }

    private async Task PressRollBack(string user)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user },
            ["trigger_id"] = $"trigger.{Guid.NewGuid():N}",
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "C0OPS", ["message_ts"] = "1.2" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "rollback:1:yes", ["value"] = "1:yes", ["type"] = "button", ["action_ts"] = "1.3" }),
        };
        using var response = await Bot.Interaction(payload.ToJsonString());
        Assert.That(response.IsSuccessStatusCode, Is.True);
    }
}
