using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Declaration;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.FollowUps;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Home;
using IncidentBot.Core.Impact;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Owners;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Replies;
using IncidentBot.Core.Resolve;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Search;
using IncidentBot.Core.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Core;

/// <summary>
/// The incident core's one composition root, used by the server, the terminal mode and the core tests alike. It
/// registers the core's own classes only; what it needs from outside is registered by whoever hosts it: the stores
/// (<see cref="IIncidentStore"/>, <see cref="IPagingStore"/>, <see cref="IAbsences"/>, ...), the chat platforms
/// (<see cref="IChatPlatform"/>, <see cref="IPeopleDirectory"/>), <see cref="IReminders"/>, the registry and runbook
/// sources, and the policies read from configuration (<see cref="PagingPolicy"/>, <see cref="NudgePolicy"/>,
/// <see cref="HandoffPolicy"/>, <see cref="AuthorizationRules"/>).
/// </summary>
public static class IncidentCoreExtensions
{
    public static IServiceCollection AddIncidentCore(this IServiceCollection services)
    {
        // The only registration of the clock: hosts and tests that control time register theirs first.
        services.TryAddSingleton(TimeProvider.System);
        AddBase(services);
        AddUseCases(services);
        AddReminderKinds(services);
        AddDispatchers(services);
        return services;
    }

    private static void AddBase(IServiceCollection services)
    {
        services.TryAddSingleton<IPersonTimeZones, NoPersonTimeZones>();
        services.AddSingleton<Roster>();
        services.AddSingleton<ChatPlatforms>();
        services.AddSingleton<IncidentThreads>();
        services.AddSingleton<PeopleDirectories>();
        services.AddSingleton<Permissions>();
        services.AddSingleton<HomeViews>();
        services.AddSingleton<HomeRefresh>();
    }

    private static void AddUseCases(IServiceCollection services)
    {
        services.AddSingleton<PageOwners>();
        services.AddSingleton<AreaOnDeclare>();
        services.AddSingleton<DeclinePage>();
        services.AddSingleton<ProductionAccess>();
        services.AddSingleton<AskDeciders>();
        services.AddSingleton<SevOneDeciders>();
        services.AddSingleton<PeopleCommands>();
        services.AddSingleton<OwnerHours>();
        services.AddSingleton<HandoffEscalation>();
        services.AddSingleton<HandoffSchedule>();
        services.AddSingleton<HandOff>();
        services.AddSingleton<Ownership>();
        services.AddSingleton<RollbackFirst>();
        services.AddSingleton<Checklist>();
        services.AddSingleton<RootCauseFound>();
        services.AddSingleton<Nudges>();
        services.AddSingleton<PostStatusUpdate>();
        services.AddSingleton<Notes>();
        services.AddSingleton<EditPostmortem>();
        services.AddSingleton<DraftPostmortem>();
        services.AddSingleton<ChangeSeverity>();
        services.AddSingleton<ImpactStart>();
        services.AddSingleton<FollowUpActions>();
        services.AddSingleton<OverdueActions>();
        services.AddSingleton<ThreadReplies>();
        services.AddSingleton<AddToTimeline>();
        services.AddSingleton<ListIncidents>();
        services.AddSingleton<SearchIncidents>();
        services.AddSingleton<SimilarIncidents>();
        services.AddSingleton<RelateIncidents>();
        services.AddSingleton<RecurrenceCheck>();
        services.AddSingleton<ResolveIncident>();
        services.AddSingleton<DeclareIncident>();
    }

    /// <summary>Every use case that schedules reminders answers for its own kinds when one is due.</summary>
    private static void AddReminderKinds(IServiceCollection services)
    {
        services.AddSingleton<IReminderKind, EscalationReminder>();
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<AskDeciders>());
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<ProductionAccess>());
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<HandoffSchedule>());
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<Nudges>());
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<OverdueActions>());
        services.AddSingleton<IReminderHandler, ReminderDispatcher>();
    }

    private static void AddDispatchers(IServiceCollection services)
    {
        services.AddSingleton<UserMentions>();
        services.AddSingleton<DidYouMean>();
        services.AddSingleton<IncidentLookup>();
        services.AddSingleton<IncidentCommands>();
        services.AddSingleton<IncidentForms>();
        services.AddSingleton<FormSubmissions>();
        services.AddSingleton<IncidentButtons>();
        services.AddSingleton<DeclareForm>();
    }
}
