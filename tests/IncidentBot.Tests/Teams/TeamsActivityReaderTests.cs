using System.Text.Json.Nodes;
using IncidentBot.Teams;

namespace IncidentBot.Tests.Teams;

internal sealed class TeamsActivityReaderTests
{
    private const string Channel = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";

    [Test]
    public void The_sample_activities_parse_with_the_fields_the_bot_needs()
    {
        var activity = TeamsSamples.Activity(TeamsSamples.ChannelReply);

        Assert.That(activity.Type, Is.EqualTo("message"));
        Assert.That(activity.ServiceUrl, Is.EqualTo("https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/"));
        Assert.That(activity.Recipient!.Id, Is.EqualTo("28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8"));
        Assert.That(activity.TenantId, Is.EqualTo("50612dbb-0237-4969-b378-8d42590f9c00"));
        Assert.That(activity.ChannelData!.Channel!.Id, Is.EqualTo(Channel));
        Assert.That(activity.Timestamp, Is.EqualTo(DateTimeOffset.Parse("2025-10-08T17:33:01.4953744Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void A_mention_in_a_channel_reply_chain_is_both_a_timeline_reply_and_a_command()
    {
        var inputs = TeamsActivityReader.Read(TeamsSamples.Activity(TeamsSamples.ChannelReply), TeamsSamples.Received);

        var reply = (TeamsThreadReply)inputs[0];
        Assert.That(reply.Channel, Is.EqualTo(Channel));
        Assert.That(reply.ThreadId, Is.EqualTo(Channel + ";messageid=1759881511856"));
        Assert.That(reply.MessageId, Is.EqualTo("1759944781430"));
        Assert.That(reply.Text, Is.EqualTo("reply to thread"));
        Assert.That(reply.From.User, Does.StartWith("29:17bUvCas"));
        var command = (TeamsCommand)inputs[1];
        Assert.That((command.Text, command.ThreadId), Is.EqualTo(("reply to thread", reply.ThreadId)));
    }

    [Test]
    public void A_reply_without_a_mention_is_only_a_timeline_reply()
    {
        var activity = TeamsSamples.Changed(TeamsSamples.ChannelReply, a => { a["text"] = "rolled back"; a.Remove("entities"); });

        Assert.That(TeamsActivityReader.Read(activity, TeamsSamples.Received).Select(i => i.GetType()), Is.EqualTo((Type[])[typeof(TeamsThreadReply)]));
    }

    [Test]
    public void A_top_level_channel_post_mentioning_the_bot_is_a_command_without_outage()
    {
        var activity = TeamsSamples.Changed(TeamsSamples.ChannelReply, a =>
        {
            a["text"] = "<at>ridotest</at> outage Checkout down sev:1";
            a["conversation"]!["id"] = Channel + ";messageid=1759944781430";
        });

        var command = (TeamsCommand)TeamsActivityReader.Read(activity, TeamsSamples.Received).Single();
        Assert.That((command.Text, command.Channel, command.ThreadId), Is.EqualTo(("Checkout down sev:1", Channel, (string?)null)));
    }

    [Test]
    public void A_top_level_channel_post_not_for_the_bot_is_ignored()
    {
        var activity = TeamsSamples.Changed(TeamsSamples.ChannelReply, a => { a.Remove("entities"); a["conversation"]!["id"] = Channel + ";messageid=1759944781430"; });

        Assert.That(TeamsActivityReader.Read(activity, TeamsSamples.Received).Single(), Is.TypeOf<TeamsIgnored>());
    }

    [Test]
    public void A_personal_message_is_a_command_with_the_same_grammar()
    {
        var command = (TeamsCommand)TeamsActivityReader.Read(TeamsSamples.Activity(TeamsSamples.Personal), TeamsSamples.Received).Single();

        Assert.That(command.Text, Is.EqualTo("Hello Teams TestBot.Sending bold-italic rich text"));
        Assert.That(command.Channel, Does.StartWith("a:17I0kl9E"));
        Assert.That(command.From.ServiceUrl, Is.EqualTo("https://smba.trafficmanager.net/amer/"));
    }

    [Test]
    public void Action_Execute_reads_the_action_and_value_from_the_card_data()
    {
        var activity = TeamsSamples.Changed(TeamsSamples.Execute, a => a["value"]!["action"]!["data"] = new JsonObject { ["action"] = "ack", ["value"] = "7" });

        var press = (TeamsCardAction)TeamsActivityReader.Read(activity, TeamsSamples.Received).Single();
        Assert.That((press.Action, press.Value), Is.EqualTo(("ack", "7")));
    }

    [Test]
    public void Card_data_that_is_not_ours_is_ignored()
    {
        Assert.That(TeamsActivityReader.Read(TeamsSamples.Activity(TeamsSamples.Execute), TeamsSamples.Received).Single(), Is.TypeOf<TeamsIgnored>());
    }

    [Test]
    public void Action_Submit_arrives_as_a_message_with_a_value_and_a_form_brings_its_inputs()
    {
        var activity = TeamsSamples.Changed(TeamsSamples.Personal, a =>
        {
            a["text"] = null;
            a["value"] = new JsonObject { ["form"] = "resolve-form", ["state"] = "3", ["verification"] = "p99 back to 120 ms" };
        });

        var submit = (TeamsFormSubmit)TeamsActivityReader.Read(activity, TeamsSamples.Received).Single();
        Assert.That((submit.FormId, submit.State), Is.EqualTo(("resolve-form", "3")));
        Assert.That(submit.Values["verification"], Is.EqualTo("p99 back to 120 ms"));
    }

    [Test]
    public void Edits_and_deletions_in_a_reply_chain_follow_the_message()
    {
        var edit = TeamsSamples.Changed(TeamsSamples.ChannelReply, a => { a["type"] = "messageUpdate"; a["text"] = "rolled back v42"; });
        var deletion = TeamsSamples.Changed(TeamsSamples.ChannelReply, a => a["type"] = "messageDelete");

        var edited = (TeamsReplyEdited)TeamsActivityReader.Read(edit, TeamsSamples.Received).Single();
        Assert.That((edited.MessageId, edited.Text), Is.EqualTo(("1759944781430", "rolled back v42")));
        Assert.That(TeamsActivityReader.Read(deletion, TeamsSamples.Received).Single(), Is.TypeOf<TeamsReplyDeleted>());
    }

    [Test]
    public void The_bots_own_messages_and_garbage_are_ignored()
    {
        var own = TeamsSamples.Changed(TeamsSamples.ChannelReply, a => a["from"] = a["recipient"]!.DeepClone());

        Assert.That(TeamsActivityReader.Read(own, TeamsSamples.Received).Single(), Is.TypeOf<TeamsIgnored>());
        Assert.That(TeamsActivity.Parse("[1,2]"u8), Is.Null);
        Assert.That(TeamsActivity.Parse("{\"text\":\"no type\"}"u8), Is.Null);
    }

    [Test]
    public void Redeliveries_share_a_dedupe_key_and_each_edit_has_its_own()
    {
        var message = TeamsSamples.Activity(TeamsSamples.ChannelReply);
        var edit = TeamsSamples.Changed(TeamsSamples.ChannelReply, a => a["type"] = "messageUpdate");
        var later = TeamsSamples.Changed(TeamsSamples.ChannelReply, a => { a["type"] = "messageUpdate"; a["timestamp"] = "2025-10-08T17:40:00Z"; });

        Assert.That(TeamsEndpoint.DedupeKeys(message), Is.EqualTo((string[])["teams:activity:1759944781430"]));
        Assert.That(TeamsEndpoint.DedupeKeys(edit).Concat(TeamsEndpoint.DedupeKeys(later)).Distinct().Count(), Is.EqualTo(2));
        Assert.That(TeamsEndpoint.DedupeKeys(edit), Does.Not.Contain("teams:activity:1759944781430"));
    }
}
