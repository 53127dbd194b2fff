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
}
