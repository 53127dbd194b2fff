using IncidentBot.Core.Actions;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Slack.Home;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack.Home;

/// <summary>The Home tab as Block Kit: valid and within Slack's limits however much there is, and user text shown, never obeyed.</summary>
internal sealed class SlackHomeTabTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly HomeAvailability Available = new(InRegistry: true, Available: true, MarkedAway: false, "working hours");

    [Test]
    public void A_busy_home_stays_within_Slack_limits_and_says_how_many_incidents_are_not_shown()
    {
        var hostile = "<!channel> & <@U0EVIL> " + new string('x', 600);
        var incidents = Enumerable.Range(1, 150).Select(n => Incident(n, hostile)).ToList();
        var actions = Enumerable.Range(1, 300).Select(n => new FollowUpAction(n, 1, hostile, "<@U0ALICE>", null, "<@U0ALICE>", Now)).ToList();
        var view = new HomeView("<@U0ALICE>", Now, incidents, incidents[..30], incidents[30..60], actions, Available);

        var rendered = SlackHomeTab.Render(view, incidents.ToDictionary(i => i.Number, i => $"https://example.slack.com/archives/C0OPS/p{i.Number}"), "/outage");

        Assert.That(BlockKit.Problems(rendered), Is.Empty);
        Assert.That(rendered["blocks"]!.AsArray(), Has.Count.LessThanOrEqualTo(100));
        var texts = string.Join('\n', BlockKit.Texts(rendered));
        Assert.That(texts, Does.Not.Contain("<!channel>").And.Contain("|INC-1 [Outage]: &lt;!channel&gt; &amp; &lt;@U0EVIL&gt; xxx"), "a mention would end the link early");
        Assert.That(BlockKit.Texts(rendered), Has.Some.EqualTo("And 110 more: `/outage list` shows them all."));
    }

    [Test]
    public void An_open_incident_shows_its_title_linked_to_its_thread_status_severity_owner_and_age()
    {
        var incident = Incident(7, "Checkout returns 500s") with { Severity = 1, Owner = "<@U0BOB>", DeclaredAt = Now.AddMinutes(-65) };
        var view = new HomeView("<@U0ALICE>", Now, [incident], [], [], [], Available);

        var rendered = SlackHomeTab.Render(view, new Dictionary<long, string> { [7] = "https://example.slack.com/archives/C0OPS/p1" }, "/outage");

        Assert.That(BlockKit.Texts(rendered), Has.Some.EqualTo(
            "*<https://example.slack.com/archives/C0OPS/p1|INC-7 [Outage]: Checkout returns 500s>*\nInvestigating · SEV-1 · owner <@U0BOB> · open 1 h 05 min"));
        Assert.That(BlockKit.Texts(rendered), Has.Some.EqualTo("Nothing is waiting on you."));
    }

    [Test]
    public void The_availability_button_marks_out_of_office_or_back_and_is_not_offered_outside_the_registry()
    {
        static string? ButtonOf(HomeAvailability availability) =>
            SlackHomeTab.Render(new HomeView("<@U0ALICE>", Now, [], [], [], [], availability), new Dictionary<long, string>(), "/outage")["blocks"]![1]!["accessory"]?["action_id"]?.GetValue<string>();

        Assert.That(ButtonOf(Available), Is.EqualTo("home-ooo"));
        Assert.That(ButtonOf(new(InRegistry: true, Available: false, MarkedAway: true, "out of office")), Is.EqualTo("home-back"));
        Assert.That(ButtonOf(new(InRegistry: false, Available: false, MarkedAway: false, "not in the expertise registry, so never paged")), Is.Null);
    }

    private static Incident Incident(long number, string title) =>
        new(number, title, IncidentStatus.Investigating, null, null, null, "<@U0ALICE>", Now.AddHours(-1), null, new ChatThread("slack", "C0OPS", "1.2"));
}
