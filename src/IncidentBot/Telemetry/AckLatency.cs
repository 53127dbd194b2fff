using IncidentBot.Slack;
using IncidentBot.Teams;

namespace IncidentBot.Telemetry;

/// <summary>
/// Times the answer to every request Slack or Teams sends: Slack retries, then disables, an app that takes longer than
/// 3 seconds, so this histogram is the one to watch when the database or the host is slow.
/// </summary>
internal static class AckLatency
{
    private static readonly Dictionary<string, string> PlatformByPath = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/slack/events"] = SlackChatPlatform.PlatformName,
        [TeamsEndpoint.Path] = TeamsChatPlatform.PlatformName,
    };

    public static void UseAckLatency(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<BotMetrics>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (context, next) =>
        {
            if (!PlatformByPath.TryGetValue(context.Request.Path.Value ?? "", out var platform))
            {
                await next(context);
                return;
            }

            var started = clock.GetTimestamp();
            await next(context);
            metrics.Acknowledged(platform, clock.GetElapsedTime(started));
        });
    }
}
