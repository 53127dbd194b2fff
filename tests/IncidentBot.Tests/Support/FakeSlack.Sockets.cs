using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Tests.Support;

/// <summary>Socket Mode on the fake Slack: every <c>apps.connections.open</c> hands out a new <c>ws://</c> URL to <c>/link</c>.</summary>
internal sealed partial class FakeSlack
{
    private readonly Channel<FakeSocket> accepted = Channel.CreateUnbounded<FakeSocket>();
    private int tickets;

    /// <summary>False: new connections wait for the test to call <see cref="FakeSocket.Hello"/>.</summary>
    public bool SayHello { get; set; } = true;

    /// <summary>The next connection the bot opens (waits for it, within the tests' usual limit).</summary>
    public async Task<FakeSocket> NextSocket()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            return await accepted.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("Gave up waiting 20 s for the bot to open a Socket Mode connection");
            throw;
        }
    }

    /// <summary>True when the bot has opened no connection beyond those the test already took.</summary>
    public bool NoNewSocket => accepted.Reader.Count == 0;

    private string NextSocketUrl() => $"{BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal)}/link/?ticket={Interlocked.Increment(ref tickets)}";

    private async Task AcceptSocket(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = new FakeSocket(await context.WebSockets.AcceptWebSocketAsync(), context.Request.Query["ticket"].ToString());
        if (SayHello)
        {
            await socket.Hello();
        }

        accepted.Writer.TryWrite(socket);
        await socket.ReceiveUntilClosed();
    }
}

/// <summary>Slack's end of one Socket Mode connection: sends hello, envelopes and disconnect notices; records the acks.</summary>
internal sealed class FakeSocket(WebSocket socket, string ticket) : IDisposable
{
    private readonly Channel<JsonObject> acks = Channel.CreateUnbounded<JsonObject>();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim sending = new(1, 1);

    public string Ticket => ticket;

    /// <summary>Completes when the bot closed the connection (or it dropped); fails the test after the usual limit.</summary>
    public Task Closed => closed.Task.WaitAsync(TimeSpan.FromSeconds(20));

    public Task Hello() => Send("""{"type":"hello","num_connections":1,"debug_info":{"host":"applink-test","build_number":10,"approximate_connection_time":18060},"connection_info":{"app_id":"A0INCIDENT"}}""");

    public Task Disconnect(string reason) => Send(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-test" } }.ToJsonString());

    public async Task Send(string json)
    {
        await sending.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>The next acknowledgement the bot sent on this connection.</summary>
    public async Task<JsonObject> NextAck()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await acks.Reader.ReadAsync(limit.Token);
    }

    /// <summary>Slack closes the connection, with the closing handshake.</summary>
    public Task CloseFromSlack() => CloseOutput("link closed");

    /// <summary>The socket dies without a closing handshake, as when a network path breaks.</summary>
    public void Drop() => socket.Abort();

    private async Task CloseOutput(string reason)
    {
        await sending.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    public async Task ReceiveUntilClosed()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseOutput("bye");
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    acks.Writer.TryWrite((JsonObject)JsonNode.Parse(message.ToArray())!);
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped.
        }

        closed.TrySetResult();
    }

    public void Dispose() => sending.Dispose();
}
