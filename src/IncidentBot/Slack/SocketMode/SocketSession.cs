namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// One connection as the client tracks it: up once Slack said hello; no longer counted on once Slack said it will
/// disconnect (<see cref="Disconnect"/>), though it is still read until it closes.
/// </summary>
internal sealed class SocketSession(SocketConnection connection)
{
    private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool ended;

    public SocketConnection Connection => connection;

    public int Number => connection.Number;

    /// <summary>Completes on hello; fails if the connection ends first.</summary>
    public Task Hello => hello.Task;

    public DateTimeOffset? ReadyAt { get; private set; }

    /// <summary>The reason of Slack's <c>disconnect</c> notice, once it sent one.</summary>
    public string? Disconnect { get; set; }

    /// <summary>The receive loop; completes when the connection is gone.</summary>
    public Task Ended { get; set; } = Task.CompletedTask;

    /// <summary>Carries traffic and is expected to go on doing so.</summary>
    public bool IsLive => ReadyAt is not null && Disconnect is null && !ended;

    public bool WasRefreshed => Disconnect is SocketDisconnect.Warning or SocketDisconnect.RefreshRequested;

    public void MarkReady(DateTimeOffset now)
    {
        ReadyAt ??= now;
        hello.TrySetResult();
    }

    public void MarkEnded()
    {
        ended = true;
        hello.TrySetException(new IOException($"Socket Mode connection {Number} closed before hello"));
    }
}
