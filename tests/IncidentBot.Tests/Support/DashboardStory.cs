using IncidentBot.Core.Insights;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Tests.Support;

/// <summary>
/// A believable few incidents for the browser tests and the README's screenshots: a SEV1 checkout outage with paging,
/// a rollback that restored service, status updates, a handoff and a follow-up action, resolved (INC-1); a private one (INC-2);
/// a quieter one still open (INC-3).
/// </summary>
internal static class DashboardStory
{
    public static async Task Seed(DashboardSeed seed, DateTimeOffset now)
    {
        var start = now.AddHours(-5);
        var checkout = await seed.Incident("Checkout API returns 500s", start, severity: 1, area: "payments");
        await seed.Entry(checkout, start.AddMinutes(1), TimelineKind.Paged, "Paged Alice (primary, payments)", "bot");
        await seed.Entry(checkout, start.AddMinutes(6), TimelineKind.Escalated, "No acknowledgement in 5 min: paged Bob (secondary)", "bot");
        await seed.Entry(checkout, start.AddMinutes(8), TimelineKind.Acknowledged, "Bob acknowledged", "U0BOB");
        await seed.Entry(checkout, start.AddMinutes(10), TimelineKind.Message, "Error rate jumped at 14:02, right after deploy 4812", "U0BOB", key: true);
        await seed.Entry(checkout, start.AddMinutes(12), TimelineKind.Decision, "Roll back now: deploy 4812 is the likely cause", "U0BOB");
        await seed.Entry(checkout, start.AddMinutes(14), TimelineKind.Status, "Identified: a bad deploy; rolling back", "U0BOB");
        await seed.Entry(checkout, start.AddMinutes(25), TimelineKind.Decision, "The rollback restored service", "U0BOB", RollbackEntries.RestoredYes);
        await seed.Entry(checkout, start.AddMinutes(30), TimelineKind.Message, "Checkout error rate back under 0.1%", "U0CAROL");
        await seed.Entry(checkout, start.AddMinutes(40), TimelineKind.Status, "Monitoring: fixed, watching the error rate", "U0BOB");
        await seed.Entry(checkout, start.AddMinutes(50), TimelineKind.Handoff, "Bob hands off to Carol: watch the retry queue drain", "U0BOB");
        await seed.Entry(checkout, start.AddMinutes(55), TimelineKind.Message, "Retry queue drained", "U0CAROL");
        await seed.Action(checkout, "Alert on checkout error rate", start.AddMinutes(60), owner: "U0CAROL");
        await seed.Resolve(checkout, start.AddMinutes(70));

        await seed.Incident("Payroll export sent to the wrong bucket", start.AddHours(1), severity: 2, area: "finance", isPrivate: true, channel: "G0PAYROLL");
        await seed.Incident("Search results slow in the EU", start.AddHours(2), severity: 3, area: "search", owner: "U0DAVE");
    }

    /// <summary>
    /// Half a year of incidents, two or three a week, with response times that vary from week to week and slowly improve:
    /// enough for the insights charts to have something to say. Deterministic, so screenshots are comparable.
    /// </summary>
    public static async Task SeedHistory(DashboardSeed seed, DateTimeOffset now)
    {
        var random = new Random(16);
        string[] areas = ["payments", "search", "accounts", "notifications"];
        for (var week = 25; week >= 0; week--)
        {
            for (var n = 0; n < 2 + (week % 2); n++)
            {
                var inWeek = ResponseInsights.WeekOf(now).AddDays(-7 * week).AddHours(random.Next(1, 120));
                // This week's incidents fall between its Monday and now, whenever the test runs.
                var declared = inWeek < now ? inWeek : ResponseInsights.WeekOf(now) + ((now - ResponseInsights.WeekOf(now)) / (2 + n));
                var slower = 1 + (week / 10.0);
                var incident = await seed.Incident($"Incident in week -{week}", declared, severity: 1 + random.Next(0, 4), area: areas[random.Next(areas.Length)]);
                await seed.Incidents.SetImpactStart(incident.Number, declared.AddMinutes(-random.Next(2, 25) * slower), CancellationToken.None);
                await seed.Entry(incident, declared.AddMinutes(random.Next(1, 12) * slower), TimelineKind.Acknowledged, "Acknowledged");
                await seed.Entry(incident, declared.AddMinutes(random.Next(8, 30) * slower), TimelineKind.Status, "Investigating");
                if (random.Next(3) == 0)
                {
                    await seed.Entry(incident, declared.AddMinutes(10), TimelineKind.Decision, "Roll back", sourceId: RollbackEntries.Decided("yes"));
                    var restored = random.Next(4) > 0;
                    await seed.Entry(incident, declared.AddMinutes(random.Next(15, 40) * slower), TimelineKind.Decision, restored ? "Restored" : "Not restored", sourceId: restored ? RollbackEntries.RestoredYes : RollbackEntries.RestoredNo);
                }

                await seed.Resolve(incident, declared.AddMinutes(random.Next(40, 240) * slower));
            }
        }
    }
}
