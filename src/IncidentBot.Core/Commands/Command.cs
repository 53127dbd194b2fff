using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>A parsed <c>/outage</c> command. <c>Incident</c> is null when the command did not name one.</summary>
public abstract record Command;

public sealed record DeclareCommand(string Summary, string? Area, int? Severity) : Command;

public sealed record HelpCommand : Command;

public sealed record ListCommand : Command;

public sealed record AreasCommand : Command;

public sealed record WhoCommand(string Area) : Command;

public sealed record AckCommand(long? Incident) : Command;

public sealed record OwnerCommand(long? Incident, string Person) : Command;

public sealed record HandoffCommand(long? Incident, string Person, string Notes) : Command;

public sealed record StatusCommand(long? Incident, IncidentStatus Stage, string PublicMessage) : Command;

public sealed record RollbackCommand(long? Incident, RollbackAnswer Answer, string? Note) : Command;

public sealed record NoteCommand(long? Incident, string Text) : Command;

public sealed record ActionCommand(long? Incident, string FollowUp) : Command;

public sealed record ResolveCommand(long? Incident, string Verification) : Command;

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
