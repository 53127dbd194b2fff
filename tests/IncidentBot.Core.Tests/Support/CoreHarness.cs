using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Support;

/// <summary>
/// The core wired as the host wires it, with the in-process chat platform, in-memory stores, a registry parsed
/// from YAML and reminders the test fires itself.
/// </summary>
internal sealed class CoreHarness : IRegistrySource
{
    private int requests;

    public CoreHarness(string? registryYaml = null, DateTimeOffset? now = null)
    {
        Clock = new ManualClock(now ?? new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        Current = registryYaml is null ? ExpertiseRegistry.Empty : RegistryParser.Parse(registryYaml).Registry!;
        var threads = new IncidentThreads(Store);
        Chat = new InProcessChat(threads);
        var platforms = new ChatPlatforms([Chat]);
        var roster = new Roster(this, Store, Clock);
        var policy = new PagingPolicy(TimeSpan.FromMinutes(5));
        var pageOwners = new PageOwners(Store, Store, roster, platforms, Reminders, Pager, policy, Clock);
        var areas = new AreaOnDeclare(roster, Store, pageOwners, platforms);
        var ownership = new Ownership(Store, Store, Reminders, platforms, Clock);
        Commands = new IncidentCommands(
            platforms,
            new DeclareIncident(Store, platforms, areas, Clock),
            new ListIncidents(Store),
            new IncidentLookup(Store),
            ownership,
            new PeopleCommands(roster, Store, platforms, Clock),
            new ResolveIncident(Store, Reminders, Pager, roster, platforms, Clock),
            roster,
            new Notes(Store, Clock),
            new DraftPostmortem(Store));
        Buttons = new IncidentButtons(Store, ownership, areas, platforms);
        Escalation = new EscalationReminder(Store, roster, pageOwners, policy);
        Replies = new ThreadReplies(Store);
    }

    public ExpertiseRegistry Current { get; set; }

    public ManualClock Clock { get; }

    public MemoryIncidentStore Store { get; } = new();

    public RecordingReminders Reminders { get; } = new();

    public RecordingPager Pager { get; } = new();

    public InProcessChat Chat { get; }

    public IncidentCommands Commands { get; }

    public IncidentButtons Buttons { get; }

    public EscalationReminder Escalation { get; }

    public ThreadReplies Replies { get; }

    public CommandContext Context(string user = "alice", string channel = "C-ops", string? thread = null) =>
        new(InProcessChat.PlatformName, $"req-{Interlocked.Increment(ref requests)}", channel, thread, user, ReplyTo: user);

    public Task Run(string text, CommandContext? context = null) =>
        Commands.Execute(context ?? Context(), text, answeredAtReceipt: false, CancellationToken.None);

    /// <summary>Moves the clock on and fires the reminders that came due, as the scheduler would.</summary>
    public async Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        foreach (var reminder in Reminders.TakeDue(Clock.GetUtcNow()))
        {
            await Escalation.Fire(reminder, CancellationToken.None);
        }
    }

    public Task<IReadOnlyList<TimelineEntry>> Timeline(long number = 1) => Store.Timeline(number, CancellationToken.None);

    public IReadOnlyList<PostedMessage> Answers => Chat.Messages.Where(m => m.Private && !m.Channel.StartsWith("dm:", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<PostedMessage> Posts => Chat.Messages.Where(m => !m.Private).ToList();

    public IReadOnlyList<PostedMessage> DirectMessages(string person) => Chat.Messages.Where(m => m.Channel == "dm:" + person).ToList();
}
