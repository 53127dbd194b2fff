using IncidentBot.Core.Home;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Home;

/// <summary>What a person's home page shows: the open incidents and what waits on them, and whether they can be paged.</summary>
public sealed class HomeViewsTests
{
    private CoreHarness core = null!;

    [SetUp]
    public void Start() => core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);

    private Task<HomeView> HomeOf(string person) =>
        new HomeViews(core.Store, core.Actions, core.Store, core.Roster, new([core.Directory]), core.Clock).For(core.Chat.Name, person, CancellationToken.None);

    [Test]
    public async Task A_page_waits_on_the_person_paged_until_someone_acknowledges()
    {
        await core.Run("Checkout down area:payments sev:2", core.Context(user: "carol"));
        core.Clock.Advance(TimeSpan.FromMinutes(3));

        var alice = await HomeOf("alice");
        Assert.That(alice.PagesToAcknowledge.Single().Id, Is.EqualTo("INC-1"));
        Assert.That(alice.OpenIncidents.Single().Title, Is.EqualTo("Checkout down"));
        Assert.That(alice.AgeOf(alice.OpenIncidents[0]), Is.EqualTo(TimeSpan.FromMinutes(3)));
        Assert.That((await HomeOf("carol")).PagesToAcknowledge, Is.Empty, "the declarer was not paged");

        await core.Run("ack 1", core.Context(user: "alice"));

        Assert.That((await HomeOf("alice")).PagesToAcknowledge, Is.Empty);
    }

    [Test]
    public async Task A_handoff_waits_on_the_person_it_is_handed_to_until_they_accept()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("ack 1", core.Context(user: "alice"));
        await core.Run("handoff 1 bob Restarted the pods; next: the Stripe webhook logs", core.Context(user: "alice"));

        Assert.That((await HomeOf("bob")).HandoffsToAccept.Single().Id, Is.EqualTo("INC-1"));
        Assert.That((await HomeOf("alice")).HandoffsToAccept, Is.Empty);

        await core.Run("ack 1", core.Context(user: "bob"));

        Assert.That((await HomeOf("bob")).HandoffsToAccept, Is.Empty);
    }

    [Test]
    public async Task Open_follow_up_actions_show_on_their_owners_home_until_done()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("action 1 @alice due:2026-11-30 Add a retry budget to the Stripe client", core.Context(user: "bob"));
        await core.Run("action 1 Write the postmortem", core.Context(user: "bob"));

        var alice = await HomeOf("alice");
        Assert.That(alice.FollowUps.Single().Text, Is.EqualTo("Add a retry budget to the Stripe client"));
        Assert.That((await HomeOf("bob")).FollowUps.Single().Text, Is.EqualTo("Write the postmortem"), "unowned: whoever recorded it");

        await core.Run($"done {alice.FollowUps[0].Id}", core.Context(user: "alice"));

        Assert.That((await HomeOf("alice")).FollowUps, Is.Empty);
    }

    [Test]
    public async Task Being_out_of_office_shows_and_back_ends_it()
    {
        await core.Run("ooo", core.Context(user: "alice"));

        var away = (await HomeOf("alice")).Availability;
        Assert.That((away.InRegistry, away.Available, away.MarkedAway, away.Reason), Is.EqualTo((true, false, true, "out of office")));

        await core.Run("back", core.Context(user: "alice"));

        var back = (await HomeOf("alice")).Availability;
        Assert.That((back.Available, back.MarkedAway), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task A_private_incident_shows_only_to_the_members_of_its_channel()
    {
        await core.Run("private Credential leak in the checkout DB", core.Context(channel: "C-secret"));
        core.Directory.ChannelMembers["C-secret"] = ["alice"];

        Assert.That((await HomeOf("alice")).OpenIncidents, Has.Count.EqualTo(1));
        Assert.That((await HomeOf("bob")).OpenIncidents, Is.Empty);
    }

    [Test]
    public async Task Someone_outside_the_registry_sees_the_open_incidents_and_that_they_are_never_paged()
    {
        await core.Run("Checkout down area:payments");

        var home = await HomeOf("<@U0GUEST>");

        Assert.That(home.OpenIncidents, Has.Count.EqualTo(1));
        Assert.That(home.PagesToAcknowledge, Is.Empty);
        Assert.That((home.Availability.InRegistry, home.Availability.Reason), Is.EqualTo((false, "not in the expertise registry, so never paged")));
    }
}
