using System.Text.Json;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

/// <summary><c>app_home_opened</c>: the Home tab is published for whoever opened it; the Messages tab needs nothing.</summary>
internal sealed class SlackEventReaderHomeTests
{
    [Test]
    public void Opening_the_Home_tab_is_read_as_the_person_who_opened_it()
    {
        var callback = SamplePayloads.Event("""{"type":"app_home_opened","user":"U0ALICE","channel":"D0ALICE","tab":"home","event_ts":"1.2"}""");

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackHomeOpened("<@U0ALICE>")));
        Assert.That(SlackInboxHandler.HasWork(callback), Is.True, "stored for the inbox, not dropped at the door");
    }

    [TestCase("""{"type":"app_home_opened","user":"U0ALICE","channel":"D0ALICE","tab":"messages","event_ts":"1.2"}""")]
    [TestCase("""{"type":"app_home_opened","channel":"D0ALICE","tab":"home","event_ts":"1.2"}""")]
    public void Opening_the_Messages_tab_or_an_event_without_a_user_is_left_alone(string inner)
    {
        var callback = SamplePayloads.Event(inner);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackIgnored>());
        Assert.That(SlackInboxHandler.HasWork(callback), Is.False);
    }

    [TestCase("""{"type":"shortcut","callback_id":"declare_outage","trigger_id":"t1","user":{"id":"U1"}}""", true)]
    [TestCase("""{"type":"message_action","callback_id":"add_to_timeline","trigger_id":"t1","user":{"id":"U1"},"channel":{"id":"C1"},"message":{"user":"U2","ts":"1.2","text":"hi"}}""", true)]
    [TestCase("""{"type":"block_actions","trigger_id":"t1","user":{"id":"U1"},"container":{"type":"view"},"actions":[{"action_id":"home-ooo","value":"ooo"}]}""", true)]
    [TestCase("""{"type":"shortcut","callback_id":"someone_elses","trigger_id":"t1","user":{"id":"U1"}}""", false)]
    [TestCase("""{"type":"message_action","callback_id":"add_to_timeline","trigger_id":"t1","user":{"id":"U1"},"channel":{"id":"C1"}}""", false)]
    public void The_shortcuts_and_Home_buttons_are_kept_for_the_inbox_and_strangers_are_not(string payload, bool kept)
    {
        var interaction = new SlackInteraction(JsonElement.Parse(payload));

        Assert.That(SlackInboxHandler.HasWork(interaction), Is.EqualTo(kept));
    }
}
