using System.Text;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackDedupeTests
{
    [Test]
    public void An_event_is_keyed_by_its_id_and_by_its_message()
    {
        var callback = SamplePayloads.Callback(SamplePayloads.Bytes("slack-event-callback-message-thread-reply.json"));

        Assert.That(SlackInbound.DedupeKeys(callback), Is.EqualTo(new List<string>
        {
            "slack:event:Ev111",
            "slack:message:message::C111:1726133700.887259",
        }));
    }

    [Test]
    public void A_thread_mention_sent_as_message_and_as_app_mention_keeps_both()
    {
        var message = SamplePayloads.Event("""{"type":"message","channel":"C1","ts":"1.000100","thread_ts":"1.000000"}""");
        var mention = SamplePayloads.Event("""{"type":"app_mention","channel":"C1","ts":"1.000100","thread_ts":"1.000000"}""");

        Assert.That(SlackInbound.DedupeKeys(message)[1], Is.Not.EqualTo(SlackInbound.DedupeKeys(mention)[1]));
        Assert.That(SlackInbound.DedupeKeys(mention)[1], Is.EqualTo("slack:message:app_mention::C1:1.000100"));
    }

    [Test]
    public void Two_edits_of_one_message_have_different_keys()
    {
        const string Edit = """{"type":"message","subtype":"message_changed","channel":"C1","ts":"TS","message":{"ts":"1.000100"}}""";

        var first = SlackInbound.DedupeKeys(SamplePayloads.Event(Edit.Replace("TS", "2.000000", StringComparison.Ordinal)));
        var second = SlackInbound.DedupeKeys(SamplePayloads.Event(Edit.Replace("TS", "3.000000", StringComparison.Ordinal)));

        Assert.That(first[1], Is.EqualTo("slack:message:message:message_changed:C1:2.000000"));
        Assert.That(second[1], Is.Not.EqualTo(first[1]));
    }

    [Test]
    public void An_event_without_channel_or_ts_is_keyed_by_its_id_only()
    {
        var callback = SamplePayloads.Event("""{"type":"team_join","user":{"id":"U1"}}""");

        Assert.That(SlackInbound.DedupeKeys(callback), Is.EqualTo(new List<string> { "slack:event:Ev1" }));
    }

    [Test]
    public void A_slash_command_is_keyed_by_its_trigger_id()
    {
        var command = new SlackSlashCommand("/outage", "db down", "T1", "C1", "U1", null, "398738663015.47445629121.803a0bc");

        Assert.That(SlackInbound.DedupeKeys(command), Is.EqualTo(new List<string> { "slack:command:398738663015.47445629121.803a0bc" }));
    }

    [Test]
    public void A_slash_command_without_a_trigger_id_is_not_deduplicated()
    {
        var command = new SlackSlashCommand("/outage", "db down", "T1", "C1", "U1", null, null);

        Assert.That(SlackInbound.DedupeKeys(command), Is.Empty);
    }

    [Test]
    public void An_interaction_is_keyed_by_its_trigger_id()
    {
        var interaction = SlackInbound.Parse("application/x-www-form-urlencoded", SamplePayloads.Bytes("slack-block-actions.form-body.txt"));

        Assert.That(SlackInbound.DedupeKeys(interaction), Is.EqualTo(new List<string> { "slack:interaction:111.222.valid" }));
    }

    [Test]
    public void An_interaction_without_a_trigger_id_is_keyed_by_user_and_action_time()
    {
        var json = """{"type":"block_actions","user":{"id":"U7"},"actions":[{"action_id":"ack","action_ts":"1596530385.194939"}]}""";
        var interaction = SlackInbound.Parse("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json)));

        Assert.That(SlackInbound.DedupeKeys(interaction), Is.EqualTo(new List<string> { "slack:interaction:U7:1596530385.194939" }));
    }

    [Test]
    public void Url_verification_and_ssl_checks_are_not_deduplicated()
    {
        Assert.That(SlackInbound.DedupeKeys(new SlackUrlVerification("c")), Is.Empty);
        Assert.That(SlackInbound.DedupeKeys(new SlackSslCheck()), Is.Empty);
        Assert.That(SlackInbound.DedupeKeys(new SlackUnrecognized("junk")), Is.Empty);
    }
}
