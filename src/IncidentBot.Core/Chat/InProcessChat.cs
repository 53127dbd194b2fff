using System.Collections.Concurrent;
using System.Globalization;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Chat;

/// <summary>
/// A chat platform that lives in this process: the terminal mode talks to it, and the core's tests use it.
/// Messages are kept in order and announced through <see cref="Posted"/>; a thread opens as soon as it is asked for.
/// The core's tests may give it another platform's name, to run the same flows as that platform's people.
/// </summary>
public sealed class InProcessChat(IncidentThreads threads, string name = InProcessChat.PlatformName) : IChatPlatform
{
    public const string PlatformName = "local";

    private readonly ConcurrentQueue<PostedMessage> messages = new();
    private readonly ConcurrentDictionary<string, byte> sentKeys = new();
    public event Action<PostedMessage>? Posted;

    public string Name => name;

    public string CommandPrefix => "/outage";

    public IReadOnlyCollection<PostedMessage> Messages => messages;

    public string IncidentChannelFor(string commandChannel) => commandChannel;

    public async Task OpenThread(Incident incident, ChatMessage root, CancellationToken ct)
    {
        var threadId = ThreadOf(incident);
        if (Post(new PostedMessage(incident.Thread.Channel, threadId, root, Private: false)))
        {
            await threads.ThreadOpened(incident.Number, threadId, ct);
        }
    }

    public Task PostInThread(Incident incident, ChatMessage message, CancellationToken ct)
    {
        Post(new PostedMessage(incident.Thread.Channel, ThreadOf(incident), message, Private: false));
        return Task.CompletedTask;
    }

    public Task PostToChannel(string channel, ChatMessage message, CancellationToken ct)
    {
        Post(new PostedMessage(channel, null, message, Private: false));
        return Task.CompletedTask;
    }

    public Task Answer(CommandContext context, ChatMessage message, CancellationToken ct)
    {
        Post(new PostedMessage(context.Channel, context.ThreadId, message, Private: true));
        return Task.CompletedTask;
    }

    public string? Handle(Registry.Person person) => person.Id;

    /// <summary>The terminal has no forms: the commands do the same.</summary>
    public Task<bool> OpenForm(CommandContext context, ChatForm form, CancellationToken ct) => Task.FromResult(false);

    public Task DirectMessage(string handle, ChatMessage message, CancellationToken ct)
    {
        Post(new PostedMessage("dm:" + handle, null, message, Private: true));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Derived from the incident, so thread ids stay unique across runs that share a database, and so posts made
    /// right after declaring (with the incident as it was before its thread opened) land in the thread.
    /// </summary>
    private static string ThreadOf(Incident incident) => "thread-" + incident.Number.ToString(CultureInfo.InvariantCulture);

    private bool Post(PostedMessage message)
    {
        if (!sentKeys.TryAdd(message.Message.Key, 0))
        {
            return false;
        }

        messages.Enqueue(message);
        Posted?.Invoke(message);
        return true;
    }
}

/// <summary>A message the in-process platform showed: in a channel or thread, or privately to the sender.</summary>
public sealed record PostedMessage(string Channel, string? ThreadId, ChatMessage Message, bool Private);
