using System.Text.Json.Nodes;
using IncidentBot.Teams;

namespace IncidentBot.Tests.Teams;

/// <summary>Real Teams payloads (Microsoft's documentation examples and Bot Framework SDK test fixtures), kept in Teams/Payloads.</summary>
internal static class TeamsSamples
{
    public static readonly DateTimeOffset Received = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Teams", "Payloads", name));

    public static TeamsActivity Activity(string name) =>
        TeamsActivity.Parse(Bytes(name)) ?? throw new InvalidOperationException($"{name} is not an activity");

    /// <summary>A sample changed by <paramref name="change"/>, for cases the samples do not cover.</summary>
    public static TeamsActivity Changed(string name, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(Bytes(name))!.AsObject();
        change(json);
        return TeamsActivity.Parse(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()))!;
    }

    public const string ChannelReply = "teams-message-channel-thread-reply-with-mention.json";
    public const string Personal = "teams-message-personal.docs-example.json";
    public const string Execute = "teams-invoke-adaptiveCard-action-execute.json";
}
