using System.Text.Json;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

/// <summary>Real Slack payloads (docs examples and SDK fixtures) copied next to the tests.</summary>
internal static class SamplePayloads
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Slack", "Payloads", name));

    public static JsonElement Json(string name) => JsonElement.Parse(Bytes(name));

    /// <summary>The event_callback inside a Socket Mode events_api envelope, as the HTTP endpoint would receive it.</summary>
    public static byte[] EnvelopePayload(string name) => JsonSerializer.SerializeToUtf8Bytes(Json(name).GetProperty("payload"));

    public static SlackEventCallback Callback(byte[] json) =>
        SlackInbound.Parse("application/json", json) as SlackEventCallback
        ?? throw new InvalidOperationException("not an event_callback");

    /// <summary>A hand-written inner event, delivered to a bot whose user is UBOT in app ABOT.</summary>
    public static SlackEventCallback Event(string eventJson, string? botUserId = "UBOT", string? apiAppId = "ABOT") =>
        new("Ev1", apiAppId, botUserId, JsonElement.Parse(eventJson));
}
