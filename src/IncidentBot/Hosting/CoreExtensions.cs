using IncidentBot.Core.Actions;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Timeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Hosting;

internal static class CoreExtensions
{
    /// <summary>The incident core's use cases; the chat platforms and the store are registered by their own features.</summary>
    public static IServiceCollection AddIncidentCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatPlatforms>();
        services.AddSingleton<IncidentThreads>();
        services.AddSingleton<DeclareIncident>();
        services.AddSingleton<ListIncidents>();
        services.AddSingleton<SearchIncidents>();
        services.AddSingleton<SimilarIncidents>();
        services.AddSingleton<RelateIncidents>();
        services.AddSingleton<RecurrenceCheck>();
        services.AddSingleton<IncidentCommands>();
        services.AddSingleton<DidYouMean>();
        services.AddSingleton<ThreadReplies>();
        services.AddSingleton<Notes>();
        services.AddSingleton<EditPostmortem>();
        services.AddSingleton<DraftPostmortem>();
        services.AddSingleton<ChangeSeverity>();
        services.AddSingleton<SevOneDeciders>();
        services.AddSingleton<ImpactStart>();
        services.AddSingleton<FollowUpActions>();

        // Home pages (Slack's App Home) and the forms that platforms open from their shortcuts.
        services.AddSingleton<HomeViews>();
        services.AddSingleton<HomeRefresh>();
        services.AddSingleton<DeclareForm>();
        services.AddSingleton<AddToTimeline>();
        services.AddSingleton<OverdueActions>();
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<OverdueActions>());
        return services;
    }
}
