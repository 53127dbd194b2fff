using IncidentBot.Core.Actions;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Declaration;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.FollowUps;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Replies;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Search;
using IncidentBot.Core.Status;
using IncidentBot.Core.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Core.Tests.Support;

/// <summary>
/// The core wired as the host wires it, with the in-process chat platform, in-memory stores, a registry parsed
/// from YAML and reminders the test fires itself.
/// </summary>
internal sealed class CoreHarness : IRegistrySource, IRunbookSource, IRollbackTrigger, IPersonTimeZones
{
    private int requests;

    public CoreHarness(string? registryYaml = null, DateTimeOffset? now = null, string platform = InProcessChat.PlatformName, AuthorizationRules? rules = null)
    {
        Clock = new ManualClock(now ?? new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        Current = registryYaml is null ? ExpertiseRegistry.Empty : RegistryParser.Parse(registryYaml).Registry!;
        Chat = new InProcessChat(new IncidentThreads(Store), platform);
        Directory = new TestDirectory(platform);
        Pager = new RecordingPager(Faults);
        Publisher = new RecordingStatusPublisher(Faults);
        PrivatePublisher = new RecordingStatusPublisher(Faults, isPublic: false);
        Statuses = new MemoryStatusStore(Store);
        Services = Ports(rules ?? AuthorizationRules.Default).AddIncidentCore().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Platforms = Get<ChatPlatforms>();
        Roster = Get<Roster>();
        Handoffs = Get<HandoffSchedule>();
        HandOff = Get<HandOff>();
        Rollback = Get<RollbackFirst>();
        Checklist = Get<Checklist>();
        Nudges = Get<Nudges>();
        Status = Get<PostStatusUpdate>();
        Overdue = Get<OverdueActions>();
        FollowUps = Get<FollowUpActions>();
        Declare = Get<DeclareIncident>();
        Decline = Get<DeclinePage>();
        ProdAccess = Get<ProductionAccess>();
        Deciders = Get<AskDeciders>();
        Commands = Get<IncidentCommands>();
        Forms = Get<FormSubmissions>();
        Buttons = Get<IncidentButtons>();
        ReminderHandler = (ReminderDispatcher)Get<IReminderHandler>();
        Replies = Get<ThreadReplies>();
        Related = Get<RelateIncidents>();
    }

    /// <summary>The core as <see cref="IncidentCoreExtensions.AddIncidentCore"/> builds it for the host, on this harness's fakes.</summary>
    public IServiceProvider Services { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>What the host registers around the core: stores, chat, reminders, sources and policies, all fakes here.</summary>
    private ServiceCollection Ports(AuthorizationRules rules)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IIncidentStore>(Store);
        services.AddSingleton<IPagingStore>(Store);
        services.AddSingleton<IAbsences>(Store);
        services.AddSingleton<IIncidentSearch>(Store);
        services.AddSingleton<IRelatedIncidents>(Links);
        services.AddSingleton<IActionStore>(Actions);
        services.AddSingleton<IStatusStore>(Statuses);
        services.AddSingleton<IPendingReplyChanges>(new MemoryPendingReplyChanges());
        services.AddSingleton<IReminders>(Reminders);
        services.AddSingleton<IExternalPager>(Pager);
        services.AddSingleton<IStatusPublisher>(Publisher);
        services.AddSingleton<IStatusPublisher>(PrivatePublisher);
        services.AddSingleton<IChatPlatform>(new FaultyChat(Chat, Faults));
        services.AddSingleton<IPeopleDirectory>(Directory);
        services.AddSingleton<IRefusalLog>(Refusals);
        services.AddSingleton<IRegistrySource>(this);
        services.AddSingleton<IRunbookSource>(this);
        services.AddSingleton<IRollbackTrigger>(this);
        services.AddSingleton<IPersonTimeZones>(this);
        services.AddSingleton(rules);
        services.AddSingleton(new PagingPolicy(TimeSpan.FromMinutes(5)));
        services.AddSingleton(new NudgePolicy(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)));
        services.AddSingleton(HandoffPolicy);
        return services;
    }

    public ExpertiseRegistry Current { get; set; }

    /// <summary>Who the platform says is a guest, who is in which channel and what people are called.</summary>
    public TestDirectory Directory { get; }

    public RecordingRefusals Refusals { get; } = new();

    public ManualClock Clock { get; }

    public MemoryIncidentStore Store { get; } = new();

    /// <summary>Incidents related by hand.</summary>
    public MemoryRelatedIncidents Links { get; } = new();

    public RelateIncidents Related { get; }

    public RecordingReminders Reminders { get; } = new();

    public MemoryActionStore Actions { get; } = new();

    public ChatPlatforms Platforms { get; }

    public Roster Roster { get; }

    public OverdueActions Overdue { get; }

