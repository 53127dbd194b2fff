using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// One WebSocket to Slack: whole messages in (frames reassembled until end of message), acknowledgements out.
/// Sends are serialised, since a WebSocket allows one at a time.
/// </summary>
internal sealed class SocketConnection(ClientWebSocket socket, int number) : IDisposable
{
    /// <summary>Far above Slack's largest envelope (a modal submission of tens of kilobytes).</summary>
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    // Never disposed: the client may still be saying goodbye on this connection (BeginClose) from its own loop while the
    // connection's receive loop ends and disposes it, and a disposed semaphore would throw there, ending the client and
    // with it the host. A SemaphoreSlim whose wait handle is never asked for holds nothing that needs disposing.
    private readonly SemaphoreSlim sending = new(1, 1);

    /// <summary>Counts connections since start-up, for the log.</summary>
    public int Number => number;

    public static async Task<SocketConnection> Open(Uri url, int number, SocketModeOptions options, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        // A connection whose pings go unanswered this long is dead, even if no error says so.
        socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
        try
        {
            await socket.ConnectAsync(url, ct);
            return new SocketConnection(socket, number);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next whole message; null once the connection is closed (by either side).</summary>
    public async Task<byte[]?> Receive(CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxMessageBytes)
                {
                    throw new WebSocketException(WebSocketError.Faulted, $"message over {MaxMessageBytes} bytes");
                }

                if (result.EndOfMessage)
                {
                    return message.ToArray();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task Send(JsonObject message, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await sending.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>
    /// Says goodbye without hanging up: what Slack sent before it saw the goodbye is still received (and
    /// acknowledged) until its own close arrives, so nothing in flight is lost.
    /// </summary>
    public async Task BeginClose(CancellationToken ct)
    {
        await sending.WaitAsync(ct);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", ct);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // Already gone (Slack closed it first and its receive loop disposed it), or going: nothing to say goodbye to.
        }
        finally
        {
            sending.Release();
        }
    }

    public void Abort() => socket.Abort();

    public void Dispose() => socket.Dispose();
}
