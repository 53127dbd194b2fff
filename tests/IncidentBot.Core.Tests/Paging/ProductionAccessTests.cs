using IncidentBot.Core.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Paging;

public sealed class ProductionAccessTests
{
    private const string Team = """
        people:
          - { id: alice, name: Alice }
          - { id: carol, name: Carol }
          - { id: dan, name: Dan }
          - { id: erin, name: Erin }
        areas:
          - { key: payments, name: Payments, primary: [alice] }
        deciders: [carol]
        prod_access: [erin, carol, dan]
        """;

    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness(Team, Paging.Registries.MondayAfternoon);
        await core.Run("ooo", core.Context(user: "erin"));
        await core.Run("Checkout down area:payments");
        await core.Run("ack INC-1", core.Context(user: "alice"));
    }

    [Test]
    public async Task The_first_available_person_with_access_is_paged_and_named_in_the_thread()
    {
        await core.Run("prodaccess INC-1", core.Context(user: "alice"));

        var page = core.DirectMessages("carol").Single().Message;
        Assert.That(page.Text, Does.StartWith("The people on INC-1 need someone with production access."));
        Assert.That(page.ButtonList.Single().Action, Is.EqualTo(ProductionAccess.AcknowledgeAction));
        Assert.That(core.DirectMessages("erin"), Is.Empty, "out of office");
        Assert.That(core.DirectMessages("dan"), Is.Empty, "one at a time");
        Assert.That(core.Posts[^1].Message.Text, Is.EqualTo("Bringing in production access (asked by alice): paging carol."));
        Assert.That((await core.Timeline()).Last(e => e.Kind == TimelineKind.Paged).Text, Is.EqualTo("Paged Carol (production access)"));
    }

    [Test]
    public async Task Nobody_acknowledging_pages_the_next_and_the_first_to_acknowledge_is_recorded()
    {
        await core.Run("prodaccess INC-1", core.Context(user: "alice"));

        await core.Advance(TimeSpan.FromMinutes(5));
        Assert.That(core.DirectMessages("dan"), Has.Count.EqualTo(1));
        await core.Buttons.Press(core.Context(user: "dan"), ProductionAccess.AcknowledgeAction, "1", CancellationToken.None);
        await core.Buttons.Press(core.Context(user: "carol"), ProductionAccess.AcknowledgeAction, "1", CancellationToken.None);
        await core.Advance(TimeSpan.FromMinutes(30));

        var acknowledged = (await core.Timeline()).Where(e => e.SourceId == ProductionAccess.AcknowledgedSourceId).ToList();
        Assert.That(acknowledged.Select(e => (e.Kind, e.Actor, e.Text)), Is.EqualTo<(string, string, string)[]>([(TimelineKind.Acknowledged, "dan", "Dan has production access for the incident and is on it")]));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("dan acknowledged first; they have production access for INC-1."));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("alice"), "ownership is not theirs");
        Assert.That(core.Reminders.Scheduled.Where(r => r.Kind == ReminderKinds.ProdAccess), Is.Empty);
    }

    [Test]
    public async Task An_acknowledgement_processed_again_after_a_crash_is_posted_and_stops_the_paging()
    {
        await core.Run("prodaccess INC-1", core.Context(user: "alice"));
        var request = core.Context(user: "carol");
        core.Faults.Arm("INC-1:" + ProductionAccess.AcknowledgedSourceId);
        Assert.ThrowsAsync<InjectedFault>(() => core.Buttons.Press(request, ProductionAccess.AcknowledgeAction, "1", CancellationToken.None));

        await core.Buttons.Press(request, ProductionAccess.AcknowledgeAction, "1", CancellationToken.None);
        await core.Advance(TimeSpan.FromMinutes(30));

        Assert.That(core.Posts.Count(p => p.Message.Text == "carol has production access and is on INC-1."), Is.EqualTo(1));
        Assert.That(core.DirectMessages("dan"), Is.Empty, "nobody else is paged");
    }

    [Test]
    public async Task When_everyone_with_access_was_paged_the_thread_says_nobody_else_can_be()
    {
        await core.Run("prodaccess INC-1", core.Context(user: "alice"));

        await core.Advance(TimeSpan.FromMinutes(10));

        Assert.That(core.Posts[^1].Message.Text, Does.StartWith("Nobody else with production access can be paged now: Erin (out of office"));
    }

    [Test]
    public async Task Asking_twice_pages_nobody_twice()
    {
        await core.Run("prodaccess INC-1", core.Context(user: "alice"));

        await core.Run("prodaccess INC-1", core.Context(user: "alice"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Production access is being paged for INC-1 already."));
        Assert.That(core.DirectMessages("carol"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Someone_without_access_cannot_acknowledge_and_nothing_is_recorded()
    {
        await core.Run("prodaccess INC-1", core.Context(user: "alice"));
        var before = (await core.Timeline()).Count;

        await core.Buttons.Press(core.Context(user: "alice"), ProductionAccess.AcknowledgeAction, "1", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Only the people with production access"));
        Assert.That(await core.Timeline(), Has.Count.EqualTo(before));
    }
}
