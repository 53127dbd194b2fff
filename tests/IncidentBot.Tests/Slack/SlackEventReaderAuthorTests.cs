using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

/// <summary>Who a thread reply is from: people, other apps (timeline-worthy), and the bot itself (skipped).</summary>
internal sealed class SlackEventReaderAuthorTests
{
    [Test]
    public void The_bot_users_own_reply_is_ignored()
    {
        var callback = SamplePayloads.Event("""
            {"type":"message","channel":"C1","user":"UBOT","bot_id":"B1","ts":"2.000100","thread_ts":"2.000000","text":"Paged <@U7>"}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackIgnored("the bot's own post")));
    }

    [Test]
    public void A_reply_from_this_app_is_ignored_even_without_the_bot_user()
    {
        var callback = SamplePayloads.Event("""
            {"type":"message","channel":"C1","bot_id":"B1","bot_profile":{"app_id":"ABOT","name":"IncidentBot"},
             "ts":"2.000100","thread_ts":"2.000000","text":"Reminder"}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackIgnored("the bot's own post")));
    }

    [Test]
    public void A_reply_carrying_this_apps_id_at_top_level_is_ignored()
    {
        var callback = SamplePayloads.Event("""
            {"type":"message","channel":"C1","app_id":"ABOT","ts":"2.000100","thread_ts":"2.000000","text":"x"}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackIgnored>());
    }

    [Test]
    public void Another_apps_reply_is_posted_under_the_apps_name()
    {
        var callback = SamplePayloads.Event("""
            {"type":"message","channel":"C1","user":"U0DEPLOY","bot_id":"B9","bot_profile":{"app_id":"A9","name":"Deploy Bot"},
             "ts":"2.000100","thread_ts":"2.000000","text":"Rolled back checkout to v41"}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackReplyPosted>()
            .With.Property("Actor").EqualTo("Deploy Bot")
            .And.Property("Text").EqualTo("Rolled back checkout to v41"));
    }

    [Test]
    public void A_legacy_bot_message_is_posted_under_its_username()
    {
        var callback = SamplePayloads.Event("""
            {"type":"message","subtype":"bot_message","channel":"C1","bot_id":"B8","username":"alertmanager",
             "ts":"2.000100","thread_ts":"2.000000","text":"FIRING: CheckoutErrors"}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackReplyPosted>().With.Property("Actor").EqualTo("alertmanager"));
    }

    [Test]
    public void An_app_without_a_name_is_posted_under_its_bot_id()
    {
        var callback = SamplePayloads.Event("""
            {"type":"message","subtype":"bot_message","channel":"C1","bot_id":"B7","ts":"2.000100","thread_ts":"2.000000","text":"ping"}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackReplyPosted>().With.Property("Actor").EqualTo("app:B7"));
    }

    [Test]
    public void Without_app_or_bot_ids_from_slack_a_person_is_still_recorded()
    {
        var callback = SamplePayloads.Event("""
            {"type":"message","channel":"C1","user":"UBOT","ts":"2.000100","thread_ts":"2.000000","text":"hi"}
            """, botUserId: null, apiAppId: null);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackReplyPosted>().With.Property("Actor").EqualTo("<@UBOT>"));
    }
}
