using System.Text.Json.Nodes;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The bot with only <c>Slack:AppToken</c> and <c>Slack:BotToken</c> (no signing secret, no public URL), connected over
/// Socket Mode to the fake Slack. <see cref="Socket"/> is the first connection, hello already said.
/// </summary>
internal abstract class SocketModeTestBase(StorageProvider provider) : HostTestBase(provider)
{
    public const string AppToken = "xapp-1-A0INCIDENT-test-app-token";

    protected FakeSocket Socket { get; private set; } = null!;

    /// <summary>Its tests drop, refuse and reopen connections, and start from the first one: a bot per test.</summary>
    protected override bool OwnHost => true;

    [SetUp]
    public async Task Connect() => Socket = await Slack.NextSocket();

    protected override IReadOnlyDictionary<string, string?>? ExtraSettings() => new Dictionary<string, string?>
    {
        ["Slack:SigningSecret"] = null,
        ["Slack:AppToken"] = AppToken,
        ["Slack:SocketMode:ReconnectBaseDelay"] = "00:00:00.050",
        ["Slack:SocketMode:ReconnectMaxDelay"] = "00:00:00.200",
        ["Slack:SocketMode:HelloTimeout"] = "00:00:30",
    };

    /// <summary>Sends the envelope and returns the bot's acknowledgement of it.</summary>
    protected static async Task<JsonObject> Deliver(FakeSocket socket, JsonObject envelope)
    {
        await socket.Send(envelope.ToJsonString());
        var ack = await socket.NextAck();
        Assert.That(ack["envelope_id"]!.GetValue<string>(), Is.EqualTo(envelope["envelope_id"]!.GetValue<string>()));
        return ack;
    }

    /// <summary>Declares over the socket and waits until the root is posted; returns its ts.</summary>
    protected async Task<string> DeclareOverSocket(string text, int number = 1)
    {
        await Deliver(Socket, SocketEnvelopes.SlashCommand(text));
        var incident = await Eventually.Get(() => Bot.Incident(number), i => i?["thread"]?["id"] is not null, $"INC-{number}'s thread to open");
        return incident!["thread"]!["id"]!.GetValue<string>();
    }
}
