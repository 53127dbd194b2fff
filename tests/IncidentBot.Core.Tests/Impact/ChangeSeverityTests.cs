using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Impact;

public sealed class ChangeSeverityTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments sev:3");
    }

    [Test]
    public async Task Raising_to_SEV_1_is_recorded_said_in_the_thread_and_told_to_the_deciders_at_once()
    {
        await core.Run("sev 1", core.Context(user: "alice"));

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Severity, Is.EqualTo(1));
        var entry = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Severity);
        Assert.That((entry.Actor, entry.Text), Is.EqualTo(("alice", "Severity: SEV-3 -> SEV-1")));
        Assert.That(core.Posts[^1].Message.Text, Is.EqualTo("Severity: SEV-3 -> SEV-1, set by alice. Public status updates are due every 30 min."));
        Assert.That(core.DirectMessages("carol").Single().Message.Text, Does.StartWith("INC-1 is SEV-1 (alice): Checkout down."));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 is SEV-1 now; status updates are due every 30 min."));
    }

    [Test]
    public async Task Declaring_a_SEV_1_tells_the_deciders_too()
    {
        await core.Run("Stripe webhooks fail area:payments sev:1");

        Assert.That(core.DirectMessages("carol").Single().Message.Text, Does.StartWith("INC-2 is SEV-1 (alice): Stripe webhooks fail."));
    }

    [Test]
    public async Task The_same_severity_or_a_resolved_incident_changes_nothing()
    {
        await core.Run("sev 3");
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 is already SEV-3."));
        await core.Run("resolve checkout works");
        await core.Run("sev INC-1 1");
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 is resolved; its severity stays SEV-3."));

        Assert.That((await core.Timeline()).Any(e => e.Kind == TimelineKind.Severity), Is.False);
        Assert.That(core.DirectMessages("carol"), Is.Empty);
    }
}
