using System.Text.Json.Nodes;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Support;

/// <summary>
/// A host test with its own expertise registry (written to a temporary file for the class) and an acknowledgement
/// timeout: the paging tests set one long enough that anyone paged next was paged by what the test did, not by the
/// timeout. Buttons in the bot's direct messages are pressed with <see cref="Press"/>.
/// </summary>
internal abstract class PagingHostTestBase(StorageProvider provider, string registry, string ackTimeout = "01:00:00") : HostTestBase(provider)
{
    /// <summary>The same file for the whole class, so a restart in the middle of a test reads the same registry.</summary>
    protected override IReadOnlyDictionary<string, string?> ExtraSettings() =>
        new Dictionary<string, string?> { ["Registry:Path"] = RegistryFile(registry), ["Paging:AckTimeout"] = ackTimeout };

    /// <summary>A button pressed by <paramref name="user"/> in their direct message; answers go to <c>response_url</c> <c>press-&lt;user&gt;</c>.</summary>
    protected string Press(string user, string actionId, string value = "1") => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() },
        ["api_app_id"] = SlackPayloads.AppId,
        ["trigger_id"] = $"trigger.{Guid.NewGuid():N}",
        ["response_url"] = Slack.ResponseUrl($"press-{user}"),
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.2", ["channel_id"] = "D" + user, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = "D" + user },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = "1.3" }),
    }.ToJsonString();
}
