using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackEventReaderEditTests
{
    private const string EditOfReply = """
        {"type":"message","subtype":"message_changed","hidden":true,"channel":"C1","ts":"1726133760.000200","event_ts":"1726133760.000200",
         "message":{"type":"message","user":"U9","text":"NEW","edited":{"user":"U9","ts":"1726133760.000000"},
                    "ts":"1726133700.887259","thread_ts":"1726133698.626339"},
         "previous_message":{"type":"message","user":"U9","text":"OLD","ts":"1726133700.887259","thread_ts":"1726133698.626339"}}
        """;

    [Test]
    public void An_edit_of_a_reply_carries_the_new_text_and_the_edit_time()
    {
        var callback = SamplePayloads.Event(EditOfReply.Replace("NEW", "rollback done &amp; verified", StringComparison.Ordinal));

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackReplyEdited(
            "C1",
            "1726133698.626339",
            "1726133700.887259",
            "rollback done & verified",
            new DateTimeOffset(2024, 9, 12, 9, 36, 0, TimeSpan.Zero).AddTicks(2_000))));
    }

    [Test]
    public void A_change_that_leaves_the_text_alone_is_ignored()
    {
        // Unfurls and metadata updates arrive as message_changed with the same text.
        var callback = SamplePayloads.Event(EditOfReply.Replace("NEW", "OLD", StringComparison.Ordinal));

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackIgnored>());
    }

    [Test]
    public void An_edit_without_the_previous_version_counts_as_an_edit()
    {
        var json = EditOfReply[..EditOfReply.IndexOf("\"previous_message\"", StringComparison.Ordinal)].TrimEnd().TrimEnd(',') + "}";

        Assert.That(SlackEventReader.Read(SamplePayloads.Event(json)), Is.TypeOf<SlackReplyEdited>().With.Property("Text").EqualTo("NEW"));
    }

    [Test]
    public void An_edit_of_the_bots_own_reply_is_ignored()
    {
        var callback = SamplePayloads.Event(EditOfReply.Replace("\"user\":\"U9\",\"text\":\"NEW\"", "\"user\":\"UBOT\",\"text\":\"NEW\"", StringComparison.Ordinal));

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackIgnored>());
    }

    [Test]
    public void A_deleted_reply_is_reported_with_its_thread()
    {
        var callback = SamplePayloads.Event("""
            {"type":"message","subtype":"message_deleted","hidden":true,"channel":"C1","ts":"1726133800.000100","deleted_ts":"1726133700.887259",
             "previous_message":{"type":"message","user":"U9","text":"oops","ts":"1726133700.887259","thread_ts":"1726133698.626339"}}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackReplyDeleted("C1", "1726133698.626339", "1726133700.887259")));
    }

    [TestCase(""", "previous_message":{"type":"message","user":"U9","text":"root","ts":"5.000000","thread_ts":"5.000000"}""")]
    [TestCase(""", "previous_message":{"type":"message","user":"U9","text":"top level","ts":"5.000000"}""")]
    [TestCase("")]
    public void Deleting_a_thread_root_a_top_level_or_an_unknown_message_is_ignored(string previous)
    {
        var callback = SamplePayloads.Event($$"""
            {"type":"message","subtype":"message_deleted","channel":"C1","ts":"6.000000","deleted_ts":"5.000000"{{previous}}}
            """);

        Assert.That(SlackEventReader.Read(callback), Is.TypeOf<SlackIgnored>());
    }
}
