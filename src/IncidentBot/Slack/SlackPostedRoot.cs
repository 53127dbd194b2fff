using System.Globalization;
using System.Text.Json;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Slack;

/// <summary>
/// Finds an incident's thread root that was posted but whose answer never came back (a timeout, a reset connection,
/// a crash before the ts was recorded): the root carries <c>incident_opened</c> metadata naming the incident, so the
/// channel's recent history tells whether it is already there. Finding it is what keeps a retry from opening a second
/// thread, whose replies would be lost.
/// </summary>
internal sealed partial class SlackPostedRoot(SlackApiClient api, SlackWorkspace workspace, ILogger<SlackPostedRoot> logger)
{
    /// <summary>The root goes out within seconds of the declaration; a margin covers clocks that disagree.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(10);

    /// <summary>Slack's own page size limit is 999; a root is among the newest messages since its declaration.</summary>
    private const int PageSize = 200;

    /// <summary>The root's ts if it is in the channel; null if it is not; a result other than success when Slack could not say.</summary>
    public async Task<Lookup> Find(Incident incident, string channel, CancellationToken ct)
    {
        var oldest = (incident.DeclaredAt - Margin).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".000000";
        var result = await api.Call(
            "conversations.history",
            new Dictionary<string, string>
            {
                ["channel"] = channel, ["oldest"] = oldest, ["limit"] = PageSize.ToString(CultureInfo.InvariantCulture), ["include_all_metadata"] = "true",
            },
            ct);
        switch (result)
        {
            case SlackApiResult.Success found:
                var ours = (await workspace.Identity(ct))?.AppId;
                return new Lookup(RootIn(found.Body, incident.Id, ours), null);
            case SlackApiResult.Permanent refused:
                // Without channels:history (or groups:history) the bot cannot look; posting again is the lesser harm.
                LogCannotLook(incident.Id, refused.Error);
                return new Lookup(null, null);
            default:
                return new Lookup(null, result);
        }
    }

    /// <summary>Another app's bot (another IncidentBot installation) may number its incidents the same way: only our app's root counts.</summary>
    private static string? RootIn(JsonElement body, string incidentId, string? ourAppId)
    {
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (ourAppId is not null && message.TryGetProperty("app_id", out var app) && app.GetString() != ourAppId)
            {
                continue;
            }

            if (message.TryGetProperty("metadata", out var metadata)
                && metadata.TryGetProperty("event_type", out var type) && type.GetString() == SlackChatPlatform.IncidentOpenedEvent
                && metadata.TryGetProperty("event_payload", out var payload)
                && payload.TryGetProperty("incident_id", out var id) && id.GetString() == incidentId
                && message.TryGetProperty("ts", out var ts))
            {
                return ts.GetString();
            }
        }

        return null;
    }

    /// <summary><paramref name="Ts"/> when found; <paramref name="Unanswered"/> when Slack was down or rate-limited the look-up.</summary>
    internal sealed record Lookup(string? Ts, SlackApiResult? Unanswered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{IncidentId}: could not look for an earlier thread root in the channel's history ({Error}); posting it again. Grant channels:history and groups:history so a retry never opens a second thread.")]
    private partial void LogCannotLook(string incidentId, string error);
}
