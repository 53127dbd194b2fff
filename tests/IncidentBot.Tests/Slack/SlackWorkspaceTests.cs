using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>Requests signed by Slack but for another workspace or app are refused and never stored.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SlackWorkspaceTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    [OwnBot]
    public void The_workspace_and_app_are_learnt_from_Slack_at_start_up()
    {
        Assert.That(Slack.CallsTo("auth.test"), Has.Count.EqualTo(1));
        Assert.That(Slack.CallsTo("bots.info").Single().Body["bot"]!.GetValue<string>(), Is.EqualTo("B0TEST"));
    }

    [Test]
    public async Task A_slash_command_from_another_workspace_is_refused_with_403_and_not_stored()
    {
        var body = SlackPayloads.SlashCommand("Checkout down", "U0ALICE", "C0OPS", null, null).Replace("team_id=T0TEAM", "team_id=T0OTHER", StringComparison.Ordinal);

        using var response = await Bot.PostSlack(body, "application/x-www-form-urlencoded");

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("workspace 'T0OTHER'"));
        Assert.That(await StoredRequests(), Is.Zero);
    }

    [Test]
    public async Task An_event_for_another_app_is_acknowledged_with_200_and_not_stored()
    {
        var body = JsonNode.Parse(SlackPayloads.EventCallback("Ev1", SlackPayloads.Reply("C0OPS", "1.1", "1.2", "U0BOB", "hi")))!;
        body["api_app_id"] = "A0OTHER";

        using var response = await Bot.PostSlack(body.ToJsonString(), "application/json");

        Assert.That((int)response.StatusCode, Is.EqualTo(200), "Slack retries anything else and turns events off");
        Assert.That(await StoredRequests(), Is.Zero);
    }

    [Test]
    public async Task A_button_press_from_another_workspace_is_refused_with_403_and_not_stored()
    {
        var press = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = "T0OTHER" },
            ["user"] = new JsonObject { ["id"] = "U0ALICE" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "rollback:1:yes", ["value"] = "1:yes" }),
        };

        using var response = await Bot.Interaction(press.ToJsonString());

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        Assert.That(await StoredRequests(), Is.Zero);
    }

    [Test]
    [OwnBot]
    public async Task Configured_ids_win_over_what_Slack_says()
    {
        await Bot.DisposeAsync();
        Bot = BotHost.Start(Database.Settings, Slack, new Dictionary<string, string?> { ["Slack:TeamId"] = "T0OTHER", ["Slack:AppId"] = "A0OTHER" });

        using var response = await Bot.SlashCommand("Checkout down");

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        Assert.That(Slack.CallsTo("auth.test"), Has.Count.EqualTo(1), "only the first start asked");
    }

    private async Task<long> StoredRequests()
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE platform = 'slack'");
    }
}
