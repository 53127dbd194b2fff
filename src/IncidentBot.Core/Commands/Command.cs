using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>A parsed <c>/outage</c> command. <c>Incident</c> is null when the command did not name one.</summary>
public abstract record Command;

/// <summary>
/// <see cref="IsPrivate"/>: <c>/outage private &lt;summary&gt;</c>, kept off every public page. <see cref="Explicit"/>:
/// <c>/outage declare &lt;summary&gt;</c>, declared even when the summary names an existing incident.
/// </summary>
public sealed record DeclareCommand(string Summary, string? Area, int? Severity, bool IsPrivate = false, bool Explicit = false) : Command;

/// <summary>
/// Text that looks like a mistyped command (<c>staus INC-4 monitoring</c>) or names an existing incident: nothing is
/// declared; the sender is asked whether they meant <see cref="Suggestion"/> (command text without the prefix), or
/// want to declare <see cref="Text"/> anyway.
/// </summary>
public sealed record DidYouMeanCommand(string Suggestion, string Text) : Command;

public sealed record HelpCommand : Command;

public sealed record ListCommand : Command;

public sealed record AreasCommand : Command;

public sealed record WhoCommand(string Area) : Command;

public sealed record AckCommand(long? Incident) : Command;

public sealed record OwnerCommand(long? Incident, string Person) : Command;

public sealed record HandoffCommand(long? Incident, string Person, string Notes) : Command;

/// <summary><see cref="PublicTitle"/>: <c>title:"..."</c>, the name the status page shows; null keeps the current or neutral one.</summary>
public sealed record StatusCommand(long? Incident, IncidentStatus Stage, string PublicMessage, string? PublicTitle = null) : Command;

public sealed record RollbackCommand(long? Incident, RollbackAnswer Answer, string? Note) : Command;

public sealed record NoteCommand(long? Incident, string Text) : Command;

/// <summary><c>action [INC-n] [@owner] [due:yyyy-mm-dd] &lt;text&gt;</c>: a follow-up with an id of its own (<c>A-&lt;n&gt;</c>).</summary>
public sealed record ActionCommand(long? Incident, string FollowUp, string? Owner = null, DateOnly? Due = null) : Command;

/// <summary><c>done A-&lt;n&gt;</c>: the follow-up action is finished.</summary>
public sealed record DoneCommand(long Action) : Command;

/// <summary><c>sev [INC-n] &lt;1-4&gt;</c>: the severity changed.</summary>
public sealed record SevCommand(long? Incident, int Severity) : Command;

/// <summary><c>started [INC-n] &lt;time&gt;</c>: when the impact began, before anyone declared the incident.</summary>
public sealed record StartedCommand(long? Incident, PastTime When) : Command;

/// <summary><c>decline &lt;INC-n&gt; [reason]</c>: the person paged is on something equally urgent; page the next one now.</summary>
public sealed record DeclineCommand(long Incident, string? Reason) : Command;

/// <summary><c>rootcause [INC-n] &lt;text&gt;</c>: the root cause is found.</summary>
public sealed record RootCauseCommand(long? Incident, string Text) : Command;

/// <summary><c>prodaccess [INC-n]</c>: page the people with production access, one at a time, until one acknowledges.</summary>
public sealed record ProdAccessCommand(long? Incident) : Command;

/// <summary><c>priority [INC-n] &lt;question&gt;</c>: ask the deciders whether the incident comes before other work.</summary>
public sealed record PriorityCommand(long? Incident, string Question) : Command;

/// <summary><c>priority [INC-n] drop|wait [note]</c>: a decider's answer to the open question.</summary>
public sealed record PriorityAnswerCommand(long? Incident, bool DropEverything, string? Note) : Command;

/// <summary><c>search &lt;words&gt;</c>: incidents whose title, timeline, root cause or verification mention them.</summary>
public sealed record SearchCommand(string Words) : Command;

/// <summary><c>related [INC-n] &lt;other id&gt;</c>: links the two incidents (a recurrence, say), both ways.</summary>
public sealed record RelatedCommand(long? Incident, long Other) : Command;

/// <summary>
/// <c>reverify [INC-n] &lt;earlier id&gt; repeated|not-needed [note]</c>: whether the related earlier incident's
/// verification steps were repeated for this one.
/// </summary>
public sealed record ReverifyCommand(long? Incident, long Earlier, bool Repeated, string? Note) : Command;


/// <summary>
/// <c>resolve [INC-n] &lt;what you verified&gt;</c>. The Resolve form also gives the <see cref="RootCause"/> and the
/// <see cref="Resolution"/> for the postmortem; an empty <see cref="Verification"/> (a blank form) resolves nothing.
/// </summary>
public sealed record ResolveCommand(long? Incident, string Verification, string? RootCause = null, string? Resolution = null) : Command;

/// <summary><c>prodaccess [INC-n] ack</c>: the person paged for production access is on it (the page's Acknowledge button).</summary>
public sealed record ProdAccessAckCommand(long? Incident) : Command;

/// <summary><c>area [INC-n] &lt;key&gt;</c>: the area affected, when the bot asked for it; its owners are paged.</summary>
public sealed record AreaCommand(long? Incident, string Area) : Command;

/// <summary><c>restored [INC-n] yes|no</c>: whether the rollback restored service (a yes counts as mitigation).</summary>
public sealed record RestoredCommand(long? Incident, bool Restored) : Command;

/// <summary><c>check [INC-n] &lt;step&gt;</c>: a runbook checklist step is done, by its id.</summary>
public sealed record CheckCommand(long? Incident, string Step) : Command;

/// <summary><c>accept [INC-n]</c>: take over the incident handed to you.</summary>
public sealed record AcceptCommand(long? Incident) : Command;

/// <summary><c>takeover [INC-n]</c>: become the owner yourself (asked to step in after an escalation).</summary>
public sealed record TakeOverCommand(long? Incident) : Command;

/// <summary>
/// A button that opens a form (<see cref="Form"/>: the form's id, <see cref="Choice"/>: what the button prefills). Not
/// typed by anyone: on a platform without forms the answer names the command the form stands for.
/// </summary>
public sealed record OpenFormCommand(long Incident, string Form, string Choice = "") : Command;

public sealed record PostmortemCommand(long? Incident) : Command;

public sealed record OutOfOfficeCommand(DateOnly? Until) : Command;

public sealed record BackCommand : Command;

/// <summary>A verb with missing or bad arguments, or an empty command: answered with the usage of <see cref="Verb"/>.</summary>
public sealed record InvalidCommand(string? Verb, string Problem) : Command;

public enum RollbackAnswer
{
    Yes,
    No,
    Unsure,
}
