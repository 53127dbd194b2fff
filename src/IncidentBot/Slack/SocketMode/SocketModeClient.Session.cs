using System.Net.WebSockets;

namespace IncidentBot.Slack.SocketMode;

/// <summary>One connection's receive loop: hello, disconnect notices, and envelopes stored and acknowledged in order.</summary>
internal sealed partial class SocketModeClient
{
    private async Task Run(SocketSession session, CancellationToken stop)
    {
        try
        {
            while (await session.Connection.Receive(stop) is { } bytes)
            {
                await OnMessage(session, SocketMessages.Parse(bytes), stop);
            }

            LogClosed(session.Number, session.Disconnect ?? "without notice");
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            LogDropped(session.Number, e.GetType().Name);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            session.MarkEnded();
            session.Connection.Dispose();
            Ended(session, stop);
        }
    }

    private async Task OnMessage(SocketSession session, SocketMessage message, CancellationToken stop)
    {
        switch (message)
        {
            case SocketHello:
                session.MarkReady(clock.GetUtcNow());
                UpdateStatus();
                LogHello(session.Number);
                break;
            case SocketDisconnect notice:
                await OnDisconnect(session, notice, stop);
                break;
            case SocketEnvelope envelope:
                await Acknowledge(session, envelope, stop);
                break;
            case SocketUnknown unknown:
                LogUnknown(session.Number, unknown.Reason);
                break;
        }
    }

    /// <summary>Acknowledged only once stored: if storing fails, Slack gets no ack and delivers the envelope again.</summary>
    private async Task Acknowledge(SocketSession session, SocketEnvelope envelope, CancellationToken stop)
    {
        System.Text.Json.Nodes.JsonObject ack;
        try
        {
            ack = await envelopes.Acknowledge(envelope, stop);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            LogNotStored(envelope.Type, envelope.EnvelopeId, e.GetType().Name);
            return;
        }

        await session.Connection.Send(ack, stop);
    }

    private async Task OnDisconnect(SocketSession session, SocketDisconnect notice, CancellationToken stop)
    {
        session.Disconnect = notice.Reason;
        LogDisconnect(session.Number, notice.Reason);
        if (notice.IsRefresh)
        {
            // The replacement is opened now; this one keeps being read until Slack closes it or the new one is up.
            wanted.Writer.TryWrite(new($"Slack asked connection {session.Number} to refresh ({notice.Reason})", TimeSpan.Zero));
        }
        else if (notice.Reason == SocketDisconnect.LinkDisabled)
        {
            LogLinkDisabled();
        }
        else
        {
            // Too many connections (or a reason Slack added later): give this one up; another carries on, or one is
            // opened after a backoff once this one has closed.
            await session.Connection.BeginClose(stop);
        }
    }

    private void Ended(SocketSession session, CancellationToken stop)
    {
        lock (sessions)
        {
            sessions.Remove(session);
        }

        UpdateStatus();
        if (stop.IsCancellationRequested || HasLive() || session.WasRefreshed || session.ReadyAt is null)
        {
            // Shutting down, someone else carries the traffic, a replacement is already under way, or it never
            // said hello (the connect attempt that opened it deals with that).
            return;
        }

        var stable = clock.GetUtcNow() - session.ReadyAt >= options.Value.ReconnectMaxDelay;
        wanted.Writer.TryWrite(new($"connection {session.Number} closed", NextFailureDelay(stable)));
    }
}
