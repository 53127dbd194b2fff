using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Search;

/// <summary>
/// <c>related [INC-n] &lt;other id&gt;</c>: links two incidents by hand, both ways, with a <c>related</c> entry on each
/// timeline; the postmortems list each other, and resolving the later one asks whether the earlier one's checks were
/// repeated. The sender must be able to see both, and a private incident is related only to a private incident of the
/// same channel (see <see cref="Relations.MayShow"/>), since each names the other's root cause. Linking twice
/// changes nothing; a link stored before a failure gets its timeline entries on the next attempt.
/// </summary>
public sealed class RelateIncidents(
    IIncidentStore incidents, IRelatedIncidents links, Permissions permissions, ChatPlatforms platforms, TimeProvider clock)
{
    /// <summary>What to tell the sender: the link made, or why not.</summary>
    public async Task<string> Link(CommandContext context, Incident incident, long otherNumber, CancellationToken ct)
    {
        if (otherNumber == incident.Number)
        {
            return $"An incident cannot be related to itself: name two different incidents, as in 'related {incident.Id} INC-{Math.Max(1, incident.Number - 1)}'.";
        }

        if (await incidents.Find(otherNumber, ct) is not { } other)
        {
            return $"There is no incident {IncidentId.Format(otherNumber)}.";
        }

        var hidden = await Hidden(context, incident, ct) ?? await Hidden(context, other, ct);
        if (hidden is not null)
        {
            return hidden;
        }

        if (!Relations.MayShow(other, incident) || !Relations.MayShow(incident, other))
        {
            var (secret, open) = incident.IsPrivate ? (incident, other) : (other, incident);
            return $"{secret.Id} is private and {open.Id} is not a private incident of the same channel: each would show the other's root cause to its readers. Relate a private incident only to private incidents of its channel.";
        }

        var now = clock.GetUtcNow();
        var added = await links.Link(incident.Number, other.Number, context.User, now, ct);
        await incidents.Append(incident.Number, Entry(other, context.User, now), ct);
        await incidents.Append(other.Number, Entry(incident, context.User, now), ct);
        if (!added)
        {
            return $"{incident.Id} and {other.Id} are related already.";
        }

        await platforms[incident.Thread.Platform].PostInThread(
            incident,
            new ChatMessage($"{incident.Id}:related:{other.Number}", $"{context.User} related this incident to:\n{SimilarIncidents.Describe(other)}"),
            ct);
        return $"{incident.Id} and {other.Id} are related now: both timelines say so and both postmortems list the other.";
    }

    /// <summary>The incidents related to this one that may be shown with it, earliest first.</summary>
    public Task<IReadOnlyList<Incident>> Of(Incident incident, CancellationToken ct) => Relations.Of(links, incidents, incident, ct);

    /// <summary>Why the sender may not relate this incident: it is private and they may not read its timeline.</summary>
    private async Task<string?> Hidden(CommandContext context, Incident incident, CancellationToken ct) =>
        incident.IsPrivate && await permissions.Refusal(context, Acts.Timeline, incident, ct) is { } refusal
            ? $"{incident.Id} is private: {refusal} Nothing was related."
            : null;

    private static TimelineEntry Entry(Incident other, string by, DateTimeOffset at) =>
        new(at, TimelineKind.Related, by, $"Related to {other.Id} {ThreadRoot.TitlePrefix}{other.Title}", $"related:{other.Number}");
}
