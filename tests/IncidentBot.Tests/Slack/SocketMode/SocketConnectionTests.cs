using System.Net.WebSockets;
using IncidentBot.Slack.SocketMode;

namespace IncidentBot.Tests.Slack.SocketMode;

internal sealed class SocketConnectionTests
{
    /// <summary>
    /// On a refresh the client says goodbye on the old connection once the new one is up, while Slack may have closed
    /// the old one already and its receive loop let go of it. Saying goodbye then threw, which ended the Socket Mode
    /// client and with it the whole host (seen in CI as the bot refusing connections after a refresh).
    /// </summary>
    [Test]
    public async Task Saying_goodbye_on_a_connection_already_closed_and_let_go_is_harmless()
    {
        var connection = new SocketConnection(new ClientWebSocket(), 1);
        connection.Dispose();

        await Assert.ThatAsync(() => connection.BeginClose(CancellationToken.None), Throws.Nothing);
    }
}
