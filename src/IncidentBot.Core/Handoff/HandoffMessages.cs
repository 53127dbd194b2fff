using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Handoff;

/// <summary>The buttons and direct messages of a handoff, and how a pending handoff is read back from the timeline.</summary>
public static class HandoffMessages
{
    /// <summary>Opens the handoff form (new owner and notes).</summary>
    public const string FormAction = "handoff-form";

    /// <summary>The new owner accepts a handoff addressed to them.</summary>
    public const string AcceptAction = "handoff-accept";

    /// <summary>Someone asked to step in after an escalation takes the incident over.</summary>
    public const string TakeOverAction = "handoff-take";

    /// <summary>What a <c>handoff</c> entry says before the notes: "Handoff: a -> b. Tried / try next: ...".</summary>
    public const string NotesLabel = "Tried / try next: ";

    private const string ProposalStart = "Handoff: ";

    public static ChatButton HandOffButton(Incident incident) => new(FormAction, "Hand off", Number(incident), Primary: true);

    public static ChatButton TakeOverButton(Incident incident) => new(TakeOverAction, "Take over", Number(incident), Primary: true);

    public static ChatMessage AskToAccept(Incident incident, string from, string notes, string key) => new(
        Key: key,
        Text: $"{from} is handing {incident.Id} to you. Accept to take ownership ('accept {incident.Id}'); until you do, {from} still owns it.\n{NotesLabel}{notes}",
        Heading: ThreadRoot.Heading(incident),
        Fields: [ThreadRoot.Severity(incident), new("From", from)],
        Buttons: [new ChatButton(AcceptAction, "Accept", Number(incident), Primary: true)]);

    /// <summary>The timeline source id of a proposal to hand the incident to <paramref name="to"/>.</summary>
    public static string ProposalId(DateTimeOffset at, string to) =>
        string.Create(CultureInfo.InvariantCulture, $"{PendingHandoffs.ProposalPrefix}{at.ToUnixTimeMilliseconds()}:{to}");

    /// <summary>A proposal's timeline entry: "Handoff: a -> b. Tried / try next: ...".</summary>
    public static string ProposalText(string from, string to, string notes) => $"{ProposalStart}{from} -> {to}. {NotesLabel}{notes}";

    /// <summary>Who owned the incident when the proposal was made (read back from its entry).</summary>
    public static string FromOf(TimelineEntry proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var text = proposal.Text;
        var arrow = text.IndexOf(" -> ", StringComparison.Ordinal);
        return text.StartsWith(ProposalStart, StringComparison.Ordinal) && arrow > 0 ? text[ProposalStart.Length..arrow] : "nobody";
    }

    /// <summary>The notes of a proposal entry: what was tried and what to try next.</summary>
    public static string NotesOf(TimelineEntry proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var at = proposal.Text.IndexOf(NotesLabel, StringComparison.Ordinal);
        return at < 0 ? proposal.Text : proposal.Text[(at + NotesLabel.Length)..];
    }

    public static string Minutes(TimeSpan span) => $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} min";

    private static string Number(Incident incident) => incident.Number.ToString(CultureInfo.InvariantCulture);
}
