using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Support;

/// <summary>The in-process platform, failing once at a message whose key a test armed in <see cref="Faults"/>.</summary>
internal sealed class FaultyChat(InProcessChat chat, Faults faults) : IChatPlatform
{
    public string Name => chat.Name;

    public string CommandPrefix => chat.CommandPrefix;

    public string IncidentChannelFor(string commandChannel) => chat.IncidentChannelFor(commandChannel);

    public Task OpenThread(Incident incident, ChatMessage root, CancellationToken ct)
    {
        faults.Check(root.Key);
        return chat.OpenThread(incident, root, ct);
    }

    public Task PostInThread(Incident incident, ChatMessage message, CancellationToken ct)
    {
        faults.Check(message.Key);
        return chat.PostInThread(incident, message, ct);
    }

    public Task PostToChannel(string channel, ChatMessage message, CancellationToken ct)
    {
        faults.Check(message.Key);
        return chat.PostToChannel(channel, message, ct);
    }

    public Task Answer(CommandContext context, ChatMessage message, CancellationToken ct) => chat.Answer(context, message, ct);

    public string? Handle(Person person) => chat.Handle(person);

    public Task<bool> OpenForm(CommandContext context, ChatForm form, CancellationToken ct) => chat.OpenForm(context, form, ct);

    public Task DirectMessage(string handle, ChatMessage message, CancellationToken ct)
    {
        faults.Check(message.Key);
        return chat.DirectMessage(handle, message, ct);
    }
}
