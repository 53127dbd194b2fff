using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackEventReaderTests
{
    private static readonly DateTimeOffset ReplyAt = new DateTimeOffset(2024, 9, 12, 9, 35, 0, TimeSpan.Zero).AddTicks(8_872_590);

    [Test]
    public void A_thread_reply_from_a_person_is_posted_with_its_author_and_time()
    {
        var callback = SamplePayloads.Callback(SamplePayloads.Bytes("slack-event-callback-message-thread-reply.json"));

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackReplyPosted(
            "C111", "1726133698.626339", "1726133700.887259", "<@W222>", "When Slack was released?", ReplyAt)));
    }

    [Test]
    public void The_edit_slack_fires_on_a_thread_root_when_a_reply_arrives_is_ignored()
    {
        var callback = SamplePayloads.Callback(SamplePayloads.Bytes("slack-event-callback-message-changed-thread-parent.json"));

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackIgnored>());
    }

    [Test]
    public void An_app_mention_at_top_level_is_a_command_without_thread()
    {
        // The SDK fixture names the sender (U222) as the installation's bot user; point it at the mentioned bot instead.
        var payload = JsonNode.Parse(SamplePayloads.EnvelopePayload("slack-socket-mode-envelope-events_api-app_mention.json"))!;
        payload["authorizations"]![0]!["user_id"] = "U111";
        var callback = SamplePayloads.Callback(JsonSerializer.SerializeToUtf8Bytes(payload));

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackMention("C111", null, "1610241741.000200", "<@U222>", "")));
    }

    [Test]
    public void An_app_mention_whose_sender_is_the_bot_user_is_ignored()
    {
        // As recorded: the authorization's bot user is also the sender, which makes it the bot's own post.
        var callback = SamplePayloads.Callback(SamplePayloads.EnvelopePayload("slack-socket-mode-envelope-events_api-app_mention.json"));

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackIgnored("the bot's own post")));
    }

    [Test]
    public void A_top_level_message_is_ignored()
    {
        var callback = SamplePayloads.Callback(SamplePayloads.EnvelopePayload("slack-socket-mode-envelope-events_api-message.json"));

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackIgnored("not a thread reply")));
    }

    [Test]
    public void A_mention_in_a_thread_carries_the_thread_and_the_decoded_command()
    {
        var callback = SamplePayloads.Event("""
            {"type":"app_mention","channel":"C1","user":"U9","ts":"2.000100","thread_ts":"2.000000",
             "text":"<@UBOT> <@UBOT|incidentbot>  owner <@U777|alice> &amp; more "}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackMention("C1", "2.000000", "2.000100", "<@U9>", "owner <@U777> & more")));
    }

    [Test]
    public void Only_the_bot_mention_is_stripped_from_a_command()
    {
        var callback = SamplePayloads.Event("""{"type":"app_mention","channel":"C1","user":"U9","ts":"2.000100","text":"<@U777> <@UBOT> ack"}""");

        Assert.That(((SlackMention)SlackEventReader.Read(callback)).CommandText, Is.EqualTo("<@U777> <@UBOT> ack"));
    }

    [Test]
    public void Without_a_known_bot_user_the_first_mention_is_stripped()
    {
        var callback = SamplePayloads.Event("""{"type":"app_mention","channel":"C1","user":"U9","ts":"2.000100","text":"<@UBOT> owner <@U777>"}""", botUserId: null);

        Assert.That(((SlackMention)SlackEventReader.Read(callback)).CommandText, Is.EqualTo("owner <@U777>"));
    }

    [TestCase("thread_broadcast")]
    [TestCase("file_share")]
    [TestCase("me_message")]
    public void Replies_with_a_speaking_subtype_are_posted(string subtype)
    {
        var callback = SamplePayloads.Event($$"""
            {"type":"message","subtype":"{{subtype}}","channel":"C1","user":"U9","ts":"2.000100","thread_ts":"2.000000","text":"a &lt;b&gt;"}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackReplyPosted>().With.Property("Text").EqualTo("a <b>"));
    }

    [TestCase("channel_join")]
    [TestCase("channel_topic")]
    [TestCase("pinned_item")]
    public void Other_subtypes_are_ignored(string subtype)
    {
        var callback = SamplePayloads.Event($$"""
            {"type":"message","subtype":"{{subtype}}","channel":"C1","user":"U9","ts":"2.000100","thread_ts":"2.000000"}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackIgnored>());
    }

    [TestCase("""{"type":"reaction_added","user":"U9"}""")]
    [TestCase("""{"type":"message","user":"U9","ts":"2.000100","thread_ts":"2.000000"}""")]
    [TestCase("""{"type":"message","channel":"C1","user":"U9","thread_ts":"2.000000"}""")]
    [TestCase("""{"type":"message","channel":"C1","user":"U9","ts":"nonsense","thread_ts":"2.000000"}""")]
    [TestCase("""{"type":"message","channel":"C1","ts":"2.000100","thread_ts":"2.000000"}""")]
    [TestCase("""{"type":"message","channel":"C1","user":"U9","ts":"2.000000","thread_ts":"2.000000"}""")]
    [TestCase("""{"type":"app_mention","channel":"C1","ts":"2.000100"}""")]
    [TestCase("""{"type":"message","subtype":"message_changed","channel":"C1","ts":"3.0"}""")]
    [TestCase("""{"type":"message","subtype":"message_deleted","channel":"C1","ts":"3.0"}""")]
    public void Events_that_are_not_about_a_thread_reply_or_lack_fields_are_ignored(string json)
    {
        Assert.That(SlackEventReader.Read(SamplePayloads.Event(json)), Is.TypeOf<SlackIgnored>());
    }
}
