using IncidentBot.Core.Chat;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Status;

/// <summary>What the public places (status page, Statuspage) get: published incidents, under their public titles; never a private one.</summary>
public sealed class PublicVisibilityTests
{
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE }
        areas:
          - { key: payments, name: Payments, primary: [alice] }
          - { key: search, primary: [alice] }
        """;

    private CoreHarness core = null!;

    [SetUp]
    public void Harness() => core = new CoreHarness(Registry);

    [Test]
    public async Task An_incident_reaches_no_public_place_before_its_first_status_update()
    {
        await core.Run("Credential leak in payments DB area:payments");

        Assert.That((await Incident()).PublicTitle, Is.Null);
        Assert.That(core.Publisher.Published, Is.Empty);
    }

    [TestCase("area:payments", "Degraded performance: Payments")]
    [TestCase("area:search", "Degraded performance: Search")]
    [TestCase("", "Degraded performance")]
    public async Task Without_a_title_the_first_update_publishes_a_neutral_one_built_from_the_area(string area, string expected)
    {
        await core.Run($"Credential leak in the DB {area}");

        await core.Run("status identified We found the cause");

        var published = core.Publisher.Published.Single().Incident;
        Assert.That(published.PublicTitle, Is.EqualTo(expected));
        Assert.That((await Incident()).PublicTitle, Is.EqualTo(expected));
        Assert.That(core.Answers[^1].Message.Text, Does.Contain($"on the status page as \"{expected}\""));
    }

    [Test]
    public async Task A_title_given_with_an_update_is_kept_until_another_is_given()
    {
        await core.Run("Credential leak in payments DB area:payments");

        await core.Run("status identified title:\u201CCheckout errors\u201D Some payments fail");
        await core.Run("status monitoring Payments recovering");
        await core.Run("status monitoring title:\"Checkout errors for card payments\" Still watching");

        Assert.That(core.Publisher.Published.Select(p => p.Incident.PublicTitle), Is.EqualTo<string[]>(
            ["Checkout errors", "Checkout errors", "Checkout errors for card payments"]));
        Assert.That(core.Publisher.Published.Select(p => p.Update.PublicMessage), Is.EqualTo<string[]>(
            ["Some payments fail", "Payments recovering", "Still watching"]));
    }

    [Test]
    public async Task A_private_incident_never_reaches_a_public_place_but_its_updates_reach_the_internal_ones()
    {
        await core.Run("private Credential leak in payments DB area:payments");

        await core.Run("status identified title:\"Checkout errors\" Keys rotated");
        await core.Status.PublishResolved(await Incident(), "alice", CancellationToken.None);

        var incident = await Incident();
        Assert.That((incident.IsPrivate, incident.PublicTitle, incident.Title), Is.EqualTo((true, (string?)null, "Credential leak in payments DB")));
        Assert.That(core.Publisher.Published, Is.Empty);
        Assert.That(core.PrivatePublisher.Published, Has.Count.EqualTo(2));
        Assert.That(core.Answers.Select(a => a.Message.Text), Has.Some.Contains("It is private"));
    }

    [Test]
    public async Task An_incident_declared_from_a_private_channel_is_private()
    {
        var context = core.Context() with { PrivateChannel = true };

        await core.Run("Credential leak in payments DB", context);
        await core.Run("status identified Keys rotated");

        Assert.That((await Incident()).IsPrivate, Is.True);
        Assert.That(core.Publisher.Published, Is.Empty);
    }

    [Test]
    public async Task The_thread_root_of_a_private_incident_says_it_is_private()
    {
        await core.Run("private Credential leak in payments DB");

        var root = core.Posts.First(p => p.Message.Heading is not null).Message;
        Assert.That(root.Fields, Has.Some.EqualTo(new ChatField("Visibility", "Private: never on the status page")));
    }

    [Test]
    public async Task A_public_title_from_the_status_form_is_published_with_its_quotes_made_safe()
    {
        await core.Run("Credential leak in payments DB area:payments");
        var answers = new Dictionary<string, string?>
        {
            [IncidentForms.Stage] = "identified",
            [IncidentForms.Title] = "Card \"payments\" failing",
            [IncidentForms.Message] = "We found the cause",
        };

        await core.Forms.Submit(core.Context(), FormButtons.StatusAction, "1", answers, CancellationToken.None);

        Assert.That(core.Publisher.Published.Single().Incident.PublicTitle, Is.EqualTo("Card 'payments' failing"));
        Assert.That(core.Publisher.Published.Single().Update.PublicMessage, Is.EqualTo("We found the cause"));
    }

    private async Task<Incident> Incident() => (await core.Store.Find(1, CancellationToken.None))!;
}
