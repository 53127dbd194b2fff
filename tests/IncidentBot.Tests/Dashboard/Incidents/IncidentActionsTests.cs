using System.Net;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Dashboard.Incidents;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class IncidentActionsTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Operator = "operator (Api:Token)";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["environment"] = "Development" };

    [Test]
    public async Task Marking_an_action_done_goes_on_the_timeline_with_the_signed_in_person_as_actor()
    {
        var seed = new DashboardSeed(Bot);
        var incident = await seed.Incident("Checkout returns 500s", Bot.Clock.GetUtcNow().AddHours(-1));
        await seed.Action(incident, "Alert on the error rate", Bot.Clock.GetUtcNow());
        using var client = await DashboardClient.SignedIn(Bot);
        await client.Page("/ui/incidents/1");

        using var response = await client.Post("/ui/actions/A-1/done", []);
        var page = await client.Page("/ui/incidents/1?saved=done");

        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/ui/incidents/1?saved=done#actions"));
        var entry = (await seed.Incidents.Timeline(1, CancellationToken.None))[^1];
        Assert.That((entry.Kind, entry.Actor, entry.Text), Is.EqualTo((TimelineKind.Action, Operator, "A-1 done: Alert on the error rate")));
        Assert.That(page.QuerySelector("tr[data-action='A-1']")!.TextContent, Does.Contain("done"));
        Assert.That(page.QuerySelector("button[aria-label='Mark A-1 done']"), Is.Null);
    }

    [Test]
    public async Task A_note_from_the_web_is_a_message_on_the_timeline()
    {
        await new DashboardSeed(Bot).Incident("Checkout returns 500s", Bot.Clock.GetUtcNow().AddHours(-1));
        using var client = await DashboardClient.SignedIn(Bot);
        await client.Page("/ui/incidents/1");

        using var response = await client.Post("/ui/incidents/INC-1/notes", new() { ["text"] = "Support says EU customers are affected <@U0EVIL>" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var entry = (await Timeline())[^1];
        Assert.That(entry!["kind"]!.GetValue<string>(), Is.EqualTo(TimelineKind.Message));
        Assert.That(entry["actor"]!.GetValue<string>(), Is.EqualTo(Operator));
        Assert.That(entry["text"]!.GetValue<string>(), Does.StartWith("Support says EU customers are affected ").And.Not.Contain("<@"), "a mention never pings from a note");
    }

    [Test]
    public async Task Changing_owner_and_due_date_goes_on_the_timeline_and_a_bad_date_changes_nothing()
    {
        var seed = new DashboardSeed(Bot);
        var incident = await seed.Incident("Checkout returns 500s", Bot.Clock.GetUtcNow().AddHours(-1));
        await seed.Action(incident, "Alert on the error rate", Bot.Clock.GetUtcNow(), owner: "U0ALICE");
        using var client = await DashboardClient.SignedIn(Bot);
        await client.Page("/ui/incidents/1");
        var due = Bot.Clock.GetUtcNow().AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var bad = await client.Post("/ui/actions/A-1/reassign", new() { ["owner"] = "<@U0BOB>", ["due"] = "next week" });
        using var good = await client.Post("/ui/actions/A-1/reassign", new() { ["owner"] = "<@U0BOB>", ["due"] = due });

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("due must be a date like 2026-12-04, was &#x27;next week&#x27;. Nothing was changed."));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var entries = (await seed.Incidents.Timeline(1, CancellationToken.None)).Where(e => e.Kind == TimelineKind.Action).ToList();
        Assert.That(entries.Select(e => e.Text), Is.EqualTo(new[] { $"A-1 changed: owner <@U0BOB>, due {due}" }.AsEnumerable()));
        Assert.That(entries[0].Actor, Is.EqualTo(Operator));
    }

    [Test]
    public async Task A_form_without_the_anti_forgery_token_changes_nothing()
    {
        var seed = new DashboardSeed(Bot);
        var incident = await seed.Incident("Checkout returns 500s", Bot.Clock.GetUtcNow().AddHours(-1));
        await seed.Action(incident, "Alert on the error rate", Bot.Clock.GetUtcNow());
        using var client = await DashboardClient.SignedIn(Bot);
        await client.Page("/ui/incidents/1");

        using var done = await client.Post("/ui/actions/A-1/done", new() { ["__csrf"] = "forged" });
        using var note = await client.Post("/ui/incidents/1/notes", new() { ["__csrf"] = "forged", ["text"] = "forged note" });

        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(note.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await seed.Incidents.Timeline(1, CancellationToken.None), Has.Count.EqualTo(1), "only the declaration");
    }

    [Test]
    public async Task Editing_the_postmortem_shows_in_the_draft_and_on_the_timeline_and_survives_resolving()
    {
        await new DashboardSeed(Bot).Incident("Checkout returns 500s", Bot.Clock.GetUtcNow().AddHours(-1));
        using var client = await DashboardClient.SignedIn(Bot);
        await client.Page("/ui/incidents/1");

        using var response = await client.Post("/ui/incidents/1/postmortem", new()
        {
            ["impact"] = "EU shoppers could not pay for 40 min",
            ["rootCause"] = "Deploy 4812 <b>broke</b> the card client",
            ["resolution"] = "",
        });
        var page = await client.Page("/ui/incidents/1?saved=postmortem");

        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/ui/incidents/1?saved=postmortem#h-postmortem"));
        Assert.That(page.QuerySelector(".postmortem")!.TextContent, Does.Contain("EU shoppers could not pay for 40 min").And.Contain("Deploy 4812 <b>broke</b> the card client"));
        Assert.That(page.QuerySelectorAll(".postmortem b"), Is.Empty, "what people write stays text");
        Assert.That(page.QuerySelector("#pm-impact")!.TextContent, Is.EqualTo("EU shoppers could not pay for 40 min"));
        var entry = (await Timeline())[^1]!;
        Assert.That((entry["actor"]!.GetValue<string>(), entry["text"]!.GetValue<string>()), Is.EqualTo((Operator, "Postmortem edited: impact, root cause")));
        using var draft = await Bot.Http.GetAsync("/api/incidents/1/postmortem");
        Assert.That(await draft.Content.ReadAsStringAsync(), Does.Contain("## Root cause\n\nDeploy 4812 <b>broke</b> the card client"));
    }
}
