using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Support;

/// <summary>The core wired to the in-process chat platform and an in-memory store, as the terminal mode wires it.</summary>
internal sealed class CoreHarness
{
    private int requests;

    public CoreHarness()
    {
        var threads = new IncidentThreads(Store);
        Chat = new InProcessChat(threads);
        var platforms = new ChatPlatforms([Chat]);
        Commands = new IncidentCommands(platforms, new DeclareIncident(Store, platforms, Clock), new ListIncidents(Store));
        Replies = new ThreadReplies(Store);
    }

    public ManualClock Clock { get; } = new();

    public MemoryIncidentStore Store { get; } = new();

    public InProcessChat Chat { get; }

    public IncidentCommands Commands { get; }

    public ThreadReplies Replies { get; }

    public CommandContext Context(string user = "alice", string channel = "C-ops", string? thread = null) =>
        new(InProcessChat.PlatformName, $"req-{Interlocked.Increment(ref requests)}", channel, thread, user, ReplyTo: user);

    public Task Run(string text, CommandContext? context = null) =>
        Commands.Execute(context ?? Context(), text, answeredAtReceipt: false, CancellationToken.None);

    public IReadOnlyList<PostedMessage> Answers => Chat.Messages.Where(m => m.Private).ToList();

    public IReadOnlyList<PostedMessage> Posts => Chat.Messages.Where(m => !m.Private).ToList();
}
