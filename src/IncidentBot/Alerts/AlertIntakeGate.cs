namespace IncidentBot.Alerts;

/// <summary>
/// At most a few alert payloads are written to the inbox at once. A storm (a hundred notifications in a second) would
/// otherwise open a database connection per request, and PostgreSQL refuses clients past its <c>max_connections</c>
/// (100 by default), turning the storm into 500s. One write takes milliseconds, so waiting here keeps answers fast.
/// </summary>
internal sealed class AlertIntakeGate : IDisposable
{
    private readonly SemaphoreSlim slots = new(4);

    public async Task<T> Run<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
