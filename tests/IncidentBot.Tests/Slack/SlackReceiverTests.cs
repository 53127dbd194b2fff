using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>Answers that are final at receipt (help, usage, a command that does not parse) are given then, and nothing is stored.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SlackReceiverTests(StorageProvider provider) : HostTestBase(provider)
{
    [TestCase("help", "/outage status [INC-n]")]
    [TestCase("status INC-4 bogus now", "'bogus' is not a stage")]
    [TestCase("restored INC-4 maybe", "Usage: /outage restored [INC-n] yes|no")]
    public async Task Help_and_usage_by_slash_command_are_answered_and_leave_nothing_in_the_inbox(string text, string expected)
    {
        using var response = await Bot.SlashCommand(text);

        var ack = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(ack!["text"]!.GetValue<string>(), Does.Contain(expected.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)));
        Assert.That(await StoredRequests(), Is.Zero);

        // A command with work to do is stored as before.
        using var declare = await Bot.SlashCommand("Checkout down");
        Assert.That(await StoredRequests(), Is.EqualTo(1));
    }

    [Test]
    public async Task Help_asked_by_mentioning_the_bot_is_answered_and_leaves_nothing_in_the_inbox()
    {
        var mention = SlackPayloads.Mention("C0OPS", "1700000000.000100", "1700000000.000100", "U0BOB", "<@U0BOT> help");
        await Bot.Event("Ev0HELP", mention);
        await Bot.Event("Ev1HELP", mention.DeepClone().AsObject());

        var answers = await Eventually.Get(() => Slack.CallsTo("chat.postEphemeral"), c => c.Count > 0, "the help");
        Assert.That(answers[0].Body["user"]!.GetValue<string>(), Is.EqualTo("U0BOB"));
        Assert.That(answers[0].Text, Does.Contain("/outage status [INC-n]"));
        Assert.That(await StoredRequests(), Is.Zero);
        Assert.That(await AnswersQueued(), Is.EqualTo(1), "the same mention under a second event id is answered once");
    }

    private async Task<long> AnswersQueued()
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE message_key LIKE 'slack:slack:mention:%:answer'");
    }

    private async Task<long> StoredRequests()
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE platform = 'slack'");
    }
}
