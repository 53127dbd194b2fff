namespace IncidentBot.Core.Timeline;

/// <summary>Reads the handoff waiting to be accepted off an incident's timeline.</summary>
public static class PendingHandoffs
{
    // "handoff:" starts a proposal's source id; its acceptance is "handoff-accepted:<proposal>", which does not.
    public const string ProposalPrefix = "handoff:";

    /// <summary>
    /// The handoff waiting to be accepted: the latest change of ownership on the timeline, when it is a proposal. An
    /// acknowledgement, an <c>owner</c> command or an acceptance after it means none is waiting.
    /// </summary>
    public static PendingHandoff? Pending(IReadOnlyList<TimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var last = timeline.LastOrDefault(e => e.Kind is TimelineKind.Handoff or TimelineKind.Acknowledged);
        var parts = last?.SourceId.Split(':', 3);
        return last is not null && last.SourceId.StartsWith(ProposalPrefix, StringComparison.Ordinal) && parts!.Length == 3
            ? new PendingHandoff(last.SourceId, parts[2], last.At)
            : null;
    }
}

/// <summary>A handoff proposed to <see cref="To"/> (a handle) and not accepted yet; <see cref="Id"/> is its timeline source id.</summary>
public sealed record PendingHandoff(string Id, string To, DateTimeOffset At);
