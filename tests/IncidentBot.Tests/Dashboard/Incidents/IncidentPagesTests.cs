using System.Net;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Dashboard.Incidents;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class IncidentPagesTests(StorageProvider provider) : HostTestBase(provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["environment"] = "Development" };

    [Test]
    public async Task The_list_filters_by_status_severity_area_owner_dates_and_title_words()
    {
        var seed = new DashboardSeed(Bot);
        var checkout = await seed.Incident("Checkout returns 500s", Monday, severity: 1, area: "payments", owner: "U0ALICE");
        await seed.Resolve(checkout, Monday.AddHours(2));
        await seed.Incident("Search is slow", Monday.AddDays(2), severity: 3, area: "search", owner: "U0BOB");
        await seed.Incident("Checkout emails late", Monday.AddDays(4), severity: 3, area: "payments", owner: "U0BOB");
        using var client = await DashboardClient.SignedIn(Bot);

        Assert.That(await Listed(client, ""), Is.EqualTo("INC-3 INC-2 INC-1"));
        Assert.That(await Listed(client, "?status=resolved"), Is.EqualTo("INC-1"));
        Assert.That(await Listed(client, "?severity=3"), Is.EqualTo("INC-3 INC-2"));
        Assert.That(await Listed(client, "?area=payments"), Is.EqualTo("INC-3 INC-1"));
        Assert.That(await Listed(client, "?owner=U0BOB"), Is.EqualTo("INC-3 INC-2"));
        Assert.That(await Listed(client, "?from=2026-11-24&to=2026-11-26"), Is.EqualTo("INC-2"));
        Assert.That(await Listed(client, "?q=checkout+late"), Is.EqualTo("INC-3"));
        Assert.That(await Listed(client, "?area=payments&severity=1"), Is.EqualTo("INC-1"));
    }

    [Test]
    public async Task A_row_shows_status_severity_area_owner_declared_duration_and_the_thread()
    {
        var seed = new DashboardSeed(Bot);
        var incident = await seed.Incident("Checkout returns 500s", Monday, severity: 1, area: "payments");
        await seed.Resolve(incident, Monday.AddMinutes(95));
        using var client = await DashboardClient.SignedIn(Bot);

        var row = (await client.Page("/ui/incidents")).QuerySelector("tr[data-incident='INC-1']")!;
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();

        Assert.That(string.Join('|', cells), Is.EqualTo("INC-1|Checkout returns 500s|resolved|SEV1|payments|U0ALICE|2026-11-23 09:00 UTC|1 h 35 min|Slack thread"));
        Assert.That(row.QuerySelector("a[href^='https://slack.com/archives/C0OPS/p1700000000']"), Is.Not.Null);
    }

    [TestCase("?status=bogus", "status must be investigating, identified, monitoring or resolved, was 'bogus'.")]
    [TestCase("?severity=7", "severity must be 1, 2, 3 or 4, was '7'.")]
    [TestCase("?from=30/11/2026", "from must be a date like 2026-11-30, was '30/11/2026'.")]
    [TestCase("?from=2026-11-30&to=2026-11-01", "from (2026-11-30) is after to (2026-11-01).")]
    public async Task A_filter_that_cannot_be_understood_is_answered_400_naming_the_value(string query, string message)
    {
        using var client = await DashboardClient.SignedIn(Bot);

        var (status, page) = await client.Get("/ui/incidents" + query);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.QuerySelector("#filter-errors li")?.TextContent, Is.EqualTo(message));
    }

    [Test]
    public async Task The_incident_page_draws_one_mark_per_live_entry_in_the_lane_of_its_kind()
    {
        var seed = new DashboardSeed(Bot);
        var incident = await seed.Incident("Checkout returns 500s", Monday, severity: 1);
        await seed.Entry(incident, Monday.AddMinutes(1), TimelineKind.Paged, "Paged Alice");
        await seed.Entry(incident, Monday.AddMinutes(3), TimelineKind.Acknowledged, "Alice acknowledged");
        await seed.Entry(incident, Monday.AddMinutes(4), TimelineKind.Message, "Looking at the deploy", key: true);
        await seed.Entry(incident, Monday.AddMinutes(5), TimelineKind.Message, "Error rate 40%");
        await seed.Entry(incident, Monday.AddMinutes(6), TimelineKind.Decision, "Roll back: yes");
        await seed.Entry(incident, Monday.AddMinutes(8), TimelineKind.Status, "Identified");
        await seed.Entry(incident, Monday.AddMinutes(9), TimelineKind.Handoff, "Alice hands off to Bob");
        await seed.Incidents.Append(incident.Number, new TimelineEntry(Monday.AddMinutes(10), TimelineKind.Message, "U0BOB", "oops", "gone", Deleted: true), CancellationToken.None);
        await seed.Resolve(incident, Monday.AddMinutes(30));
        using var client = await DashboardClient.SignedIn(Bot);

        var page = await client.Page("/ui/incidents/1");
        int Marks(string lane) => page.QuerySelectorAll($"#timeline-picture circle[data-lane='{lane}']").Length;

        Assert.That(
            $"{Marks("messages")} {Marks("paging")} {Marks("decisions")} {Marks("status")} {Marks("handoffs")} {Marks("other")}",
            Is.EqualTo("2 2 1 1 1 1"),
            "messages (the deleted one has no mark), paging and acks, decisions, status, handoffs, other (declared)");
        Assert.That(page.QuerySelectorAll("#timeline-picture circle.key").Length, Is.EqualTo(2), "the pinned message and the declaration");
        Assert.That(page.QuerySelector("#timeline-picture circle[data-lane='decisions'] title")?.TextContent, Is.EqualTo("2026-11-23 09:06 UTC, decision, U0BOB: Roll back: yes"));
        Assert.That(page.QuerySelectorAll("#timeline li"), Has.Length.EqualTo(9), "the list keeps the deleted entry, struck through");
        Assert.That(page.QuerySelector("#facts")!.TextContent, Does.Contain("SEV1").And.Contain("2026-11-23 09:30 UTC"));
    }

    [Test]
    public async Task What_people_wrote_is_shown_as_text_never_as_markup()
    {
        var seed = new DashboardSeed(Bot);
        var incident = await seed.Incident("<script>alert(1)</script> & <b>bold</b>", Monday);
        await seed.Entry(incident, Monday.AddMinutes(1), TimelineKind.Message, "<img src=x onerror=alert(1)>");
        using var client = await DashboardClient.SignedIn(Bot);

        var page = await client.Page("/ui/incidents/1");

        Assert.That(page.QuerySelectorAll("main script, main img, main b"), Is.Empty);
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("INC-1: <script>alert(1)</script> & <b>bold</b>"));
        Assert.That(page.QuerySelector("#timeline")!.TextContent, Does.Contain("<img src=x onerror=alert(1)>"));
    }

    [Test]
    public async Task The_postmortem_draft_is_rendered_and_downloadable_as_Markdown()
    {
        var seed = new DashboardSeed(Bot);
        await seed.Incident("Checkout returns 500s", Monday, severity: 1);
        using var client = await DashboardClient.SignedIn(Bot);

        var page = await client.Page("/ui/incidents/1");
        using var download = await client.GetRaw("/ui/incidents/1/postmortem.md");

        Assert.That(page.QuerySelectorAll(".postmortem h3").Select(h => h.TextContent), Does.Contain("Timeline (UTC)").And.Contain("Root cause"));
        Assert.That(page.QuerySelectorAll("h1"), Has.Length.EqualTo(1), "the draft's own title sits under the page's heading");
        Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/markdown"));
        Assert.That(download.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("INC-1-postmortem.md"));
        Assert.That(await download.Content.ReadAsStringAsync(), Does.Contain("## Root cause"));
    }

    [Test]
    public async Task Unknown_and_malformed_incident_ids_get_404_and_400_with_a_reason()
    {
        using var client = await DashboardClient.SignedIn(Bot);

        var (missing, missingPage) = await client.Get("/ui/incidents/INC-42");
        var (bad, badPage) = await client.Get("/ui/incidents/banana");

        Assert.That(missing, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missingPage.QuerySelector("#problem")!.TextContent, Is.EqualTo("There is no incident INC-42 that you may see."));
        Assert.That(bad, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badPage.QuerySelector("#problem")!.TextContent, Is.EqualTo("'banana' is not an incident id: use INC-<n> or <n>."));
    }

    [Test]
    public async Task Without_Api_ShowPrivateIncidents_the_operator_sees_no_private_incident()
    {
        var seed = new DashboardSeed(Bot);
        await seed.Incident("Payroll data exposed", Monday, isPrivate: true, channel: "G0SECRET");
        await seed.Incident("Search is slow", Monday.AddHours(1));
        using var client = await DashboardClient.SignedIn(Bot);

        var (status, _) = await client.Get("/ui/incidents/1");
        using var download = await client.GetRaw("/ui/incidents/1/postmortem.md");

        Assert.That(await Listed(client, ""), Is.EqualTo("INC-2"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>The ids listed, in order, separated by spaces.</summary>
    private static async Task<string> Listed(DashboardClient client, string query) =>
        string.Join(' ', (await client.Page("/ui/incidents" + query)).QuerySelectorAll("#incidents tbody tr").Select(r => r.GetAttribute("data-incident")!));
}
