using IncidentBot.Core.Actions;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Support;

/// <summary>Incidents, timelines and actions written straight to the bot's store, with the times a test needs.</summary>
internal sealed class DashboardSeed(BotHost bot)
{
    private int requests;

    public IIncidentStore Incidents => bot.Services.GetRequiredService<IIncidentStore>();

    public async Task<Incident> Incident(
        string title, DateTimeOffset declaredAt, int? severity = null, string? area = null, string? owner = "U0ALICE", bool isPrivate = false, string channel = "C0OPS")
    {
        var key = "seed-" + Interlocked.Increment(ref requests);
        var draft = new NewIncident(key, title, severity, area, "U0ALICE", owner, declaredAt, "slack", channel, IsPrivate: isPrivate);
        var incident = await Incidents.Create(draft, new TimelineEntry(declaredAt, TimelineKind.Declared, "U0ALICE", "Declared: " + title, "declared:" + key), CancellationToken.None);
        await Incidents.SetThreadId(incident.Number, $"1700000000.{incident.Number:000000}", CancellationToken.None);
        return incident;
    }

    public Task Entry(Incident incident, DateTimeOffset at, string kind, string text, string actor = "U0BOB", string? sourceId = null, bool key = false) =>
        Incidents.Append(incident.Number, new TimelineEntry(at, kind, actor, text, sourceId ?? $"seed-{Interlocked.Increment(ref requests)}", Key: key), CancellationToken.None);

    public Task Resolve(Incident incident, DateTimeOffset at) => Incidents.Resolve(incident.Number, at, CancellationToken.None);

    public Task<FollowUpAction> Action(Incident incident, string text, DateTimeOffset at, string? owner = null) =>
        bot.Services.GetRequiredService<IActionStore>().Add(
            new NewAction($"seed-action-{Interlocked.Increment(ref requests)}", incident.Number, text, owner, null, "U0ALICE", at), CancellationToken.None);
}
