using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Chat;

/// <summary>
/// The one port through which the core talks to a chat platform. Implementations queue the message durably and
/// return; delivery happens later. Once an incident's root message is delivered, the platform reports the thread id
/// through <see cref="IncidentThreads.ThreadOpened"/>.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The platform's name as stored on incidents: <c>slack</c>, <c>teams</c>, <c>local</c>.</summary>
    string Name { get; }

    /// <summary>How people start a command here (<c>/outage</c>), for help and usage texts.</summary>
    string CommandPrefix { get; }

    /// <summary>The channel a new incident thread opens in, for a command given in <paramref name="commandChannel"/>.</summary>
    string IncidentChannelFor(string commandChannel);

    Task OpenThread(Incident incident, ChatMessage root, CancellationToken ct);

    Task PostInThread(Incident incident, ChatMessage message, CancellationToken ct);

    /// <summary>A top-level post in a channel by its id (the stakeholder channels of status updates).</summary>
    Task PostToChannel(string channel, ChatMessage message, CancellationToken ct);

    /// <summary>Answers the sender of a command privately (an ephemeral message on Slack).</summary>
    Task Answer(CommandContext context, ChatMessage message, CancellationToken ct);

    /// <summary>
    /// How this platform names the person in text and direct messages (<c>&lt;@U123&gt;</c> on Slack), or null when
    /// the registry has no id for them here.
    /// </summary>
    string? Handle(Registry.Person person);

    /// <summary>
    /// Opens a form for the person who pressed a button; false when this platform has no forms (the caller then
    /// explains the command instead).
    /// </summary>
    Task<bool> OpenForm(CommandContext context, ChatForm form, CancellationToken ct);

    /// <summary>A direct message to a person, by their <see cref="Handle"/>.</summary>
    Task DirectMessage(string handle, ChatMessage message, CancellationToken ct);
}
