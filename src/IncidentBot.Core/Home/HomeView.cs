using IncidentBot.Core.Actions;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Home;

/// <summary>
/// A person's own page in the chat platform (Slack's App Home): the open incidents, what waits on them, and whether
/// they can be paged now. Platform-neutral; each platform renders it in its own markup and within its own limits.
/// </summary>
public sealed record HomeView(
    string Person,
    DateTimeOffset At,
    IReadOnlyList<Incident> OpenIncidents,
    IReadOnlyList<Incident> PagesToAcknowledge,
    IReadOnlyList<Incident> HandoffsToAccept,
    IReadOnlyList<FollowUpAction> FollowUps,
    HomeAvailability Availability)
{
    /// <summary>How long the incident has been open at the time the view was made.</summary>
    public TimeSpan AgeOf(Incident incident) => At - incident.DeclaredAt;
}

/// <summary>
/// Whether the person can be paged now and why (<see cref="Reason"/>, as <c>/outage who</c> says it).
/// <see cref="MarkedAway"/> is their own <c>ooo</c>, which <c>back</c> ends; <see cref="InRegistry"/> is false for someone
/// the expertise registry does not list, who is never paged and cannot mark themselves away.
/// </summary>
public sealed record HomeAvailability(bool InRegistry, bool Available, bool MarkedAway, string Reason);
