using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Dashboard.Insights;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class InsightsPageTests(StorageProvider provider) : HostTestBase(provider)
{
    private static readonly int[] AcknowledgedAfter = [2, 4, 9];

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["environment"] = "Development" };

    [Test]
    public async Task Insights_show_last_weeks_median_and_90th_percentile_without_the_private_incidents()
    {
        var seed = new DashboardSeed(Bot);
        var lastWeek = Bot.Clock.GetUtcNow().AddDays(-7);
        foreach (var (minutes, i) in AcknowledgedAfter.Select((m, i) => (m, i)))
        {
            var incident = await seed.Incident($"Incident {i}", lastWeek.AddMinutes(i), severity: 2, area: "payments");
            await seed.Entry(incident, incident.DeclaredAt.AddMinutes(minutes), TimelineKind.Acknowledged, "Acknowledged");
        }

        var rolledBack = await seed.Incident("Checkout down", lastWeek.AddMinutes(5), severity: 1, area: "payments");
        await seed.Entry(rolledBack, lastWeek.AddMinutes(8), TimelineKind.Decision, "Roll back", sourceId: RollbackEntries.Decided("yes"));
        await seed.Entry(rolledBack, lastWeek.AddMinutes(15), TimelineKind.Decision, "Restored", sourceId: RollbackEntries.RestoredYes);
        var hidden = await seed.Incident("Payroll leak", lastWeek.AddMinutes(6), severity: 1, area: "finance", isPrivate: true, channel: "G0PAYROLL");
        await seed.Entry(hidden, hidden.DeclaredAt.AddMinutes(100), TimelineKind.Acknowledged, "Acknowledged");
        using var client = await DashboardClient.SignedIn(Bot);

        var page = await client.Page("/ui/insights");

        var row = page.QuerySelectorAll("table[data-measure='acknowledge'] tbody tr").Single().QuerySelectorAll("td").Select(c => c.TextContent);
        Assert.That(string.Join('|', row.Skip(1)), Is.EqualTo("3|4 min|9 min"));
        Assert.That(page.QuerySelectorAll("#chart-acknowledge circle[data-series='median']"), Has.Length.EqualTo(1));
        Assert.That(page.QuerySelector("#chart-areas rect[data-key='payments'] title")?.TextContent, Is.EqualTo("payments: 4"));
        Assert.That(page.QuerySelector("#chart-areas rect[data-key='finance']"), Is.Null, "the private incident is left out");
        Assert.That(page.QuerySelector("#rollbacks")!.TextContent, Does.StartWith("1 of 4 incident(s) rolled back (25%); service was restored by the rollback in 1"));
        Assert.That(page.QuerySelector("table[data-measure='mitigate'] tbody td:nth-child(3)")?.TextContent, Is.EqualTo("10 min"), "declared at :05, restored at :15");
    }
}
