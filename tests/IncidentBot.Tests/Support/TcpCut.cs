using System.Net;
using System.Net.Sockets;

namespace IncidentBot.Tests.Support;

/// <summary>
/// A loopback TCP proxy in front of a server (PostgreSQL) that the test can cut, as a network failure or a server
/// restart would: open connections are reset and new ones refused until it is restored on the same port.
/// </summary>
internal sealed class TcpCut : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource? running;

    private TcpCut(IPEndPoint target) => this.target = target;

    public int Port { get; private set; }

    public static TcpCut Start(string host, int port)
    {
        var cut = new TcpCut(new IPEndPoint(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port));
        cut.Listen(0);
        return cut;
    }

    /// <summary>Resets every open connection and refuses new ones.</summary>
    public void Cut()
    {
        running?.Cancel();
        listener?.Stop();
        lock (open)
        {
            foreach (var client in open)
            {
                // Linger 0: the peer sees a reset, as when a server dies, rather than an orderly close.
                try
                {
                    if (client.Client is { } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }
                }
                catch (ObjectDisposedException)
                {
                    // Its pump already closed it when the other side went away.
                }

                client.Dispose();
            }

            open.Clear();
        }
    }

    public void Restore() => Listen(Port);

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private void Listen(int port)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        running = new CancellationTokenSource();
        _ = Accept(listener, running.Token);
    }

    private async Task Accept(TcpListener server, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await server.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            await outbound.ConnectAsync(target, ct);
            lock (open)
            {
                open.Add(inbound);
                open.Add(outbound);
            }

            _ = Pipe(inbound, outbound, ct);
            _ = Pipe(outbound, inbound, ct);
        }
    }

    private static async Task Pipe(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The cut, or one side closing: the other side is closed below.
        }

        from.Dispose();
        to.Dispose();
    }
}
