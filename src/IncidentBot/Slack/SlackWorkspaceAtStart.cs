namespace IncidentBot.Slack;

/// <summary>
/// Asks Slack which workspace and app this bot is before requests are served, so the log says it (or why not) and the
/// first request does not wait for it. Start-up waits a few seconds at most: if Slack does not answer by then, the
/// first request asks again (and is refused until Slack answers).
/// </summary>
internal sealed class SlackWorkspaceAtStart(SlackWorkspace workspace) : IHostedService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(MaxWait);
        try
        {
            await workspace.Identity(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Slack is slow: the first request tries again.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
