using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Tests.Authorization;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Dispatch;

/// <summary>Each button and form gets the answer of the command that does the same, on every platform.</summary>
[TestFixtureSource(typeof(Team), nameof(Team.Platforms))]
public sealed class ButtonAndFormPermissionsTests(string platform)
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare() => core = await Team.WithIncident(platform);

    [TestCase(PageButtons.Acknowledge, "1", "paula", "mo")]
    [TestCase(RollbackFirst.DecideAction, "1:yes", "pete", "paula")]
    [TestCase(RollbackFirst.DecideAction, "1:no", "paula", "pete")]
    [TestCase(RollbackFirst.DecideAction, "1:unsure", "dana", "mo")]
    [TestCase(RollbackFirst.RestoredAction, "1:yes", "paula", "pete")]
    [TestCase(FormButtons.StatusAction, "1", "paula", "mo")]
    [TestCase(FormButtons.ResolveAction, "1", "dana", "mo")]
    [TestCase(HandoffMessages.FormAction, "1", "alice", "pete")]
    [TestCase(HandoffMessages.TakeOverAction, "1", "dana", "mo")]
    [TestCase(PageButtons.ChooseArea, "1:payments", "alice", "mo")]
    [TestCase(Checklist.CheckAction, "1:gather", "mo", "gus")]
    public async Task A_button_is_allowed_and_refused_like_its_command(string action, string value, string allowed, string refused)
    {
        await Press(action, value, refused);
        Assert.That(core.Refusals.Entries.Single().Act, Is.EqualTo(ButtonActs.Of(IncidentButtons.CommandOf(action, value)!)));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith(refused == "gus" ? "Guests" : "Only"));

        await Press(action, value, allowed);
        Assert.That(core.Refusals.Entries, Has.Count.EqualTo(1), "the allowed press is not refused");
    }

    [Test]
    public async Task A_refused_rollback_button_calls_no_webhook_and_records_no_decision()
    {
        core.HasWebhook = true;
        var timeline = (await core.Timeline()).Count;

        await Press(RollbackFirst.DecideAction, "1:yes", "mo");

        Assert.That(core.RollbackRequests, Is.Empty);
        Assert.That((await core.Timeline()).Count, Is.EqualTo(timeline));
    }

    [Test]
    public async Task A_guest_cannot_accept_a_handoff_even_when_named()
    {
        await core.Run("handoff INC-1 gus Look at the gateway", core.Context(user: Team.Handle(platform, "alice")));

        await Press(HandoffMessages.AcceptAction, "1", "gus");

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Guests"));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo(Team.Handle(platform, "alice")));
    }

    [Test]
    public async Task The_resolve_form_is_refused_to_a_member_without_a_role_and_resolves_for_the_paged()
    {
        var answers = new Dictionary<string, string?> { [IncidentForms.Verification] = "Test order paid" };

        await core.Forms.Submit(core.Context(user: Team.Handle(platform, "mo")), FormButtons.ResolveAction, "1", answers, CancellationToken.None);
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.IsOpen, Is.True);
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Only"));

        await core.Forms.Submit(core.Context(user: Team.Handle(platform, "paula")), FormButtons.ResolveAction, "1", answers, CancellationToken.None);
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.IsOpen, Is.False);
    }

    [Test]
    public async Task The_status_form_is_refused_like_the_status_command()
    {
        var answers = new Dictionary<string, string?> { [IncidentForms.Stage] = "identified", [IncidentForms.Message] = "Found it" };

        await core.Forms.Submit(core.Context(user: Team.Handle(platform, "pete")), FormButtons.StatusAction, "1", answers, CancellationToken.None);

        Assert.That(core.Publisher.Published, Is.Empty);
        Assert.That(core.Refusals.Entries.Single().Act, Is.EqualTo(Acts.Status));
    }

    private Task Press(string action, string value, string who) =>
        core.Buttons.Press(core.Context(user: Team.Handle(platform, who)), action, value, CancellationToken.None);
}
