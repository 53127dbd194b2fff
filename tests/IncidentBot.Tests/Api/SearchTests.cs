using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Api;

/// <summary>Full-text search on both stores: words in titles, thread replies and root causes; deleted replies and private incidents left out.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SearchTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task The_API_finds_words_in_titles_replies_and_root_causes_but_not_in_deleted_replies()
    {
        var first = await Declare("Checkout returns 500s");
        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", first, SlackPayloads.Ts(1), "U0BOB", "The database timeouts are back"));
        using (await Bot.SlashCommand("rootcause INC-1 Connection pool exhausted by the nightly export")) { }
        await Eventually.Get(() => Bot.Incident(1), i => Timelines.HasEntry(i, "rootcause") && Timelines.Count(i, "message") == 1, "the reply and the root cause");
        var second = await Declare("Logins fail for SSO users", number: 2);
        var pasted = SlackPayloads.Ts(2);
        await Bot.Event("Ev2", SlackPayloads.Reply("C0OPS", second, pasted, "U0BOB", "sharding password hunter2"));
        await Bot.Event("Ev3", SlackPayloads.Delete("C0OPS", second, pasted, SlackPayloads.Ts(3), "U0BOB", "sharding password hunter2"));
        await Eventually.Get(() => Bot.Incident(2), i => i!["timeline"]!.AsArray().Any(e => e!["deleted"]?.GetValue<bool>() == true), "the deletion");

        Assert.That(await Found("timeout"), Is.EqualTo<string[]>(["INC-1"]), "a reply, stemmed");
        Assert.That(await Found("exhausted pool"), Is.EqualTo<string[]>(["INC-1"]), "the root cause");
        Assert.That(await Found("SSO logins"), Is.EqualTo<string[]>(["INC-2"]), "the title");
        Assert.That(await Found("hunter2"), Is.Empty, "a deleted reply");
        Assert.That(await Found("checkout sso"), Is.Empty, "every word must occur");
    }

    [Test]
    public async Task Replies_and_edits_made_after_a_search_are_found_by_the_next_one()
    {
        var thread = await Declare("Checkout returns 500s");
        Assert.That(await Found("replica"), Is.Empty, "nothing mentions it yet");
        var reply = SlackPayloads.Ts(1);
        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", thread, reply, "U0BOB", "Failing over to the replica"));
        await Eventually.Get(() => Bot.Incident(1), i => Timelines.Count(i, "message") == 1, "the reply");

        Assert.That(await Found("replica"), Is.EqualTo<string[]>(["INC-1"]), "a reply after a search");

        await Bot.Event("Ev2", SlackPayloads.Edit("C0OPS", thread, reply, SlackPayloads.Ts(2), "U0BOB", "Failing over to the replica", "Failing over to the standby"));
        await Eventually.Get(() => Bot.Incident(1), i => i!.ToJsonString().Contains("standby", StringComparison.Ordinal), "the edit");

        Assert.That(await Found("standby"), Is.EqualTo<string[]>(["INC-1"]), "the edited text");
        Assert.That(await Found("replica"), Is.Empty, "the text before the edit");
    }

    [Test]
    public async Task A_private_incident_is_left_out_of_the_API_and_shown_in_chat_only_to_its_channel()
    {
        await Declare("Checkout returns 500s");
        using (await Bot.SlashCommand("private Customer emails exposed in the SMTP logs")) { }
        await Eventually.Get(() => Bot.Incident(2), i => i?["thread"]?["id"] is not null, "INC-2's thread");
        Slack.ChannelMembers["C0OPS"] = ["U0ALICE"];

        Assert.That(await Found("smtp"), Is.Empty);
        using (await Bot.SlashCommand("search smtp", user: "U0BOB", responseUrl: Slack.ResponseUrl("bob"))) { }
        using (await Bot.SlashCommand("search smtp", user: "U0ALICE", responseUrl: Slack.ResponseUrl("alice"))) { }

        var bob = await Eventually.Get(() => Slack.CallsTo("response_url:/hooks/commands/bob"), c => c.Count > 0, "Bob's answer");
        var alice = await Eventually.Get(() => Slack.CallsTo("response_url:/hooks/commands/alice"), c => c.Count > 0, "Alice's answer");
        Assert.That(bob[0].Text, Does.StartWith("No incident mentions 'smtp'."));
        Assert.That(alice[0].Text, Does.StartWith("1 incident mentions 'smtp', best match first:\nINC-2"));
    }

    [Test]
    public async Task A_query_without_words_is_a_400_with_the_reason()
    {
        using var response = await Bot.Http.GetAsync("/api/incidents?q=%21%21%21");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("q needs at least one word"));
    }

    private async Task<string[]> Found(string words)
    {
        var found = await Bot.Http.GetFromJsonAsync<JsonArray>($"/api/incidents?q={Uri.EscapeDataString(words)}");
        return [.. found!.Select(i => i!["id"]!.GetValue<string>())];
    }
}
