using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

[TestFixture(StorageProvider.Sqlite)]
internal sealed class SlackEndpointTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task A_bad_signature_is_refused_with_401_and_nothing_is_stored()
    {
        var body = SlackPayloads.SlashCommand("Checkout down", "U0ALICE", "C0OPS", null, null);

        using var response = await Bot.PostSlack(body, "application/x-www-form-urlencoded", secret: "not-the-secret");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        // The inbox is processed in order: had the refused request been stored, it would have become INC-1.
        await Declare("Site search is slow");
        Assert.That(await Bot.Incidents(), Has.Count.EqualTo(1));
        Assert.That((await Bot.Incident(1))!["title"]!.GetValue<string>(), Is.EqualTo("Site search is slow"));
    }

    [Test]
    public async Task A_stale_signature_is_refused_with_401()
    {
        var body = SlackPayloads.SlashCommand("Checkout down", "U0ALICE", "C0OPS", null, null);

        using var response = await Bot.PostSlack(body, "application/x-www-form-urlencoded", at: Bot.Clock.GetUtcNow().AddMinutes(-6));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Stale"));
    }

    [Test]
    public async Task An_unsigned_request_is_refused_with_401()
    {
        using var response = await Bot.Http.PostAsync("/slack/events", new StringContent("""{"type":"url_verification","challenge":"x"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Slacks_unsigned_ssl_check_is_answered_200_and_nothing_is_stored()
    {
        using var content = new StringContent("ssl_check=1&token=abc&command=%2Foutage&text=Checkout+down&team_id=T1&channel_id=C0OPS&user_id=U0ALICE");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await Bot.Http.PostAsync("/slack/events", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        Assert.That(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM inbox"), Is.Zero);
    }

    [Test]
    public async Task Url_verification_answers_its_challenge()
    {
        using var response = await Bot.PostSlack("""{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["challenge"]!.GetValue<string>(), Is.EqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    [Test]
    public async Task An_oversized_body_is_refused()
    {
        var huge = "text=" + new string('x', 300 * 1024);

        using var response = await Bot.PostSlack(huge, "application/x-www-form-urlencoded");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task A_signed_request_that_is_not_a_Slack_request_gets_400_with_a_reason()
    {
        using var response = await Bot.PostSlack("{not json", "application/json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Not a Slack request"));
    }

    [Test]
    public async Task The_command_is_acknowledged_while_Slack_itself_is_down()
    {
        Slack.Down = true;

        using var response = await Bot.SlashCommand("Checkout down");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Declaring"));
    }
}
