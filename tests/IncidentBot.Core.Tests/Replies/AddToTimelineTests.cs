using IncidentBot.Core.Replies;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Replies;

/// <summary>A message from elsewhere added to an incident's timeline: by the members of its channel only, once.</summary>
public sealed class AddToTimelineTests
{
    private static readonly DateTimeOffset PostedAt = new(2026, 11, 23, 8, 55, 0, TimeSpan.Zero);

    private CoreHarness core = null!;
    private AddToTimeline timeline = null!;

    [SetUp]
    public async Task DeclareInOps()
    {
        core = new CoreHarness();
        await core.Run("Checkout down", core.Context(channel: "C-ops"));
        core.Directory.ChannelMembers["C-ops"] = ["alice", "bob"];
        timeline = new AddToTimeline(core.Store, new([core.Directory]), core.Platforms);
    }

    private static QuotedMessage Quote => QuotedMessage.Of("C-support", "1700.01", "<@U0SUPPORT>", PostedAt, "Customers report card declines since 08:50")
        with { Link = "https://example.slack.com/archives/C-support/p170001" };

    [Test]
    public async Task The_message_goes_on_the_timeline_with_its_author_time_link_and_who_added_it()
    {
        await timeline.Submit(core.Context(user: "bob"), Quote, Chosen("1"), CancellationToken.None);

        var entry = (await core.Timeline()).Single(e => e.SourceId.StartsWith("quoted:", StringComparison.Ordinal));
        Assert.That((entry.Kind, entry.Actor, entry.At), Is.EqualTo((TimelineKind.Message, "<@U0SUPPORT>", PostedAt)));
        Assert.That(entry.Text, Is.EqualTo("Customers report card declines since 08:50\n(from https://example.slack.com/archives/C-support/p170001, added by bob)"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Added to INC-1's timeline."));
    }

    [Test]
    public async Task The_same_message_is_added_once()
    {
        await timeline.Submit(core.Context(user: "bob"), Quote, Chosen("1"), CancellationToken.None);
        await timeline.Submit(core.Context(user: "alice"), Quote, Chosen("1"), CancellationToken.None);

        Assert.That((await core.Timeline()).Count(e => e.SourceId.StartsWith("quoted:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("That message is on INC-1's timeline already."));
    }

    [Test]
    public async Task Someone_who_could_not_reply_in_the_thread_adds_nothing_and_is_told_why()
    {
        var before = (await core.Timeline()).Count;

        await timeline.Submit(core.Context(user: "mallory"), Quote, Chosen("1"), CancellationToken.None);

        Assert.That((await core.Timeline()).Count, Is.EqualTo(before));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Nothing was added: only the members of INC-1's channel can add to its timeline."));
    }

    [Test]
    public async Task A_resolved_incident_takes_no_more_messages()
    {
        await core.Run("resolve 1 Error rate back to normal", core.Context(user: "alice"));

        await timeline.Submit(core.Context(user: "bob"), Quote, Chosen("1"), CancellationToken.None);

        Assert.That((await core.Timeline()).Any(e => e.SourceId.StartsWith("quoted:", StringComparison.Ordinal)), Is.False);
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Nothing was added: INC-1 is resolved."));
    }

    [Test]
    public async Task Nobody_is_offered_incidents_whose_channel_they_are_not_in()
    {
        await timeline.Offer(core.Context(user: "mallory"), Quote, CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("No open incident to add it to"));
    }

    [Test]
    public void A_long_message_is_cut_to_fit_the_form_and_its_state_reads_back()
    {
        var quote = QuotedMessage.Of("C1", "1.2", "<@U1>", PostedAt, new string('é', 5000) + "\"quoted\"");

        var back = QuotedMessage.Parse(quote.Serialize());

        Assert.That(back, Is.EqualTo(quote));
        Assert.That(quote.Text, Has.Length.EqualTo(QuotedMessage.MaxTextLength).And.EndWith("…"));
        Assert.That(QuotedMessage.Parse("1"), Is.Null);
        Assert.That(QuotedMessage.Parse("{}"), Is.Null);
    }

    private static Dictionary<string, string?> Chosen(string incident) => new() { [AddToTimeline.IncidentField] = incident };
}
