namespace IncidentBot.Registry;

/// <summary>Watching the file: any change to it, or its replacement, schedules one reload.</summary>
internal sealed partial class RegistryFile
{
    // Editors save in bursts (truncate, write, rename, chmod): reload once the burst is over.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    private FileSystemWatcher? watcher;
    private ITimer? debounce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            LogNotWatched(logger, path);
            return Task.CompletedTask;
        }

        debounce = clock.CreateTimer(_ => _ = ReloadAfterChange(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Filters.Add(System.IO.Path.GetFileName(path));

        // Kubernetes ConfigMap volumes never touch the file itself: they swap the ..data symlink it points through.
        watcher.Filters.Add("..data");
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += OnChanged;
        watcher.Error += OnError;
        watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        watcher?.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        debounce?.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => debounce?.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void OnError(object sender, ErrorEventArgs e)
    {
        // Usually an overflowing event buffer: a change may have been missed, so look at the file anyway.
        LogWatchError(logger, path, e.GetException().Message);
        debounce?.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    private async Task ReloadAfterChange()
    {
        try
        {
            await Reload();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing awaits a timer callback: an exception here would be lost without this log line.
            LogReloadFailed(logger, e, path);
        }
    }
}
