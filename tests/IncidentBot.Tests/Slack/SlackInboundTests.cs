using System.Text;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackInboundTests
{
    private const string Form = "application/x-www-form-urlencoded";

    [Test]
    public void A_url_verification_yields_its_challenge()
    {
        var request = SlackInbound.Parse("application/json; charset=utf-8", SamplePayloads.Bytes("slack-url-verification.json"));

        Assert.That(request, Is.EqualTo(new SlackUrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")));
    }

    [Test]
    public void A_slash_command_form_is_read_with_its_fields_decoded()
    {
        var request = SlackInbound.Parse(Form, SamplePayloads.Bytes("slack-slash-command.signing-vector.form-body.txt"));

        Assert.That(request, Is.EqualTo(new SlackSlashCommand(
            "/webhook-collect",
            "",
            "T1DC2JH3J",
            "G8PSS9T3V",
            "U2CERLKJA",
            "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN",
            "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
            ChannelName: "foobar")));
    }

    [Test]
    public void The_documented_slash_command_example_is_read()
    {
        var request = SlackInbound.Parse("Application/X-WWW-Form-Urlencoded; charset=utf-8", SamplePayloads.Bytes("slack-slash-command.docs-example.form-body.txt"));

        Assert.That(request, Is.TypeOf<SlackSlashCommand>());
        var command = (SlackSlashCommand)request;
        Assert.That((command.Command, command.Text, command.UserId), Is.EqualTo(("/weather", "94070", "U2147483697")));
    }

    [Test]
    public void Command_text_stays_raw_with_plus_as_space_and_encoded_plus_as_plus()
    {
        var body = "command=%2Foutage&team_id=T1&channel_id=C1&user_id=U1&text=owner+%3C%40U123%7Cbob%3E+%26amp%3B+1%2B1";

        var command = (SlackSlashCommand)SlackInbound.Parse(Form, Encoding.UTF8.GetBytes(body));

        Assert.That(command.Text, Is.EqualTo("owner <@U123|bob> &amp; 1+1"));
        Assert.That(command.ResponseUrl, Is.Null);
        Assert.That(command.TriggerId, Is.Null);
    }

    [Test]
    public void An_ssl_check_is_recognised()
    {
        Assert.That(SlackInbound.Parse(Form, "ssl_check=1&token=abc"u8), Is.EqualTo(new SlackSslCheck()));
    }

    [Test]
    public void An_interactivity_payload_is_parsed_from_its_form_field()
    {
        var request = SlackInbound.Parse(Form, SamplePayloads.Bytes("slack-block-actions.form-body.txt"));

        Assert.That(request, Is.TypeOf<SlackInteraction>());
        var payload = ((SlackInteraction)request).Payload;
        Assert.That(payload.GetProperty("type").GetString(), Is.EqualTo("block_actions"));
        Assert.That(payload.GetProperty("actions")[0].GetProperty("value").GetString(), Is.EqualTo("click_me_123"));
    }

    [Test]
    public void An_event_callback_names_the_event_the_app_and_the_bot_user()
    {
        var request = SlackInbound.Parse("application/json", SamplePayloads.Bytes("slack-event-callback-message-thread-reply.json"));

        Assert.That(request, Is.TypeOf<SlackEventCallback>());
        var callback = (SlackEventCallback)request;
        Assert.That((callback.EventId, callback.ApiAppId, callback.BotUserId), Is.EqualTo(("Ev111", "A111", "W111")));
        Assert.That(callback.Event.GetProperty("ts").GetString(), Is.EqualTo("1726133700.887259"));
    }

    [Test]
    public void An_authorization_that_is_not_a_bot_gives_no_bot_user()
    {
        var body = """{"type":"event_callback","event_id":"Ev9","event":{"type":"message"},"authorizations":[{"user_id":"U5","is_bot":false}]}""";

        var callback = (SlackEventCallback)SlackInbound.Parse("application/json", Encoding.UTF8.GetBytes(body));

        Assert.That((callback.BotUserId, callback.ApiAppId), Is.EqualTo(((string?)null, (string?)null)));
    }

    [TestCase("application/json", "{not json")]
    [TestCase("application/json", "")]
    [TestCase("application/json", "[]")]
    [TestCase("application/json", "\"url_verification\"")]
    [TestCase("application/json", "{} {}")]
    [TestCase("application/json", """{"type":"app_rate_limited","minute_rate_limited":1518467820}""")]
    [TestCase("application/json", """{"type":"url_verification"}""")]
    [TestCase("application/json", """{"type":"event_callback","event_id":"Ev1"}""")]
    [TestCase("application/json", """{"type":"event_callback","event_id":"Ev1","event":"message"}""")]
    [TestCase(Form, "")]
    [TestCase(Form, "&&&")]
    [TestCase(Form, "payload=%7Bbroken")]
    [TestCase(Form, "payload=%5B1%5D")]
    [TestCase(Form, "command=%2Foutage&team_id=T1&channel_id=C1")]
    [TestCase(Form, "hello=world")]
    [TestCase("text/plain", "command=/outage")]
    [TestCase(null, "{}")]
    public void Anything_else_is_unrecognised_and_never_throws(string? contentType, string body)
    {
        Assert.That(SlackInbound.Parse(contentType, Encoding.UTF8.GetBytes(body)), Is.TypeOf<SlackUnrecognized>());
    }

    [Test]
    public void Invalid_utf8_is_unrecognised()
    {
        byte[] body = [0x7B, 0xFF, 0xFE, 0x7D];

        Assert.That(SlackInbound.Parse("application/json", body), Is.TypeOf<SlackUnrecognized>());
    }

    [Test]
    public void A_socket_mode_events_api_payload_is_an_event_callback()
    {
        var payload = SamplePayloads.Json("slack-socket-mode-envelope-events_api-app_mention.json").GetProperty("payload");

        Assert.That(SlackInbound.FromJson(payload), Is.TypeOf<SlackEventCallback>().With.Property("EventId").EqualTo("Ev111"));
    }
}