    public FollowUpActions FollowUps { get; }

    public DeclareIncident Declare { get; }

    public DeclinePage Decline { get; }

    public ProductionAccess ProdAccess { get; }

    public AskDeciders Deciders { get; }

    /// <summary>Steps armed to fail once (a message key, <c>pager:resolve:INC-1</c>, <c>publish:status:resolved</c>).</summary>
    public Faults Faults { get; } = new();

    public RecordingPager Pager { get; }

    public MemoryStatusStore Statuses { get; }

    /// <summary>A public place (status page, Statuspage).</summary>
    public RecordingStatusPublisher Publisher { get; }

    /// <summary>An internal place (the stakeholder channels).</summary>
    public RecordingStatusPublisher PrivatePublisher { get; }

    public PostStatusUpdate Status { get; }

    public InProcessChat Chat { get; }

    public IncidentCommands Commands { get; }

    public IncidentButtons Buttons { get; }

    public FormSubmissions Forms { get; }

    /// <summary>Every kind of reminder, as the scheduler's job calls them.</summary>
    public ReminderDispatcher ReminderHandler { get; }

    public RollbackFirst Rollback { get; }

    public Checklist Checklist { get; }

    public Nudges Nudges { get; }

    public HandoffSchedule Handoffs { get; }

    public HandOff HandOff { get; }

    /// <summary>Nags 30 min before the end of the owner's day, every 15 min, escalating 30 min after it; 09:00-17:00 UTC when unknown.</summary>
    public HandoffPolicy HandoffPolicy { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), HandoffDefaults.NineToFiveUtc);

    /// <summary>Time zones the chat platform knows for people (Slack profiles), by handle.</summary>
    public Dictionary<string, NodaTime.DateTimeZone> PlatformZones { get; } = [];

    Task<NodaTime.DateTimeZone?> IPersonTimeZones.ZoneOf(string handle, CancellationToken ct) =>
        Task.FromResult(PlatformZones.GetValueOrDefault(handle));

    RunbookDocument IRunbookSource.Current => Runbook;

    /// <summary>The runbook in force; tests may swap it.</summary>
    public RunbookDocument Runbook { get; set; } = RunbookParser.Parse("""
        steps:
          - { id: gather, title: Collect what is known }
          - { id: status, title: Users and stakeholders know, text: The status page says we are investigating. }
        """).Runbook!;

    /// <summary>
    /// Rollback requests, as the deploy pipeline's webhook would receive them (once per incident, as the outbox key
    /// makes it); set <see cref="HasWebhook"/> to turn it on.
    /// </summary>
    public List<string> RollbackRequests { get; } = [];

    public bool HasWebhook { get; set; }

    bool IRollbackTrigger.IsConfigured(Incident incident) => HasWebhook;

    Task IRollbackTrigger.Request(Incident incident, string requestedBy, CancellationToken ct)
    {
        Faults.Check("rollback:" + incident.Id);
        lock (RollbackRequests)
        {
            if (!RollbackRequests.Exists(r => r.StartsWith(incident.Id + " ", StringComparison.Ordinal)))
            {
                RollbackRequests.Add($"{incident.Id} by {requestedBy}");
            }
        }

        return Task.CompletedTask;
    }

    public ThreadReplies Replies { get; }

    public CommandContext Context(string user = "alice", string channel = "C-ops", string? thread = null) =>
        new(Chat.Name, $"req-{Interlocked.Increment(ref requests)}", channel, thread, user, ReplyTo: user);

    public Task Run(string text, CommandContext? context = null) =>
        Commands.Run(context ?? Context(), text, CancellationToken.None);

    /// <summary>Moves the clock on, firing each reminder at its own due time on the way, as the scheduler would.</summary>
    public async Task Advance(TimeSpan by)
    {
        var target = Clock.GetUtcNow() + by;
        while (Reminders.Scheduled.Where(r => r.At <= target).OrderBy(r => r.At).FirstOrDefault() is { } next)
        {
            if (next.At > Clock.GetUtcNow())
            {
                Clock.Advance(next.At - Clock.GetUtcNow());
            }

            await Reminders.Cancel(next.Key, CancellationToken.None);
            await ReminderHandler.Fire(next, CancellationToken.None);
        }

        Clock.Advance(target - Clock.GetUtcNow());
    }

    public Task<IReadOnlyList<TimelineEntry>> Timeline(long number = 1) => Store.Timeline(number, CancellationToken.None);

    public IReadOnlyList<PostedMessage> Answers => Chat.Messages.Where(m => m.Private && !m.Channel.StartsWith("dm:", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<PostedMessage> Posts => Chat.Messages.Where(m => !m.Private).ToList();

    public IReadOnlyList<PostedMessage> DirectMessages(string person) => Chat.Messages.Where(m => m.Channel == "dm:" + person).ToList();
}
