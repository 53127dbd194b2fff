using IncidentBot.Core.Alerts;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Alerts;

public sealed class ReceiveAlertTests
{
    private CoreHarness core = null!;
    private ReceiveAlert receive = null!;

    [SetUp]
    public void Start()
    {
        core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        receive = new ReceiveAlert(core.Store, new Rules(AlertRules.Defaults), core.Roster, core.Declare, core.Platforms, new AlertDestination("local", "C-incidents"), core.Clock);
    }

    [Test]
    public async Task A_critical_alert_declares_pages_the_area_and_takes_its_start_as_the_impact_start()
    {
        await receive.Handle(Alert("fp-1", AlertStatus.Firing), CancellationToken.None);

        var incident = (await core.Store.Find(1, CancellationToken.None))!;
        Assert.That((incident.Title, incident.DeclaredBy, incident.Owner, incident.Area, incident.Severity), Is.EqualTo(("CheckoutErrorRate: Checkout fails", "alert CheckoutErrorRate", (string?)null, (string?)"payments", (int?)1)));
        Assert.That(incident.ImpactStartedAt, Is.EqualTo(Registries.MondayAfternoon.AddMinutes(-12)));
        Assert.That(core.DirectMessages("alice"), Has.Count.EqualTo(1), "the primary owner is paged");
        Assert.That(core.DirectMessages("carol").Single().Message.Text, Does.StartWith("INC-1 is SEV-1"), "SEV-1 tells the deciders");
        var kinds = (await core.Timeline()).Select(e => e.Kind).ToList();
        Assert.That(kinds, Does.Contain(TimelineKind.Alert).And.Contain(TimelineKind.Detected).And.Contain(TimelineKind.Declared));
    }

    [Test]
    public async Task The_same_group_while_open_is_appended_once_per_alert_and_a_resolved_alert_leaves_it_open()
    {
        await receive.Handle(Alert("fp-1", AlertStatus.Firing), CancellationToken.None);
        await receive.Handle(Alert("fp-1", AlertStatus.Firing), CancellationToken.None);
        await receive.Handle(Alert("fp-2", AlertStatus.Firing), CancellationToken.None);
        await receive.Handle(Alert("fp-1", AlertStatus.Resolved), CancellationToken.None);

        Assert.That(await core.Store.List(openOnly: false, CancellationToken.None), Has.Count.EqualTo(1));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Alert), Is.EqualTo(3));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.IsOpen, Is.True);
        Assert.That(core.Posts[^1].Message.Text, Does.Contain("The alert resolved; INC-1 stays open: resolving it needs what was verified"));
        Assert.That(core.DirectMessages("alice"), Has.Count.EqualTo(1), "paged once");
    }

    [Test]
    public async Task An_alert_sent_again_after_its_post_failed_is_posted_once()
    {
        await receive.Handle(Alert("fp-1", AlertStatus.Firing), CancellationToken.None);
        core.Faults.Arm("INC-1:alert:alertmanager:fp-2:firing");
        Assert.ThrowsAsync<InjectedFault>(() => receive.Handle(Alert("fp-2", AlertStatus.Firing), CancellationToken.None));

        await receive.Handle(Alert("fp-2", AlertStatus.Firing), CancellationToken.None);
        await receive.Handle(Alert("fp-2", AlertStatus.Firing), CancellationToken.None);

        Assert.That(core.Posts.Count(p => p.Message.Key.StartsWith("INC-1:alert:alertmanager:fp-2:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That((await core.Timeline()).Count(e => e.SourceId.StartsWith("alert:alertmanager:fp-2:", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task After_its_incident_is_resolved_the_group_firing_again_opens_a_new_one()
    {
        await receive.Handle(Alert("fp-1", AlertStatus.Firing), CancellationToken.None);
        await core.Run("resolve error rate back to normal", core.Context(user: "alice"));
        await receive.Handle(Alert("fp-1", AlertStatus.Resolved), CancellationToken.None);
        await core.Advance(TimeSpan.FromHours(1));

        await receive.Handle(Alert("fp-1", AlertStatus.Firing, startedAgo: TimeSpan.FromMinutes(2)), CancellationToken.None);

        Assert.That((await core.Store.List(openOnly: false, CancellationToken.None)).Select(i => i.Id), Is.EqualTo<string[]>(["INC-2", "INC-1"]));
        Assert.That((await core.Timeline(1)).Count(e => e.Kind == TimelineKind.Alert), Is.EqualTo(2), "the resolved notification went to the resolved incident");
    }

    [Test]
    public async Task A_warning_is_posted_to_the_incident_channel_without_declaring()
    {
        await receive.Handle(Alert("fp-9", AlertStatus.Firing, severity: "warning"), CancellationToken.None);

        Assert.That(await core.Store.List(openOnly: false, CancellationToken.None), Is.Empty);
        var post = core.Posts.Single();
        Assert.That((post.Channel, post.ThreadId, post.Message.Heading), Is.EqualTo(("C-incidents", (string?)null, "Alert firing: CheckoutErrorRate")));
        Assert.That(post.Message.Text, Does.Contain("Labels: area=payments, severity=warning").And.Contain("Link: https://prometheus.example/graph"));
    }

    private Alert Alert(string fingerprint, AlertStatus status, string severity = "critical", TimeSpan? startedAgo = null) => new(
        "alertmanager", "alertmanager:group-1", fingerprint, "CheckoutErrorRate", status, core.Clock.GetUtcNow() - (startedAgo ?? TimeSpan.FromMinutes(12)), "Checkout fails",
        new Dictionary<string, string> { ["severity"] = severity, ["area"] = "payments" }, new Dictionary<string, string> { ["summary"] = "Checkout fails" }, "https://prometheus.example/graph");

    private sealed class Rules(AlertRules current) : IAlertRulesSource
    {
        public AlertRules Current => current;
    }
}
